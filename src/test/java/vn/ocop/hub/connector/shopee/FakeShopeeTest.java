package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.fakes.shopee.FakeShopee;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake checks what Shopee checks; otherwise the connector tests would prove nothing. Calls
 * are made and signed here by hand, independently of the connector's code.
 */
class FakeShopeeTest {

    private static final long PARTNER = 850001;
    private static final String KEY = "fake-key";
    private static final long SHOP = 600000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeShopee shopee;

    @BeforeEach
    void start() {
        shopee = new FakeShopee(PARTNER, KEY, SHOP).start();
    }

    @AfterEach
    void stop() {
        shopee.close();
    }

    @Test
    void theSignIsRecomputedFromWhatWasReceived() throws Exception {
        String token = accessToken();
        long ts = now();
        String good = shopQuery(FakeShopee.SEARCH_ITEM, ts, token) + "&page_size=10&item_sku=X";
        assertThat(get(FakeShopee.SEARCH_ITEM, good).path("error").asText()).isEmpty();

        String forged = good.replace("shop_id=" + SHOP, "shop_id=" + (SHOP + 1));
        assertThat(get(FakeShopee.SEARCH_ITEM, forged).path("error").asText()).isEqualTo("error_param_shop_id_not_found");

        String badSign = good.replaceAll("sign=[0-9a-f]+", "sign=" + hmac("tampered"));
        JsonNode answer = get(FakeShopee.SEARCH_ITEM, badSign);
        assertThat(answer.path("error").asText()).isEqualTo("error_sign");
        assertThat(answer.path("message").asText()).isEqualTo("Wrong sign.");
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRefused() throws Exception {
        String token = accessToken();
        long stale = now() - 301;
        JsonNode answer = get(FakeShopee.SEARCH_ITEM, shopQuery(FakeShopee.SEARCH_ITEM, stale, token) + "&page_size=10&item_sku=X");

        assertThat(answer.path("error").asText()).isEqualTo("error_param");
        assertThat(answer.path("message").asText()).isEqualTo("Invalid timestamp");
    }

    @Test
    void aSpentRefreshTokenIsRefusedAndAnExpiredAccessTokenToo() throws Exception {
        String first = shopee.initialRefreshToken();
        assertThat(refresh(first).path("access_token").asText()).isNotBlank();

        JsonNode again = refresh(first);
        assertThat(again.path("error").asText()).isEqualTo("error_auth");
        assertThat(again.path("message").asText()).isEqualTo("Invalid refresh_token.");

        String token = refresh(shopee.liveRefreshToken()).path("access_token").asText();
        shopee.expireAccessToken();
        JsonNode expired = get(FakeShopee.SEARCH_ITEM, shopQuery(FakeShopee.SEARCH_ITEM, now(), token) + "&page_size=1&item_sku=X");
        assertThat(expired.path("error").asText()).isEqualTo("error_auth");
        assertThat(expired.path("message").asText()).isEqualTo("Invalid access_token.");
    }

    @Test
    void theTokenAnswerHasItsFieldsAtTheTopLevel() throws Exception {
        JsonNode answer = refresh(shopee.initialRefreshToken());

        assertThat(answer.path("error").asText()).isEmpty();
        assertThat(answer.path("expire_in").asLong()).isEqualTo(14_400);
        assertThat(answer.path("refresh_token").asText()).isNotEqualTo(shopee.initialRefreshToken());
        assertThat(answer.has("response")).isFalse();
    }

    @Test
    void missingRequiredFieldsAreNamedTheWayShopeeNamesThem() throws Exception {
        String token = accessToken();
        ObjectNode item = json.createObjectNode().put("description", "d").put("original_price", 1000).put("weight", 1)
                .put("category_id", 100640);

        JsonNode answer = post(FakeShopee.ADD_ITEM, shopQuery(FakeShopee.ADD_ITEM, now(), token), item);

        assertThat(answer.path("error").asText()).isEqualTo("product.error_param");
        assertThat(answer.path("message").asText()).isEqualTo("invalid field ItemName: value must  Not Null");
    }

    @Test
    void decimalPricesAreRefusedInVietnam() throws Exception {
        String token = accessToken();
        ObjectNode item = json.createObjectNode().put("item_name", "n").put("description", "d")
                .put("original_price", 1000.5).put("weight", 1).put("category_id", 100640);
        item.putObject("image").putArray("image_id_list");

        JsonNode answer = post(FakeShopee.ADD_ITEM, shopQuery(FakeShopee.ADD_ITEM, now(), token), item);

        assertThat(answer.path("error").asText()).isEqualTo("product.error_invalid_price");
        assertThat(shopee.items()).isEmpty();
    }

    @Test
    void stockUpdatesTakeAtMostFiftyEntries() throws Exception {
        String token = accessToken();
        long itemId = shopee.seedItem("SKU-1", "Item").itemId();
        ObjectNode body = json.createObjectNode().put("item_id", itemId);
        ArrayNode list = body.putArray("stock_list");
        for (int i = 0; i < 51; i++) {
            list.addObject().put("model_id", 0).putArray("seller_stock").addObject().put("stock", 1);
        }

        JsonNode answer = post(FakeShopee.UPDATE_STOCK, shopQuery(FakeShopee.UPDATE_STOCK, now(), token), body);

        assertThat(answer.path("error").asText()).isEqualTo("product.error_param");
        assertThat(shopee.item(itemId).stock()).isEqualTo(1);
    }

    @Test
    void pastTheRateRequestsAreThrottled() throws Exception {
        shopee.throttleAbove(2);
        int throttled = 0;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(shopee.baseUrl() + FakeShopee.TOKEN))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                throttled++;
                assertThat(json.readTree(r.body()).path("message").asText()).contains("Too many requests");
            }
        }
        assertThat(throttled).isGreaterThanOrEqualTo(3);
        assertThat(shopee.throttled()).isEqualTo(throttled);
    }

    // ---- calls signed by hand ------------------------------------------------------------------

    private String accessToken() throws Exception {
        return refresh(shopee.liveRefreshToken()).path("access_token").asText();
    }

    private JsonNode refresh(String refreshToken) throws Exception {
        long ts = now();
        String query = "partner_id=" + PARTNER + "&timestamp=" + ts + "&sign=" + hmac(PARTNER + FakeShopee.TOKEN + ts);
        ObjectNode body = json.createObjectNode().put("refresh_token", refreshToken).put("partner_id", PARTNER)
                .put("shop_id", SHOP);
        return post(FakeShopee.TOKEN, query, body);
    }

    private static String shopQuery(String path, long ts, String token) {
        return "partner_id=" + PARTNER + "&timestamp=" + ts + "&access_token=" + token + "&shop_id=" + SHOP
                + "&sign=" + hmac(PARTNER + path + ts + token + SHOP);
    }

    private JsonNode get(String path, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(shopee.baseUrl() + path + "?" + query))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private JsonNode post(String path, String query, JsonNode body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(shopee.baseUrl() + path + "?" + query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String hmac(String base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
