package vn.ocop.hub.producer.notify;

import vn.ocop.hub.support.Digests;

import java.nio.charset.StandardCharsets;

/**
 * The signature a producer checks (interfaces.md, "Producer notifications"): HMAC-SHA256 keyed
 * with the producer's webhook secret over {@code timestamp + "." + body}. The timestamp is
 * inside the signed bytes so a captured request cannot be replayed later under a new one.
 */
public final class WebhookSignature {

    public static final String EVENT_ID_HEADER = "X-OCOP-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-OCOP-Timestamp";
    public static final String SIGNATURE_HEADER = "X-OCOP-Signature";
    static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** {@code sha256=<lowercase hex>} for the given Unix-seconds timestamp and exact body bytes. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return PREFIX + Digests.hmacSha256Hex(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }
}
