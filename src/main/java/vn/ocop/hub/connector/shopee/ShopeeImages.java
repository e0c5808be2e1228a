package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.store.PartnerMediaStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Listing images → Shopee image ids. Shopee's items refer to images it hosts, uploaded with
 * {@code POST /api/v2/media_space/upload_image} (a public API; multipart field {@code image},
 * JPG or PNG, at most 10 MB). Ids are remembered per source URL in the store, so an update of a
 * listing whose images did not change uploads nothing.
 */
final class ShopeeImages {

    static final String UPLOAD_PATH = "/api/v2/media_space/upload_image";
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final String partner;
    private final ShopeeClient client;
    private final ImageSource source;
    private final PartnerMediaStore media;

    ShopeeImages(String partner, ShopeeClient client, ImageSource source, PartnerMediaStore media) {
        this.partner = partner;
        this.client = client;
        this.source = source;
        this.media = media;
    }

    /** Shopee's ids for these images in the same order, uploading only those not seen before. */
    List<String> imageIds(List<String> urls) {
        List<String> ids = new ArrayList<>(urls.size());
        for (String url : urls) {
            ids.add(media.find(partner, url).orElseGet(() -> upload(url)));
        }
        return ids;
    }

    /** After Shopee said "Image not exist.": the remembered ids are stale, upload every image again. */
    List<String> uploadAgain(List<String> urls) {
        return urls.stream().map(this::upload).toList();
    }

    private String upload(String url) {
        ImageSource.Image image = source.fetch(url);
        byte[] bytes = image.bytes();
        if (bytes.length > MAX_BYTES) {
            throw new PermanentPartnerException("image " + url + " is larger than Shopee's 10 MB limit");
        }
        String mediaType = mediaType(bytes);
        if (mediaType == null) {
            throw new PermanentPartnerException("Shopee takes JPG or PNG images only; " + url + " is neither");
        }
        Multipart form = Multipart.file("image", fileName(url, mediaType), mediaType, bytes);
        JsonNode response = client.postPublicForm(UPLOAD_PATH, form, "image " + url);
        String id = imageId(response, url);
        media.save(partner, url, id);
        return id;
    }

    private static String imageId(JsonNode response, String url) {
        String id = response.path("image_info").path("image_id").asText("");
        if (!id.isBlank()) {
            return id;
        }
        // the batch form reports per image, with its own error, even when the envelope is clean
        JsonNode first = response.path("image_info_list").path(0);
        String error = first.path("error").asText("");
        if (!error.isEmpty()) {
            String message = first.path("message").asText("");
            if (ShopeeErrors.classify(error, message) == ShopeeErrors.Kind.PERMANENT) {
                throw new PermanentPartnerException("Shopee rejected image " + url + ": " + error + " " + message);
            }
            throw new TransientPartnerException("Shopee could not take image " + url + ": " + error + " " + message);
        }
        id = first.path("image_info").path("image_id").asText("");
        if (id.isBlank()) {
            throw new TransientPartnerException("Shopee's upload answer for " + url + " has no image_id");
        }
        return id;
    }

    /** By content, not by the server's header or the URL's extension, which are often wrong. */
    static String mediaType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    private static String fileName(String url, String mediaType) {
        String last = url.replaceAll("[?#].*$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        String extension = mediaType.equals("image/png") ? ".png" : ".jpg";
        if (last.isBlank()) {
            return "image" + extension;
        }
        return last.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(jpe?g|png)$") ? last : last + extension;
    }
}
