package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.support.Digests;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lazada Open Platform's request signature: HMAC-SHA256 with the app secret over the API path
 * followed by every parameter (system and business, {@code payload} included) sorted by name,
 * as {@code name1value1name2value2…}, in UPPERCASE hex. {@code sign} itself and file parameters
 * are left out; the hub never sends files, so every parameter it passes here is text.
 */
final class LazadaSigner {

    static final String SIGN_METHOD = "sha256";

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();
    private static final HexFormat LOWER_HEX = HexFormat.of();

    private final byte[] key;

    LazadaSigner(String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("Lazada app secret is missing");
        }
        this.key = appSecret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String apiPath, Map<String, String> params) {
        return hmac(baseString(apiPath, params));
    }

    /** Exposed for tests: the exact text that is signed. */
    static String baseString(String apiPath, Map<String, String> params) {
        // TreeMap orders by String.compareTo, which is ASCII order for Lazada's ASCII parameter names
        StringBuilder base = new StringBuilder(apiPath);
        new TreeMap<>(params).forEach((name, value) -> {
            // Lazada's SDKs skip empty values, so the platform signs without them too
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                base.append(name).append(value);
            }
        });
        return base.toString();
    }

    /**
     * A push's {@code Authorization} header (Lazada Push Mechanism, "Verify the message"): the same
     * key over {@code appKey + rawBody}, in lowercase hex, unlike request signatures. The body's
     * bytes as received are signed, never a re-encoded copy.
     */
    String signPush(String appKey, byte[] rawBody) {
        return LOWER_HEX.formatHex(mac(appKey.getBytes(StandardCharsets.UTF_8), rawBody));
    }

    private String hmac(String text) {
        return UPPER_HEX.formatHex(mac(text.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] mac(byte[]... parts) {
        return Digests.hmacSha256(key, parts);
    }
}
