package vn.ocop.hub.connector.shopee;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Shopee Open Platform v2 request signature (developer guide "API calls", Signature calculation):
 * lowercase hex HMAC-SHA256 keyed with the partner key over a plain concatenation, in this order,
 * with the API path as sent and without the host:
 * <ul>
 *   <li>public APIs (tokens, media upload): {@code partner_id + path + timestamp}</li>
 *   <li>shop APIs: {@code partner_id + path + timestamp + access_token + shop_id}</li>
 * </ul>
 * The timestamp is Unix seconds and Shopee accepts it for five minutes, so it is taken per call.
 */
public final class ShopeeSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final long partnerId;
    private final byte[] partnerKey;

    public ShopeeSigner(long partnerId, String partnerKey) {
        this.partnerId = partnerId;
        this.partnerKey = (partnerKey == null ? "" : partnerKey).getBytes(StandardCharsets.UTF_8);
    }

    public long partnerId() {
        return partnerId;
    }

    public String signPublic(String path, long timestamp) {
        return hmacHex(partnerId + path + timestamp);
    }

    public String signShop(String path, long timestamp, String accessToken, long shopId) {
        return hmacHex(partnerId + path + timestamp + accessToken + shopId);
    }

    private String hmacHex(String base) {
        try {
            // Mac instances are not thread-safe and several consumers sign at once: one per call
            Mac mac = Mac.getInstance(ALGORITHM);
            // a blank key only exists while the partner is disabled (requires); Shopee would answer error_sign
            mac.init(new SecretKeySpec(partnerKey.length == 0 ? new byte[1] : partnerKey, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
