package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.hub.OcopHubApplication;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.fakes.tiki.FakeTikiProduct;
import vn.ocop.hub.fakes.tiki.FakeTikiRequest;
import vn.ocop.hub.support.HubHttp;
import vn.ocop.hub.support.TestListings;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole hub with Tiki enabled through its environment settings and played by {@link FakeTiki}:
 * the office publishes, the hub's queue and synchronizer send the product request, the
 * {@code approval-poll} route (every half second here) notices Tiki's approval, and later price
 * changes and the withdrawal reach the product. The only partner with credentials is Tiki.
 */
@SpringBootTest(classes = OcopHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TikiHubTest {

    private static final String OFFICE_TOKEN = "tiki-it-office-token";
    private static final FakeTiki TIKI = new FakeTiki(TikiHarness.CLIENT_ID, TikiHarness.CLIENT_SECRET,
            Set.of(TikiHarness.WAREHOUSE)).start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> Path.of("target", "tiki-it", UUID.randomUUID().toString()).toAbsolutePath()
                .toString());
        registry.add("hub.security.office-token", () -> OFFICE_TOKEN);
        registry.add("hub.security.operator-token", () -> "tiki-it-operator-token");
        int sftpPort = HubHttp.freePort();
        registry.add("hub.sftp.host", () -> "127.0.0.1");
        registry.add("hub.sftp.port", () -> sftpPort);
        registry.add("camel.springboot.main-run-controller", () -> false);
        registry.add("TIKI_BASE_URL", TIKI::baseUrl);
        registry.add("TIKI_CLIENT_ID", () -> TikiHarness.CLIENT_ID);
        registry.add("TIKI_CLIENT_SECRET", () -> TikiHarness.CLIENT_SECRET);
        registry.add("TIKI_WAREHOUSE_ID", () -> TikiHarness.WAREHOUSE);
        registry.add("TIKI_APPROVAL_POLL_EVERY", () -> "PT0.5S");
        registry.add("TIKI_RETRY_INITIAL_DELAY", () -> "PT0.1S");
    }

    @LocalServerPort
    private int port;

    @AfterAll
    static void stopTiki() {
        TIKI.close();
    }

    @Test
    void publishedApprovedRepricedAndWithdrawnThroughTheRunningHub() {
        ObjectNode listing = TestListings.sampleJson(0);
        String ocopId = listing.path("ocopId").asText();
        String sku = listing.path("sku").asText();

        assertThat(send("POST", "/api/v1/listings", listing).statusCode()).isEqualTo(202);

        JsonNode pending = awaitTiki(ocopId, b -> b.path("state").asText().equals("PENDING_APPROVAL"));
        assertThat(pending.path("partnerItemId").isNull()).isTrue();
        FakeTikiRequest request = await().atMost(PATIENCE).until(() -> TIKI.requestsFor(sku), r -> r.size() == 1).get(0);

        FakeTikiProduct approved = TIKI.approve(request.trackId()).get(0);

        JsonNode synced = awaitTiki(ocopId, b -> b.path("state").asText().equals("SYNCED"));
        assertThat(synced.path("partnerItemId").asText()).isEqualTo(String.valueOf(approved.productId()));
        assertThat(TIKI.product(sku).orElseThrow().isActive()).isTrue();

        ObjectNode repriced = listing.deepCopy().put("version", listing.path("version").asLong() + 1);
        ((ObjectNode) repriced.get("price")).put("retail", 141_000);
        assertThat(send("POST", "/api/v1/listings", repriced).statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> TIKI.product(sku).orElseThrow().price() == 141_000);

        assertThat(send("POST", "/api/v1/listings/" + ocopId + "/withdrawal",
                JSON.createObjectNode().put("reason", "producer stopped making it")).statusCode()).isEqualTo(202);
        awaitTiki(ocopId, b -> b.path("state").asText().equals("WITHDRAWN"));
        assertThat(TIKI.product(sku).orElseThrow().isActive()).isFalse();
        assertThat(TIKI.requestsFor(sku)).as("one product request in all").hasSize(1);
    }

    /** The listing's Tiki entry in GET /api/v1/listings/{id}, once it satisfies the condition. */
    private JsonNode awaitTiki(String ocopId, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> tikiEntry(ocopId), entry -> entry != null && condition.test(entry));
    }

    private JsonNode tikiEntry(String ocopId) throws IOException {
        HttpResponse<String> reply = send("GET", "/api/v1/listings/" + ocopId, null);
        if (reply.statusCode() != 200) {
            return null;
        }
        for (JsonNode entry : JSON.readTree(reply.body()).path("partners")) {
            if (entry.path("partner").asText().equals("tiki")) {
                return entry;
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        return new HubHttp(port).send(method, path, body, OFFICE_TOKEN);
    }
}
