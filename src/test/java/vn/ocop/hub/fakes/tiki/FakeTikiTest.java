package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake refuses what Tiki refuses, so that a hub bug cannot pass against it. */
class FakeTikiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("app-id:app-secret".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private FakeTiki tiki;

    @BeforeEach
    void start() {
        tiki = new FakeTiki("app-id", "app-secret", Set.of(1034L, 1015L)).start();
    }

    @AfterEach
    void stop() {
        tiki.close();
    }

    @Test
    void theTokenEndpointWantsTheAppsCredentialsAndTheClientCredentialsGrant() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("app-id:guess".getBytes(StandardCharsets.UTF_8));
        Reply refused = token(wrong, "application/x-www-form-urlencoded", "grant_type=client_credentials");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_client");

        assertThat(token(BASIC, "application/x-www-form-urlencoded", "grant_type=password").json()
                .path("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(token(BASIC, "application/json", "{\"grant_type\":\"client_credentials\"}").status()).isEqualTo(400);

        Reply issued = token(BASIC, "application/x-www-form-urlencoded", "grant_type=client_credentials");
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.json().path("access_token").asText()).isNotBlank();
        assertThat(issued.json().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(issued.json().path("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void everyApiCallNeedsALiveBearerToken() {
        assertThat(call("GET", "/integration/v2/tracking/abc", null, null).status()).isEqualTo(401);
        String bearer = bearer();
        assertThat(call("GET", "/integration/v2/tracking/abc", bearer, null).status()).as("known token, unknown track")
                .isEqualTo(404);

        tiki.expireTokens();

        Reply expired = call("GET", "/integration/v2/tracking/abc", bearer, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("errors").get(0).asText()).contains("missing or expired");
    }

    @Test
    void aProductRequestMissingWhatTikiRequiresIsRefusedWithTikisErrorShape() {
        ObjectNode body = validRequest();
        body.remove("category_id");
        body.remove("image");
        ObjectNode variant = (ObjectNode) body.path("variants").get(0);
        variant.put("price", 0);
        ((ObjectNode) variant.path("warehouse_stocks").get(0)).put("warehouseId", 999);

        Reply refused = call("POST", FakeTiki.CREATE_PATH, bearer(), body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).extracting(JsonNode::asText).contains(
                "category_id is required", "image must be a http(s) url", "variants should have price > 0",
                "Warehouse '[999]' are not found");
        assertThat(tiki.requests()).isEmpty();
    }

    @Test
    void aCategorysRequiredAttributesAreChecked() {
        tiki.requireAttributes(4424, "brand", "volume_ml");

        Reply refused = call("POST", FakeTiki.CREATE_PATH, bearer(), validRequest());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).extracting(JsonNode::asText)
                .containsExactly("Attribute volume_ml is required for category 4424");
    }

    @Test
    void anAcceptedRequestIsReviewedAndApprovalMakesAnInactiveProduct() {
        String bearer = bearer();
        Reply created = call("POST", FakeTiki.CREATE_PATH, bearer, validRequest());
        assertThat(created.status()).isEqualTo(200);
        String trackId = created.json().path("track_id").asText();
        assertThat(trackId).matches("[0-9a-f]{32}");
        assertThat(created.json().path("state").asText()).isEqualTo("queuing");
        JsonNode tracking = call("GET", "/integration/v2/tracking/" + trackId, bearer, null).json();
        assertThat(tracking.path("state").asText()).isEqualTo("awaiting_approve");
        assertThat(call("GET", "/integration/v2/products/findBy?original_sku=CBT-200", bearer, null).json()
                .path("data")).as("no product before approval").isEmpty();

        FakeTikiProduct product = tiki.approve(trackId).get(0);

        JsonNode approved = call("GET", "/integration/v2/tracking/" + trackId, bearer, null).json();
        assertThat(approved.path("state").asText()).isEqualTo("approved");
        JsonNode request = call("GET", "/integration/v2/requests/" + approved.path("request_id").asText(), bearer, null)
                .json();
        assertThat(request.at("/products/0/product_id").asLong()).isEqualTo(product.productId());
        assertThat(request.at("/products/0/original_sku").asText()).isEqualTo("CBT-200");
        JsonNode found = call("GET", "/integration/v2/products/findBy?original_sku=CBT-200", bearer, null).json();
        assertThat(found.at("/data/0/product_id").asLong()).isEqualTo(product.productId());
        assertThat(product.isActive()).isFalse();
        assertThat(product.quantities()).containsEntry(1034L, 480);
    }

    @Test
    void aRejectionCarriesTheReasonAndOnlyARequestInReviewCanBeDeleted() {
        String bearer = bearer();
        String rejected = call("POST", FakeTiki.CREATE_PATH, bearer, validRequest()).json().path("track_id").asText();
        tiki.reject(rejected, "Ảnh không đạt chuẩn 500x500");
        assertThat(call("GET", "/integration/v2/tracking/" + rejected, bearer, null).json().path("reason").asText())
                .isEqualTo("Ảnh không đạt chuẩn 500x500");
        String rejectedId = tiki.request(rejected).orElseThrow().requestId();
        assertThat(call("DELETE", "/integration/v2/requests/" + rejectedId, bearer, null).status()).isEqualTo(400);

        String pending = call("POST", FakeTiki.CREATE_PATH, bearer, validRequest()).json().path("track_id").asText();
        String pendingId = tiki.request(pending).orElseThrow().requestId();
        Reply deleted = call("DELETE", "/integration/v2/requests/" + pendingId, bearer, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("state").asText()).isEqualTo("deleted");
        assertThat(tiki.request(pending).orElseThrow().state()).isEqualTo("deleted");
    }

    @Test
    void updateSkuChecksTheProductTheWarehouseAndThatThereIsSomethingToChange() {
        String bearer = bearer();
        String trackId = call("POST", FakeTiki.CREATE_PATH, bearer, validRequest()).json().path("track_id").asText();

        assertThat(call("PUT", FakeTiki.UPDATE_SKU_PATH, bearer, sku().put("price", 99_000)).status())
                .as("not a product until approved").isEqualTo(404);
        tiki.approve(trackId);

        Reply badWarehouse = call("PUT", FakeTiki.UPDATE_SKU_PATH, bearer, quantities(999, 5));
        assertThat(badWarehouse.status()).isEqualTo(400);
        assertThat(badWarehouse.json().path("errors").get(0).asText())
                .isEqualTo("update error [Warehouse '[999]' are not found]");
        assertThat(call("PUT", FakeTiki.UPDATE_SKU_PATH, bearer, sku()).status()).isEqualTo(400);
        assertThat(call("PUT", FakeTiki.UPDATE_SKU_PATH, bearer, sku().put("active", 2)).status()).isEqualTo(400);

        Reply updated = call("PUT", FakeTiki.UPDATE_SKU_PATH, bearer, quantities(1034, 5).put("price", 99_000)
                .put("active", 1));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("state").asText()).isEqualTo("approved");
        FakeTikiProduct product = tiki.product("CBT-200").orElseThrow();
        assertThat(product.price()).isEqualTo(99_000);
        assertThat(product.quantities()).containsEntry(1034L, 5);
        assertThat(product.isActive()).isTrue();
    }

    @Test
    void callsBeyondTheRateLimitGetTooManyRequestsWithRetryAfter() {
        String bearer = bearer();
        tiki.rateLimit(2);

        call("GET", "/integration/v2/tracking", bearer, null);
        call("GET", "/integration/v2/tracking", bearer, null);
        Reply third = call("GET", "/integration/v2/tracking", bearer, null);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.retryAfter()).isEqualTo("1");
        assertThat(third.json().path("errors").get(0).asText()).contains("200 request / per second / per seller");
        assertThat(tiki.maxObservedPerSecond()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLostAnswerLeavesTheRequestQueuedAndTheClientWithoutAnAnswer() {
        String bearer = bearer();
        tiki.loseNextCreateAnswer();

        assertThatThrownBy(() -> call("POST", FakeTiki.CREATE_PATH, bearer, validRequest()))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(tiki.requests()).hasSize(1);
        assertThat(tiki.calls()).filteredOn(c -> c.is("POST", FakeTiki.CREATE_PATH))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(FakeTikiCall.LOST));
    }

    @Test
    void aScriptedFailureAppliesNothing() {
        String bearer = bearer();
        tiki.failNext("POST", FakeTiki.CREATE_PATH, 1, 503);

        assertThat(call("POST", FakeTiki.CREATE_PATH, bearer, validRequest()).status()).isEqualTo(503);
        assertThat(tiki.requests()).isEmpty();
        assertThat(call("POST", FakeTiki.CREATE_PATH, bearer, validRequest()).status()).isEqualTo(200);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Reply(int status, String body, String retryAfter) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    private String bearer() {
        return "Bearer " + token(BASIC, "application/x-www-form-urlencoded", "grant_type=client_credentials").json()
                .path("access_token").asText();
    }

    private Reply token(String authorization, String contentType, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(tiki.baseUrl() + FakeTiki.TOKEN_PATH))
                .header("Authorization", authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply call(String method, String path, String authorization, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tiki.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request);
    }

    private Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode sku() {
        return JSON.createObjectNode().put("original_sku", "CBT-200");
    }

    private static ObjectNode quantities(long warehouse, int quantity) {
        ObjectNode body = sku();
        body.putArray("warehouse_quantities").addObject().put("warehouse_id", warehouse).put("qty_available", quantity);
        return body;
    }

    private static ObjectNode validRequest() {
        ObjectNode body = JSON.createObjectNode();
        body.put("category_id", 4424);
        body.put("name", "Chè búp khô Ba Trại");
        body.put("description", "<p>Chè xanh búp nhỏ</p>");
        body.put("market_price", 120_000);
        body.putObject("attributes").put("brand", "Chè Ba Trại").put("origin", "Việt Nam");
        body.put("image", "https://cdn.example/1.jpg");
        body.putArray("images").add("https://cdn.example/2.jpg");
        body.putArray("option_attributes");
        ObjectNode variant = body.putArray("variants").addObject();
        variant.put("sku", "CBT-200");
        variant.put("price", 120_000);
        variant.put("inventory_type", "dropship");
        variant.put("seller_warehouse", "1034");
        variant.putArray("warehouse_stocks").addObject().put("warehouseId", 1034).put("qtyAvailable", 480);
        return body;
    }
}
