package vn.ocop.hub.connector.postmart;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
