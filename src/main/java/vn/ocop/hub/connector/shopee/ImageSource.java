package vn.ocop.hub.connector.shopee;

/**
 * Where a listing's image bytes come from before they are uploaded to Shopee, which takes files,
 * not URLs. The default reads the https URL; tests serve bytes without a network.
 */
public interface ImageSource {

    /** One image as downloaded. {@code mediaType} may be null when the server did not say. */
    record Image(byte[] bytes, String mediaType) {
    }

    /**
     * @throws vn.ocop.hub.connector.TransientPartnerException when the image host is unreachable or busy
     * @throws vn.ocop.hub.connector.PermanentPartnerException when the URL does not give an image
     */
    Image fetch(String url);
}
