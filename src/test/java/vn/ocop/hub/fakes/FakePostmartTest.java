package vn.ocop.hub.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakePostmartTest {

    private static final String KEY = "test-key";
    private static final String SKU = "OCOP-HN-0001";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private FakePostmart postmart;

    @BeforeEach
    void start() {
        postmart = new FakePostmart(KEY).start();
    }

    @AfterEach
    void stop() {
        postmart.close();
    }

    // ---- authentication ----------------------------------------------------------------------

    @Test
    void refusesRequestsWithoutTheBearerKey() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/v1/products/" + SKU)).GET());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/v1/products/" + SKU)).GET()
                .header("Authorization", "Bearer other-key"));
        HttpResponse<String> basic = send(HttpRequest.newBuilder(uri("/v1/products/" + SKU)).GET()
                .header("Authorization", "Basic " + KEY));

        for (HttpResponse<String> response : List.of(missing, wrong, basic)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertProblem(response);
        }
    }

    // ---- PUT -----------------------------------------------------------------------------------

    @Test
    void putCreatesThenReplacesWithTheSameProductId() throws Exception {
        HttpResponse<String> created = put(SKU, validProduct(SKU));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode first = json(created);
        assertThat(first.get("productId").textValue()).matches("PM-\\d{6}");
        assertThat(first.get("status").textValue()).isEqualTo("ACTIVE");

        ObjectNode changed = validProduct(SKU).put("name", "Chè Shan tuyết cổ thụ");
        HttpResponse<String> replaced = put(SKU, changed);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("productId")).isEqualTo(first.get("productId"));

        JsonNode stored = postmart.product(SKU).orElseThrow();
        assertThat(stored.get("name").textValue()).isEqualTo("Chè Shan tuyết cổ thụ");
        assertThat(stored.get("productId")).isEqualTo(first.get("productId"));
        assertThat(postmart.status(SKU)).isEqualTo("ACTIVE");
    }

    @Test
    void productIdsDifferPerSku() throws Exception {
        String first = json(put("A-1", validProduct("A-1"))).get("productId").textValue();
        String second = json(put("A-2", validProduct("A-2"))).get("productId").textValue();

        assertThat(first).isNotEqualTo(second);
        assertThat(postmart.products()).containsOnlyKeys("A-1", "A-2");
    }

    @Test
    void getReturnsTheStoredProductOrNotFound() throws Exception {
        put(SKU, validProduct(SKU));

        HttpResponse<String> found = send(authorised("/v1/products/" + SKU).GET());
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode product = json(found);
        assertThat(product.get("sellerSku").textValue()).isEqualTo(SKU);
        assertThat(product.get("ocop").get("stars").intValue()).isEqualTo(4);
        assertThat(product.get("status").textValue()).isEqualTo("ACTIVE");
        assertThat(product.has("productId")).isTrue();

        HttpResponse<String> missing = send(authorised("/v1/products/NOPE").GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing);
    }

    @Test
    void putListsEveryRejectedField() throws Exception {
        ObjectNode product = validProduct(SKU);
        product.put("price", 0);
        product.put("stock", -1);
        product.remove("description");
        product.putArray("images").add("http://cdn.example.vn/a.jpg").add("https://cdn.example.vn/b.jpg");
        product.put("gtin", "89361234A");
        ((ObjectNode) product.get("ocop")).remove("validUntil");
        ((ObjectNode) product.get("ocop")).put("stars", 2);
        ((ObjectNode) product.get("origin")).put("provinceCode", "1");
        ((ObjectNode) product.get("producer")).put("name", " ");
        product.put("colour", "green");

        HttpResponse<String> response = put(SKU, product);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response);
        JsonNode problem = json(response);
        assertThat(problem.get("type").textValue()).isEqualTo("https://postmart.vn/problems/validation");
        assertThat(problem.get("title").textValue()).isEqualTo("Invalid product");
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("price", "stock", "description", "images[0]", "gtin",
                "ocop.validUntil", "ocop.stars", "origin.provinceCode", "producer.name", "colour");
        assertThat(messageFor(problem, "ocop.validUntil")).isEqualTo("is required");
        assertThat(postmart.products()).isEmpty();
    }

    @Test
    void putRejectsDecimalPrices() throws Exception {
        for (String price : List.of("1.5", "1000.0", "1e3")) {
            String body = mapper.writeValueAsString(validProduct(SKU)).replace("\"price\":150000", "\"price\":" + price);

            HttpResponse<String> response = putRaw(SKU, body);

            assertThat(response.statusCode()).as(price).isEqualTo(400);
            assertThat(fields(json(response))).as(price).containsExactly("price");
        }
    }

    @Test
    void putRejectsNamesThatAreNotNfc() throws Exception {
        String decomposed = Normalizer.normalize("Trà Shan tuyết Hà Giang", Normalizer.Form.NFD);

        HttpResponse<String> response = put(SKU, validProduct(SKU).put("name", decomposed));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response))).containsExactly("name");
        assertThat(messageFor(json(response), "name")).contains("NFC");
    }

    @Test
    void putRejectsBodiesThatAreNotUtf8OrNotJson() throws Exception {
        byte[] latin1 = mapper.writeValueAsString(validProduct(SKU)).getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> notUtf8 = send(authorised("/v1/products/" + SKU)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofByteArray(latin1)));
        HttpResponse<String> notJson = putRaw(SKU, "{\"sellerSku\":");
        HttpResponse<String> wrongType = send(authorised("/v1/products/" + SKU)
                .header("Content-Type", "text/plain")
                .PUT(BodyPublishers.ofString(mapper.writeValueAsString(validProduct(SKU)))));

        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertProblem(notUtf8);
    }

    @Test
    void putRequiresTheBodySkuToMatchTheDecodedPath() throws Exception {
        HttpResponse<String> mismatch = put(SKU, validProduct("OTHER"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(fields(json(mismatch))).containsExactly("sellerSku");

        HttpResponse<String> encoded = putRaw("OCOP%2001%2FB", mapper.writeValueAsString(validProduct("OCOP 01/B")));
        assertThat(encoded.statusCode()).isEqualTo(201);
        assertThat(postmart.status("OCOP 01/B")).isEqualTo("ACTIVE");
    }

    // ---- PATCH ---------------------------------------------------------------------------------

    @Test
    void patchOnUnknownProductIsNotFound() throws Exception {
        assertThat(patch("/v1/products/NOPE/inventory", "{\"quantity\":5}").statusCode()).isEqualTo(404);
        assertThat(patch("/v1/products/NOPE/price", "{\"price\":5000}").statusCode()).isEqualTo(404);
    }

    @Test
    void patchInventoryAndPriceUpdateTheStoredProduct() throws Exception {
        String productId = json(put(SKU, validProduct(SKU))).get("productId").textValue();

        HttpResponse<String> inventory = patch("/v1/products/" + SKU + "/inventory", "{\"quantity\":0}");
        HttpResponse<String> price = patch("/v1/products/" + SKU + "/price", "{\"price\":175000}");

        assertThat(inventory.statusCode()).isEqualTo(200);
        assertThat(json(inventory).get("productId").textValue()).isEqualTo(productId);
        assertThat(json(inventory).get("status").textValue()).isEqualTo("ACTIVE");
        assertThat(price.statusCode()).isEqualTo(200);
        JsonNode stored = postmart.product(SKU).orElseThrow();
        assertThat(stored.get("stock").longValue()).isZero();
        assertThat(stored.get("price").longValue()).isEqualTo(175000);
    }

    @Test
    void patchRejectsInvalidValues() throws Exception {
        put(SKU, validProduct(SKU));

        HttpResponse<String> negative = patch("/v1/products/" + SKU + "/inventory", "{\"quantity\":-1}");
        HttpResponse<String> decimal = patch("/v1/products/" + SKU + "/price", "{\"price\":1500.0}");
        HttpResponse<String> zero = patch("/v1/products/" + SKU + "/price", "{\"price\":0}");
        HttpResponse<String> missing = patch("/v1/products/" + SKU + "/inventory", "{\"qty\":3}");

        assertThat(fields(json(negative))).containsExactly("quantity");
        assertThat(fields(json(decimal))).containsExactly("price");
        assertThat(fields(json(zero))).containsExactly("price");
        assertThat(fields(json(missing))).containsExactlyInAnyOrder("qty", "quantity");
        assertThat(List.of(negative, decimal, zero, missing)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
        assertThat(postmart.product(SKU).orElseThrow().get("price").longValue()).isEqualTo(150000);
    }

    // ---- DELETE --------------------------------------------------------------------------------

    @Test
    void deleteWithdrawsAndPutRevivesUnderTheSameId() throws Exception {
        assertThat(send(authorised("/v1/products/" + SKU).DELETE()).statusCode()).isEqualTo(404);
        String productId = json(put(SKU, validProduct(SKU))).get("productId").textValue();

        HttpResponse<String> deleted = send(authorised("/v1/products/" + SKU).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("status").textValue()).isEqualTo("WITHDRAWN");
        assertThat(postmart.status(SKU)).isEqualTo("WITHDRAWN");
        assertThat(postmart.products()).containsKey(SKU);

        HttpResponse<String> revived = put(SKU, validProduct(SKU));
        assertThat(revived.statusCode()).isEqualTo(200);
        assertThat(json(revived).get("status").textValue()).isEqualTo("ACTIVE");
        assertThat(json(revived).get("productId").textValue()).isEqualTo(productId);
        assertThat(postmart.status(SKU)).isEqualTo("ACTIVE");
    }

    // ---- routing -------------------------------------------------------------------------------

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<String> post = send(authorised("/v1/products/" + SKU)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        HttpResponse<String> getPrice = send(authorised("/v1/products/" + SKU + "/price").GET());
        HttpResponse<String> unknown = send(authorised("/v2/things").GET());
        HttpResponse<String> tooDeep = send(authorised("/v1/products/" + SKU + "/price/extra").GET());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, PUT, DELETE");
        assertThat(getPrice.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(tooDeep.statusCode()).isEqualTo(404);
        assertProblem(unknown);
    }

    // ---- recording -----------------------------------------------------------------------------

    @Test
    void recordsEveryRequestInArrivalOrder() throws Exception {
        put(SKU, validProduct(SKU));
        patch("/v1/products/" + SKU + "/price", "{\"price\":160000}");
        send(HttpRequest.newBuilder(uri("/v1/products/" + SKU)).GET());

        List<RecordedRequest> requests = postmart.requests();
        assertThat(requests).extracting(RecordedRequest::method).containsExactly("PUT", "PATCH", "GET");
        assertThat(requests).extracting(RecordedRequest::status).containsExactly(201, 200, 401);
        assertThat(requests.get(0).header("Authorization")).hasValue("Bearer " + KEY);
        assertThat(requests.get(0).body()).contains("\"sellerSku\":\"" + SKU + "\"");
        assertThat(requests.get(1).path()).isEqualTo("/v1/products/" + SKU + "/price");
        assertThat(postmart.count("PATCH", "/v1/products/")).isEqualTo(1);
        assertThat(postmart.count(null, "/v1/products/" + SKU)).isEqualTo(3);
    }

    // ---- fault injection -----------------------------------------------------------------------

    @Test
    void failNextAnswersTheNextAuthorisedRequestsWithoutApplyingThem() throws Exception {
        postmart.failNext(1, 503);
        postmart.failNext(1, 500);

        HttpResponse<String> unauthorised = send(HttpRequest.newBuilder(uri("/v1/products/" + SKU)).GET());
        HttpResponse<String> first = put(SKU, validProduct(SKU));
        HttpResponse<String> second = put(SKU, validProduct(SKU));
        assertThat(postmart.products()).isEmpty();
        HttpResponse<String> third = put(SKU, validProduct(SKU));

        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(first.statusCode()).isEqualTo(503);
        assertProblem(first);
        assertThat(second.statusCode()).isEqualTo(500);
        assertThat(third.statusCode()).isEqualTo(201);
    }

    @Test
    void throttleNextAnswers429WithRetryAfter() throws Exception {
        postmart.throttleNext(2, 7);

        HttpResponse<String> first = put(SKU, validProduct(SKU));
        HttpResponse<String> second = put(SKU, validProduct(SKU));
        HttpResponse<String> third = put(SKU, validProduct(SKU));

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertProblem(first);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(201);
    }

    @Test
    void rateLimitRefusesTheExcessAndRecordsThePeak() throws Exception {
        postmart.rateLimit(3);
        put(SKU, validProduct(SKU));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(send(authorised("/v1/products/" + SKU).GET()).statusCode());
        }

        // All six requests normally arrive well within one second; the first three get through.
        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(postmart.maxObservedPerSecond()).isGreaterThan(3);
        RecordedRequest refused = postmart.requests().stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.method()).isEqualTo("GET");

        Thread.sleep(1100);
        HttpResponse<String> afterWindow = send(authorised("/v1/products/" + SKU).GET());
        assertThat(afterWindow.statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitedAnswerCarriesRetryAfterOne() throws Exception {
        postmart.rateLimit(1);
        send(authorised("/v1/products/" + SKU).GET());

        HttpResponse<String> second = send(authorised("/v1/products/" + SKU).GET());

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void maxObservedPerSecondStaysLowForAPacedClient() throws Exception {
        postmart.rateLimit(5);
        for (int i = 0; i < 4; i++) {
            assertThat(send(authorised("/v1/products/" + SKU).GET()).statusCode()).isEqualTo(404);
            Thread.sleep(300);
        }
        assertThat(postmart.maxObservedPerSecond()).isBetween(1, 4);
    }

    @Test
    void delayNextProvokesClientTimeoutsButStillAppliesTheRequest() throws Exception {
        postmart.delayNext(1, Duration.ofMillis(1500));

        HttpRequest.Builder slow = authorised("/v1/products/" + SKU)
                .timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(mapper.writeValueAsString(validProduct(SKU))));
        assertThatThrownBy(() -> send(slow)).isInstanceOf(HttpTimeoutException.class);

        assertThat(postmart.status(SKU)).isEqualTo("ACTIVE");
        HttpResponse<String> retry = put(SKU, validProduct(SKU));
        assertThat(retry.statusCode()).isEqualTo(200);
    }

    @Test
    void servesConcurrentClients() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String sku = "SKU-" + i;
                futures.add(pool.submit(() -> put(sku, validProduct(sku))));
            }
            for (Future<HttpResponse<String>> future : futures) {
                assertThat(future.get().statusCode()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(postmart.products()).hasSize(30);
        assertThat(postmart.products().values()).extracting(p -> p.get("productId").textValue())
                .doesNotHaveDuplicates();
        assertThat(postmart.requests()).hasSize(30);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ObjectNode validProduct(String sku) {
        ObjectNode product = mapper.createObjectNode()
                .put("sellerSku", sku)
                .put("name", "Trà Shan tuyết Hà Giang")
                .put("description", "Trà xanh từ cây chè cổ thụ trên 100 năm tuổi.")
                .put("categoryCode", "FOOD-TEA")
                .put("price", 150000)
                .put("stock", 40)
                .put("unit", "hộp")
                .put("weightGrams", 250);
        product.putArray("images").add("https://cdn.ocop.vn/img/tra-1.jpg").add("https://cdn.ocop.vn/img/tra-2.jpg");
        product.put("gtin", "8936012345678");
        product.putObject("ocop")
                .put("ocopId", "HG-2023-014")
                .put("stars", 4)
                .put("decisionNo", "1234/QĐ-UBND")
                .put("validUntil", "2027-06-30")
                .put("traceabilityUrl", "https://truyxuat.ocop.vn/HG-2023-014");
        product.putObject("origin").put("provinceCode", "02").put("provinceName", "Hà Giang");
        product.putObject("producer").put("id", "HTX-001").put("name", "HTX Chè Shan tuyết Vị Xuyên");
        return product;
    }

    private URI uri(String path) {
        return URI.create(postmart.baseUrl() + path);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY);
    }

    private HttpResponse<String> put(String sku, ObjectNode product) throws IOException, InterruptedException {
        return putRaw(sku, mapper.writeValueAsString(product));
    }

    private HttpResponse<String> putRaw(String encodedSku, String body) throws IOException, InterruptedException {
        return send(authorised("/v1/products/" + encodedSku)
                .header("Content-Type", "application/json; charset=UTF-8")
                .PUT(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> patch(String path, String body) throws IOException, InterruptedException {
        return send(authorised(path)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").textValue()));
        return fields;
    }

    private static String messageFor(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").textValue().equals(field)) {
                return error.get("message").textValue();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
