package vn.ocop.hub.connector.postmart;

import vn.ocop.hub.support.Digests;

/**
 * Postmart's callback signature (this project's contract, partners.md): header
 * {@code X-Postmart-Signature: sha256=<lowercase hex HMAC-SHA256(POSTMART_WEBHOOK_SECRET, rawBody)>}.
 */
public final class PostmartWebhookSignature {

    public static final String HEADER = "X-Postmart-Signature";
    public static final String EVENT_ID_HEADER = "X-Postmart-Event-Id";
    public static final String PREFIX = "sha256=";

    private PostmartWebhookSignature() {
    }

    /** The header value for this body, {@code sha256=…}. */
    public static String of(String secret, byte[] rawBody) {
        return PREFIX + Digests.hmacSha256Hex(secret, rawBody);
    }
}
