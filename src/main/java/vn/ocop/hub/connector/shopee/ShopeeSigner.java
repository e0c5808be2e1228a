package vn.ocop.hub.connector.shopee;

import vn.ocop.hub.support.Digests;

import java.nio.charset.StandardCharsets;
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

    /**
     * The signature Shopee puts in the {@code Authorization} header of a push (developer guide
     * "Push Mechanism"): the same key over {@code callbackUrl + "|" + rawBody}, where callbackUrl is
     * exactly the URL Shopee was given. Computed over the body's bytes as received, never over a
     * re-encoded copy, so a byte Shopee sent differently from how Java would write it still verifies.
     */
    public String signPush(String callbackUrl, byte[] rawBody) {
        return hmacHex((callbackUrl + "|").getBytes(StandardCharsets.UTF_8), rawBody);
    }

    private String hmacHex(String base) {
        return hmacHex(base.getBytes(StandardCharsets.UTF_8));
    }

    private String hmacHex(byte[]... parts) {
        // a blank key only exists while the partner is disabled (requires); Shopee would answer error_sign
        return HexFormat.of().formatHex(Digests.hmacSha256(partnerKey, parts));
    }
}
