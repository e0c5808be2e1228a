package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.hub.OcopHubApplication;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.lazada.FakeLazadaRequest;
import vn.ocop.hub.support.HubHttp;
import vn.ocop.hub.support.TestListings;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole hub with Lazada enabled through its environment settings and played by
 * {@link FakeLazada}: the sample feed is published, then every listing's stock changes at once,
 * and the {@code price-stock-batch} route sends those changes many SKUs to a call.
 */
@SpringBootTest(classes = OcopHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LazadaHubTest {

    private static final String OFFICE_TOKEN = "lazada-it-office-token";
    private static final String OPERATOR_TOKEN = "lazada-it-operator-token";
    private static final FakeLazada LAZADA = new FakeLazada(LazadaRig.APP_KEY, LazadaRig.APP_SECRET,
            LazadaRig.SEED_ACCESS, LazadaRig.SEED_REFRESH).start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int SAMPLES = 24;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> Path.of("target", "lazada-it", UUID.randomUUID().toString())
                .toAbsolutePath().toString());
        registry.add("hub.security.office-token", () -> OFFICE_TOKEN);
        registry.add("hub.security.operator-token", () -> OPERATOR_TOKEN);
        int sftpPort = HubHttp.freePort();
        registry.add("hub.sftp.host", () -> "127.0.0.1");
        registry.add("hub.sftp.port", () -> sftpPort);
        registry.add("camel.springboot.main-run-controller", () -> false);
        registry.add("LAZADA_BASE_URL", LAZADA::baseUrl);
        registry.add("LAZADA_AUTH_URL", LAZADA::authUrl);
        registry.add("LAZADA_APP_KEY", () -> LazadaRig.APP_KEY);
        registry.add("LAZADA_APP_SECRET", () -> LazadaRig.APP_SECRET);
        registry.add("LAZADA_ACCESS_TOKEN", () -> LazadaRig.SEED_ACCESS);
        registry.add("LAZADA_REFRESH_TOKEN", () -> LazadaRig.SEED_REFRESH);
        registry.add("LAZADA_CONTENT_RATE_LIMIT", () -> "100");
        registry.add("LAZADA_RETRY_INITIAL_DELAY", () -> "PT0.1S");
        // a slow tick, so the whole burst of stock changes is staged before a batch goes
        registry.add("LAZADA_PRICE_STOCK_EVERY", () -> "PT3S");
    }

    @LocalServerPort
    private int port;
    private volatile String lastSeen = "";

    @AfterAll
    static void stopLazada() {
        LAZADA.close();
    }

    @Test
    void aBurstOfStockChangesReachesLazadaInBatchesOfAtMostFifty() throws IOException {
        Map<String, String> skus = new HashMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            ObjectNode listing = TestListings.sampleJson(i);
            skus.put(listing.path("ocopId").asText(), listing.path("sku").asText());
            assertThat(send("POST", "/api/v1/listings", listing, OFFICE_TOKEN).statusCode()).isEqualTo(202);
        }
        Map<String, String> onLazada;
        try {
            onLazada = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> settled(skus), settled -> settled != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the samples did not settle at Lazada; last seen: " + lastSeen, e);
        }
        assertThat(onLazada).as("the samples Lazada's configuration takes").hasSizeGreaterThan(10);
        assertThat(LAZADA.items()).hasSize(onLazada.size());
        int before = LAZADA.requestCount(FakeLazada.PRICE_QUANTITY);

        Map<String, Integer> newStock = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> listing : onLazada.entrySet()) {
            int quantity = 700 + n++;
            newStock.put(listing.getValue(), quantity);
            assertThat(send("PUT", "/api/v1/listings/" + listing.getKey() + "/stock",
                    JSON.createObjectNode().put("quantity", quantity), OFFICE_TOKEN).statusCode()).isEqualTo(202);
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> newStock.entrySet().stream()
                .allMatch(e -> LAZADA.item(e.getKey()).orElseThrow().quantity() == e.getValue()));

        List<FakeLazadaRequest> burst = LAZADA.requests(FakeLazada.PRICE_QUANTITY)
                .subList(before, LAZADA.requestCount(FakeLazada.PRICE_QUANTITY));
        assertThat(burst).allMatch(FakeLazadaRequest::succeeded);
        assertThat(burst).extracting(FakeLazadaRequest::skus).allMatch(k -> k <= 50)
                .as("one call per listing would be " + onLazada.size()).hasSizeLessThan(onLazada.size())
                .anyMatch(k -> k > 1);
        await().atMost(PATIENCE).until(() -> lazadaStatus().path("priceStockQueued").asLong() == 0);
        for (String ocopId : onLazada.keySet()) {
            JsonNode entry = lazadaEntry(ocopId);
            assertThat(entry.path("state").asText()).as(ocopId).isEqualTo("SYNCED");
        }
    }

    /** ocopId → SKU of the listings Lazada has, once none is still on its way; null until then. */
    private Map<String, String> settled(Map<String, String> skus) throws IOException {
        Map<String, String> synced = new HashMap<>();
        for (String ocopId : skus.keySet()) {
            JsonNode entry = lazadaEntry(ocopId);
            if (entry == null) {
                lastSeen = ocopId + " has no Lazada entry";
                return null;
            }
            switch (entry.path("state").asText()) {
                case "SYNCED" -> synced.put(ocopId, skus.get(ocopId));
                case "SKIPPED", "WITHDRAWN" -> { // not for Lazada, or a sample whose certificate has expired
                }
                default -> {
                    lastSeen = ocopId + " " + entry;
                    return null;
                }
            }
        }
        return synced;
    }

    private JsonNode lazadaEntry(String ocopId) throws IOException {
        HttpResponse<String> reply = send("GET", "/api/v1/listings/" + ocopId, null, OFFICE_TOKEN);
        if (reply.statusCode() != 200) {
            return null;
        }
        for (JsonNode entry : JSON.readTree(reply.body()).path("partners")) {
            if (entry.path("partner").asText().equals("lazada")) {
                return entry;
            }
        }
        return null;
    }

    private JsonNode lazadaStatus() throws IOException {
        for (JsonNode partner : JSON.readTree(send("GET", "/api/v1/partners", null, OPERATOR_TOKEN).body())
                .path("partners")) {
            if (partner.path("partner").asText().equals("lazada")) {
                return partner;
            }
        }
        throw new AssertionError("lazada is not in GET /api/v1/partners");
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String token) {
        return new HubHttp(port).send(method, path, body, token);
    }
}
