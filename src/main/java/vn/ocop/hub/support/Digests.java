package vn.ocop.hub.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 and HMAC-SHA256 as the hub uses them: content hashes, token hashes, dedup keys and
 * the partners' and producers' signatures. Both algorithms are mandatory in every JDK, so their
 * absence is a broken runtime, not a case to handle.
 */
public final class Digests {

    private Digests() {
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HMAC-SHA256 with {@code key} over the parts in order. A new {@link Mac} per call: instances
     * are not thread-safe and several consumers sign at once.
     */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // an empty key is refused by SecretKeySpec; HMAC pads short keys with zeros anyway
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Lowercase hex HMAC-SHA256 with a UTF-8 secret. */
    public static String hmacSha256Hex(String secret, byte[]... parts) {
        return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), parts));
    }
}
