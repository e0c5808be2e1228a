package vn.ocop.hub.connector.lazada;

/** The signature Lazada sends with each push, computed with the connector's own signer. */
public final class LazadaPushSignature {

    private LazadaPushSignature() {
    }

    /** Lowercase hex HMAC-SHA256 with the app secret over {@code appKey + rawBody}. */
    public static String of(String appSecret, String appKey, byte[] rawBody) {
        return new LazadaSigner(appSecret).signPush(appKey, rawBody);
    }
}
