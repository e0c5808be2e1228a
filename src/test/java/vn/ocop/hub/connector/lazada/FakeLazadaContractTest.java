package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.lazada.FakeLazadaSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fake refuses what Lazada refuses, so the connector's passing tests mean something. Calls
 * are made with a plain HTTP client, not with the connector.
 */
class FakeLazadaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "105827";
    private static final String SECRET = "contract-secret";
    private static final String ACCESS = "contract-access";
    private static final String REFRESH = "contract-refresh";
    private static final String IMAGE = "https://vn-live-02.slatic.net/p/0cc175b9c0f1b6a831c399e269772661.jpg";

    private final FakeLazada lazada = new FakeLazada(KEY, SECRET, ACCESS, REFRESH).start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        lazada.close();
    }

    private Map<String, String> signed(String apiPath, Map<String, String> business, String accessToken, long timestamp) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_key", KEY);
        params.put("timestamp", Long.toString(timestamp));
        params.put("sign_method", "sha256");
        if (accessToken != null) {
            params.put("access_token", accessToken);
        }
        params.putAll(business);
        params.put("sign", FakeLazadaSignature.expected(SECRET, apiPath, params));
        return params;
    }

    private JsonNode post(String baseUrl, String apiPath, Map<String, String> params) throws Exception {
        String form = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + apiPath))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Lazada answers failures under HTTP 200").isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode call(String apiPath, Map<String, String> business) throws Exception {
        return post(lazada.baseUrl(), apiPath, signed(apiPath, business, ACCESS, System.currentTimeMillis()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String product(String sellerSku, String price, String images) {
        return """
                {"Request":{"Product":{"PrimaryCategory":"10000321","Images":{"Image":[%s]},
                "Attributes":{"name":"Chè búp","description":"<p>Chè</p>","brand":"No Brand"},
                "Skus":{"Sku":[{"SellerSku":"%s","quantity":"5","price":"%s","package_weight":"0.23",
                "package_length":"18","package_width":"10","package_height":"5"}]}}}}"""
                .formatted(images, sellerSku, price);
    }

    @Test
    void checksTheSignatureTimestampAppKeyAndAccessToken() throws Exception {
        Map<String, String> good = signed(FakeLazada.PRODUCTS, Map.of("filter", "all"), ACCESS, System.currentTimeMillis());
        assertThat(post(lazada.baseUrl(), FakeLazada.PRODUCTS, good).path("code").asText()).isEqualTo("0");

        Map<String, String> tampered = new LinkedHashMap<>(good);
        tampered.put("filter", "live"); // changed after signing
        assertThat(post(lazada.baseUrl(), FakeLazada.PRODUCTS, tampered).path("code").asText())
                .isEqualTo("IncompleteSignature");

        Map<String, String> lowercase = new LinkedHashMap<>(good);
        lowercase.put("sign", good.get("sign").toLowerCase());
        assertThat(post(lazada.baseUrl(), FakeLazada.PRODUCTS, lowercase).path("code").asText())
                .isEqualTo("IncompleteSignature");

        long threeHoursAgo = System.currentTimeMillis() - 3 * 3600_000L;
        assertThat(post(lazada.baseUrl(), FakeLazada.PRODUCTS,
                signed(FakeLazada.PRODUCTS, Map.of("filter", "all"), ACCESS, threeHoursAgo)).path("code").asText())
                .isEqualTo("InvalidTimestamp");

        JsonNode unknownToken = post(lazada.baseUrl(), FakeLazada.PRODUCTS,
                signed(FakeLazada.PRODUCTS, Map.of("filter", "all"), "forged", System.currentTimeMillis()));
        assertThat(unknownToken.path("code").asText()).isEqualTo("IllegalAccessToken");
        assertThat(unknownToken.path("type").asText()).isEqualTo("ISV");

        JsonNode noToken = post(lazada.baseUrl(), FakeLazada.PRODUCTS,
                signed(FakeLazada.PRODUCTS, Map.of("filter", "all"), null, System.currentTimeMillis()));
        assertThat(noToken.path("code").asText()).isEqualTo("MissingParameter");

        lazada.expireAccessToken();
        assertThat(call(FakeLazada.PRODUCTS, Map.of("filter", "all")).path("code").asText())
                .isEqualTo("IllegalAccessToken");
    }

    @Test
    void refreshTokensRotate() throws Exception {
        JsonNode first = post(lazada.authUrl(), FakeLazada.REFRESH,
                signed(FakeLazada.REFRESH, Map.of("refresh_token", REFRESH), null, System.currentTimeMillis()));
        assertThat(first.path("code").asText()).isEqualTo("0");
        assertThat(first.path("access_token").asText()).isNotBlank();
        assertThat(first.path("expires_in").asLong()).isPositive();
        String next = first.path("refresh_token").asText();
        assertThat(next).isNotEqualTo(REFRESH);

        JsonNode again = post(lazada.authUrl(), FakeLazada.REFRESH,
                signed(FakeLazada.REFRESH, Map.of("refresh_token", REFRESH), null, System.currentTimeMillis()));
        assertThat(again.path("code").asText()).isEqualTo("IllegalRefreshToken");

        String access = first.path("access_token").asText();
        assertThat(post(lazada.baseUrl(), FakeLazada.PRODUCTS, signed(FakeLazada.PRODUCTS, Map.of("filter", "all"),
                access, System.currentTimeMillis())).path("code").asText()).isEqualTo("0");
    }

    @Test
    void createRefusesIncompleteOrInvalidProductsWithLazadasCodes() throws Exception {
        assertThat(call(FakeLazada.CREATE, Map.of()).path("code").asText()).isEqualTo("MissingParameter");
        assertThat(call(FakeLazada.CREATE, Map.of("payload", product("A-1", "1000", "\"" + IMAGE + "\"")
                .replace("\"PrimaryCategory\":\"10000321\",", ""))).path("message").asText())
                .isEqualTo("E001: Parameter PrimaryCategory is mandatory");
        assertThat(call(FakeLazada.CREATE, Map.of("payload", product("A-1", "1000",
                "\"https://cdn.example.vn/a.jpg\""))).path("code").asText()).isEqualTo("4138");
        String nine = String.join(",", Collections.nCopies(9, "\"" + IMAGE + "\""));
        assertThat(call(FakeLazada.CREATE, Map.of("payload", product("A-1", "1000", nine))).path("code").asText())
                .isEqualTo("4169");
        assertThat(call(FakeLazada.CREATE, Map.of("payload", product("A-1", "1000.50", "\"" + IMAGE + "\"")))
                .path("code").asText()).as("whole dong only").isEqualTo("4104");
        assertThat(call(FakeLazada.CREATE, Map.of("payload", product("A-1", "1000", "\"" + IMAGE + "\"")
                .replace("\"package_weight\":\"0.23\",", ""))).path("message").asText())
                .isEqualTo("E001: Parameter package_weight is mandatory");
        assertThat(lazada.items()).isEmpty();

        assertThat(call(FakeLazada.CREATE, Map.of("payload", product("A-1", "1000", "\"" + IMAGE + "\"")))
                .path("code").asText()).isEqualTo("0");
        JsonNode duplicate = call(FakeLazada.CREATE, Map.of("payload", product("A-1", "2000", "\"" + IMAGE + "\"")));
        assertThat(duplicate.path("code").asText()).isEqualTo("500");
        assertThat(duplicate.path("detail").get(0).path("message").asText()).startsWith("BIZ_CHECK_SELLER_SKU_DUPLICATE");
        assertThat(lazada.items()).hasSize(1);
    }

    @Test
    void priceQuantityTakesAtMostFiftySkus() throws Exception {
        String sku = "<Sku><ItemId>1</ItemId><SkuId>2</SkuId><Quantity>1</Quantity></Sku>";
        String fiftyOne = "<Request><Product><Skus>" + sku.repeat(51) + "</Skus></Product></Request>";

        JsonNode refused = call(FakeLazada.PRICE_QUANTITY, Map.of("payload", fiftyOne));

        assertThat(refused.path("code").asText()).isEqualTo("4171");
        JsonNode unknown = call(FakeLazada.PRICE_QUANTITY, Map.of("payload",
                "<Request><Product><Skus>" + sku + "</Skus></Product></Request>"));
        assertThat(unknown.path("code").asText()).isEqualTo("501");
        assertThat(unknown.path("detail").get(0).path("message").asText()).startsWith("ITEM_NOT_FOUND");
    }

    @Test
    void deactivateIsKeyedByItemIdNotSellerSku() throws Exception {
        call(FakeLazada.CREATE, Map.of("payload", product("A-2", "1000", "\"" + IMAGE + "\"")));
        String itemId = lazada.item("A-2").orElseThrow().itemId();

        assertThat(call(FakeLazada.DEACTIVATE, Map.of("apiRequestBody",
                "<Request><Product><ItemId>" + itemId + "</ItemId><Skus><SellerSku>A-2</SellerSku></Skus></Product>"
                        + "</Request>")).path("code").asText()).isEqualTo("4193");
        String body = "<Request><Product><ItemId>" + itemId + "</ItemId></Product></Request>";
        assertThat(call(FakeLazada.DEACTIVATE, Map.of("apiRequestBody", body)).path("code").asText()).isEqualTo("0");
        assertThat(call(FakeLazada.DEACTIVATE, Map.of("apiRequestBody", body)).path("code").asText()).isEqualTo("E0004");
        assertThat(lazada.item("A-2").orElseThrow().status()).isEqualTo("InActive");
    }

    @Test
    void throttlesPastTheConfiguredRate() throws Exception {
        lazada.limitPerSecond(2);

        String[] codes = new String[3];
        for (int i = 0; i < 3; i++) {
            codes[i] = call(FakeLazada.PRODUCTS, Map.of("filter", "all")).path("code").asText();
        }

        assertThat(codes).containsExactly("0", "0", "ApiCallLimit");
        assertThat(call(FakeLazada.ITEM, Map.of("item_id", "1")).path("code").asText())
                .as("the limit is per API").isEqualTo("208");
    }

    @Test
    void aLostAnswerKeepsTheEffectButClosesTheConnection() throws Exception {
        lazada.loseNextAnswer(FakeLazada.CREATE);

        assertThatThrownBy(() -> call(FakeLazada.CREATE, Map.of("payload", product("A-3", "1000", "\"" + IMAGE + "\""))))
                .isInstanceOf(IOException.class);
        assertThat(lazada.item("A-3")).isPresent();
    }
}
