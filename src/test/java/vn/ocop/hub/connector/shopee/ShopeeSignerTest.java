package vn.ocop.hub.connector.shopee;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of Shopee's developer guide ("API calls", Signature calculation): partner_id
 * 2001887, path /api/v2/shop/get_shop_info, timestamp 1655714431, access_token
 * 59777174636562737266615546704c6d, shop_id 14701711. The guide prints the base strings but no
 * key, so the expected signs are computed here, independently, with a made-up key.
 */
class ShopeeSignerTest {

    private static final String KEY = "test_partner_key_123";
    private static final long PARTNER_ID = 2001887;
    private static final long TIMESTAMP = 1655714431;
    private static final String ACCESS_TOKEN = "59777174636562737266615546704c6d";
    private static final long SHOP_ID = 14701711;

    private final ShopeeSigner signer = new ShopeeSigner(PARTNER_ID, KEY);

    @Test
    void shopCallsSignPartnerPathTimestampTokenAndShop() {
        // the base string exactly as the guide prints it
        String base = "2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711";
        String expected = hmacSha256Hex(KEY, base);

        assertThat(signer.signShop("/api/v2/shop/get_shop_info", TIMESTAMP, ACCESS_TOKEN, SHOP_ID))
                .isEqualTo(expected)
                // also the vector recorded in research/marketplaces.md §1.2
                .isEqualTo("5467e060121e23b60d133a13b2972253695985bf3395b5c088537806fd835e72");
    }

    @Test
    void publicCallsSignPartnerPathAndTimestampOnly() {
        String expected = hmacSha256Hex(KEY, "2001887/api/v2/auth/token/get1655714431");

        assertThat(signer.signPublic("/api/v2/auth/token/get", TIMESTAMP))
                .isEqualTo(expected)
                .isEqualTo("19b2b86451df7a176d9a9fd09771e390ef255a61660572a2f62b35a7f6dde0fe");
    }

    @Test
    void theSignIsLowercaseHexOfThirtyTwoBytes() {
        assertThat(signer.signPublic("/api/v2/media_space/upload_image", TIMESTAMP)).matches("[0-9a-f]{64}");
    }

    @Test
    void everyPartOfTheBaseStringCounts() {
        String reference = signer.signShop("/api/v2/product/add_item", TIMESTAMP, ACCESS_TOKEN, SHOP_ID);

        assertThat(signer.signShop("/api/v2/product/update_item", TIMESTAMP, ACCESS_TOKEN, SHOP_ID)).isNotEqualTo(reference);
        assertThat(signer.signShop("/api/v2/product/add_item", TIMESTAMP + 1, ACCESS_TOKEN, SHOP_ID)).isNotEqualTo(reference);
        assertThat(signer.signShop("/api/v2/product/add_item", TIMESTAMP, ACCESS_TOKEN + "0", SHOP_ID)).isNotEqualTo(reference);
        assertThat(signer.signShop("/api/v2/product/add_item", TIMESTAMP, ACCESS_TOKEN, SHOP_ID + 1)).isNotEqualTo(reference);
        assertThat(new ShopeeSigner(PARTNER_ID + 1, KEY).signShop("/api/v2/product/add_item", TIMESTAMP, ACCESS_TOKEN,
                SHOP_ID)).isNotEqualTo(reference);
        assertThat(new ShopeeSigner(PARTNER_ID, KEY + "x").signShop("/api/v2/product/add_item", TIMESTAMP, ACCESS_TOKEN,
                SHOP_ID)).isNotEqualTo(reference);
    }

    private static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
