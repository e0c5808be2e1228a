package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.hub.OcopHubApplication;
import vn.ocop.hub.broker.DeadLetterQueues;
import vn.ocop.hub.fakes.FakeMailServer;
import vn.ocop.hub.fakes.FakePostmart;
import vn.ocop.hub.fakes.RecordedRequest;
import vn.ocop.hub.samples.ListingGenerator;
import vn.ocop.hub.store.OutboxStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One running hub for every integration test: embedded broker, store and SFTP server in a fresh
 * data directory, Postmart played by {@link FakePostmart}, AEON enabled with a one-second delta.
 * Every subclass inherits exactly this configuration, so Spring's context cache boots the hub
 * once per test JVM; tests therefore keep to their own listings (own ocopIds and SKUs) and
 * check the fake's traffic per SKU, never globally.
 */
@CamelSpringBootTest
@SpringBootTest(classes = OcopHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HubIntegrationTest.FixedClock.class)
public abstract class HubIntegrationTest {

    protected static final String OFFICE_TOKEN = "it-office-token-7f3a";
    protected static final String OPERATOR_TOKEN = "it-operator-token-91c2";
    protected static final String POSTMART_KEY = "it-postmart-key-5d80";
    protected static final String AEON_PASSWORD = "it-aeon-password";
    protected static final String CENTRALRETAIL_PASSWORD = "it-centralretail-password";
    protected static final String WINMART_PASSWORD = "it-winmart-password";
    protected static final String HAPRO_PASSWORD = "it-hapro-password";
    protected static final List<String> CHAINS = List.of("aeon", "centralretail", "hapro", "winmart");
    /** Postmart signs its callbacks with this (POSTMART_WEBHOOK_SECRET). */
    protected static final String POSTMART_WEBHOOK_SECRET = "it-postmart-webhook-secret-2b7e";
    /** Lazada's app key and secret, enough to verify its pushes; without tokens Lazada itself stays disabled. */
    protected static final String LAZADA_APP_KEY = "it-lazada-app-key";
    protected static final String LAZADA_APP_SECRET = "it-lazada-app-secret-8d1f";
    /** Attempts per Postmart call (POSTMART_RETRY_ATTEMPTS), so a test can outlast them exactly. */
    protected static final int POSTMART_RETRY_ATTEMPTS = 3;

    /** The day the hub judges certificates by (the samples are written for it, see SamplesTest). */
    protected static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    protected static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    protected static final List<String> ALL_PARTNERS = List.of("aeon", "centralretail", "hapro", "lazada",
            "postmart", "shopee", "tiki", "winmart");

    protected static final ObjectMapper JSON = new ObjectMapper();
    // before POSTMART: the fake is warmed up with it
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    protected static final FakePostmart POSTMART = warmedUp(new FakePostmart(POSTMART_KEY).start());
    protected static final int SFTP_PORT = freePort();
    private static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.security.office-token", () -> OFFICE_TOKEN);
        registry.add("hub.security.operator-token", () -> OPERATOR_TOKEN);
        registry.add("hub.sftp.host", () -> "127.0.0.1");
        registry.add("hub.sftp.port", () -> SFTP_PORT);
        registry.add("HUB_SFTP_PORT", () -> SFTP_PORT);
        registry.add("camel.springboot.main-run-controller", () -> false);
        // Postmart: the fake, quick retries, a limit high enough for the 2,000-listing feed
        registry.add("POSTMART_BASE_URL", POSTMART::baseUrl);
        registry.add("POSTMART_API_KEY", () -> POSTMART_KEY);
        registry.add("POSTMART_RETRY_INITIAL_DELAY", () -> "PT0.1S");
        registry.add("POSTMART_RETRY_ATTEMPTS", () -> POSTMART_RETRY_ATTEMPTS);
        registry.add("POSTMART_RATE_LIMIT", () -> 1000);
        registry.add("POSTMART_RATE_BURST", () -> 100);
        // AEON: a delta every second
        registry.add("AEON_SFTP_PASSWORD", () -> AEON_PASSWORD);
        registry.add("hub.catalogue.archive-every", () -> "PT1S");
        registry.add("CENTRALRETAIL_SFTP_PASSWORD", () -> CENTRALRETAIL_PASSWORD);
        registry.add("WINMART_SFTP_PASSWORD", () -> WINMART_PASSWORD);
        registry.add("HAPRO_SFTP_PASSWORD", () -> HAPRO_PASSWORD);
        // Hapro's stock reports set stock (consignment); AEON's only inform the producer
        registry.add("HAPRO_STOCK_REPORTS_SET_STOCK", () -> true);
        for (String chain : List.of("AEON", "CENTRALRETAIL", "WINMART", "HAPRO")) {
            registry.add(chain + "_SFTP_HOST", () -> "127.0.0.1");
            registry.add(chain + "_DELTA_EVERY", () -> "PT1S");
            registry.add(chain + "_INBOX_POLL_EVERY", () -> "PT1S");
        }
        // producer notifier: quick polls and retries, a give-up period of seconds; mail to GreenMail
        registry.add("hub.notifier.poll-every", () -> "PT0.2S");
        registry.add("hub.notifier.initial-delay", () -> "PT0.2S");
        registry.add("hub.notifier.max-delay", () -> "PT1S");
        registry.add("hub.notifier.give-up-after", () -> "PT6S");
        registry.add("hub.notifier.mail-from", () -> "ocop-hub@it.example");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", FakeMailServer::port);
        // partner callbacks: secrets to verify them, and a worker that retries quickly
        registry.add("POSTMART_WEBHOOK_SECRET", () -> POSTMART_WEBHOOK_SECRET);
        registry.add("LAZADA_APP_KEY", () -> LAZADA_APP_KEY);
        registry.add("LAZADA_APP_SECRET", () -> LAZADA_APP_SECRET);
        registry.add("hub.partner-messages.poll-millis", () -> 200);
        registry.add("hub.partner-messages.first-retry-after", () -> "PT0.2S");
        registry.add("hub.partner-messages.max-attempts", () -> 3);
    }

    /** Certificates are judged against a fixed day, so the samples' expiries do not drift with the calendar. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedTestClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected CamelContext camel;

    @Autowired
    private OutboxStore outbox;

    @Autowired
    private DeadLetterQueues queues;

    private final List<NotifyBuilder> notifiers = new ArrayList<>();

    /** Builders stay registered with Camel until destroyed; each test's go when it ends. */
    @AfterEach
    void destroyNotifiers() {
        notifiers.forEach(NotifyBuilder::destroy);
        notifiers.clear();
    }

    // ---- HTTP --------------------------------------------------------------------------------

    /** An answer from the hub's API. */
    protected record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    protected Reply send(String method, String path, String token, String contentType,
                         HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Reply postJson(String path, String token, Object body) {
        return send("POST", path, token, "application/json", text(body));
    }

    protected Reply putJson(String path, String token, Object body) {
        return send("PUT", path, token, "application/json", text(body));
    }

    protected Reply postNdjson(String path, String token, List<? extends JsonNode> records) {
        StringBuilder lines = new StringBuilder();
        for (JsonNode record : records) {
            lines.append(record.toString()).append('\n');
        }
        return send("POST", path, token, "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(lines.toString(), StandardCharsets.UTF_8));
    }

    /** A body the client streams (chunked, no Content-Length), read lazily from the supplier. */
    protected Reply postStream(String path, String token, String contentType, Supplier<InputStream> body) {
        return send("POST", path, token, contentType, HttpRequest.BodyPublishers.ofInputStream(body));
    }

    protected Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** POST one listing as the office; the hub must answer 202. */
    protected JsonNode submit(JsonNode listing) {
        Reply reply = postJson("/api/v1/listings", OFFICE_TOKEN, listing);
        assertThat(reply.status()).as("POST /api/v1/listings %s: %s", listing.path("ocopId"), reply.body())
                .isEqualTo(202);
        return reply.json();
    }

    /** GET /api/v1/listings/{id} as the office; the hub must answer 200. */
    protected JsonNode listing(String ocopId) {
        Reply reply = get("/api/v1/listings/" + ocopId, OFFICE_TOKEN);
        assertThat(reply.status()).as("GET listing %s: %s", ocopId, reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The listing's entry for one partner in GET /api/v1/listings/{id}. */
    protected JsonNode binding(String ocopId, String partner) {
        return bindingIn(listing(ocopId), partner);
    }

    protected static JsonNode bindingIn(JsonNode listing, String partner) {
        for (JsonNode entry : listing.path("partners")) {
            if (partner.equals(entry.path("partner").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no entry for partner " + partner + " in " + listing);
    }

    /** Waits until the listing's state at the partner is {@code state}, and returns that entry. */
    protected JsonNode awaitState(String ocopId, String partner, String state) {
        JsonNode[] last = new JsonNode[1];
        await().alias(ocopId + " " + state + " at " + partner).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = binding(ocopId, partner);
                    return state.equals(last[0].path("state").asText());
                });
        return last[0];
    }

    private static HttpRequest.BodyPublisher text(Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the hub's routes ---------------------------------------------------------------------

    /** Exchanges on the partner's synchronizer route that carry this listing's change events; finish with a when…(). */
    protected NotifyBuilder notifySync(String partner, String ocopId) {
        return new NotifyBuilder(camel).fromRoute("sync-" + partner).filter(carries(ocopId));
    }

    /** Creates the builder (it starts counting now) and destroys it after the test. */
    protected NotifyBuilder watch(NotifyBuilder builder) {
        NotifyBuilder created = builder.create();
        notifiers.add(created);
        return created;
    }

    /** Matches a change event of the listing, by its body, so resent messages without headers match too. */
    protected static Predicate carries(String ocopId) {
        String marker = "\"ocopId\":\"" + ocopId + "\"";
        return (Exchange exchange) -> {
            String body = exchange.getMessage().getBody(String.class);
            return body != null && body.contains(marker);
        };
    }

    /**
     * Waits until nothing is on its way to Postmart: the outbox is relayed, the partner's queue is
     * empty and no exchange is in flight on its route. Tests that script the fake's next answers
     * call this first, so that another test's trailing traffic cannot take those answers.
     */
    protected void awaitPostmartIdle(Duration atMost) {
        await().alias("postmart idle").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> outbox.size() == 0
                        && Optional.ofNullable(queues.depth("partner.postmart")).orElse(0L) == 0
                        && camel.getInflightRepository().size("sync-postmart") == 0);
    }

    // ---- Postmart -----------------------------------------------------------------------------

    /** Requests the fake received for one product (its resource and sub-resources), in arrival order. */
    protected static List<RecordedRequest> postmartRequestsFor(String sku) {
        String product = "/v1/products/" + sku;
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : POSTMART.requests()) {
            if (request.path().equals(product) || request.path().startsWith(product + "/")) {
                matching.add(request);
            }
        }
        return matching;
    }

    // ---- test data ----------------------------------------------------------------------------

    protected static List<ObjectNode> hanoiSamples() {
        try {
            JsonNode array = JSON.readTree(Files.readString(Path.of("samples/hanoi-listings.json"), StandardCharsets.UTF_8));
            List<ObjectNode> listings = new ArrayList<>();
            array.forEach(node -> listings.add((ObjectNode) node));
            return listings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate's end as the canonical model defines it: given, or 36 months after issue. */
    protected static LocalDate validUntil(JsonNode listing) {
        JsonNode certification = listing.path("certification");
        if (certification.hasNonNull("validUntil")) {
            return LocalDate.parse(certification.get("validUntil").asText());
        }
        return LocalDate.parse(certification.get("issuedOn").asText()).plusMonths(36);
    }

    protected static boolean expired(JsonNode listing) {
        return validUntil(listing).isBefore(TODAY);
    }

    protected static boolean tourism(JsonNode listing) {
        return "TOURISM".equals(listing.path("group").asText());
    }

    /** What every marketplace takes (partners.md, "common to every partner"): not a service, not expired. */
    protected static boolean marketplaceEligible(JsonNode listing) {
        return !tourism(listing) && !expired(listing) && listing.hasNonNull("grossWeightGrams");
    }

    /**
     * The first generated listing at or after {@code fromIndex} that Postmart takes, so failure
     * tests start from content the partner would accept.
     */
    protected static ObjectNode generatedMarketplaceListing(int fromIndex) {
        ListingGenerator generator = new ListingGenerator(ListingGenerator.DEFAULT_SEED);
        for (int index = fromIndex; index < fromIndex + 1000; index++) {
            ObjectNode listing = generator.listing(index, 1);
            if (marketplaceEligible(listing)) {
                return listing;
            }
        }
        throw new IllegalStateException("no eligible generated listing from index " + fromIndex);
    }

    /**
     * One refused and one unknown-product request before the hub starts: proves the fake answers
     * as Postmart would, and loads its classes now (other builds may rewrite target/ mid-run).
     */
    private static FakePostmart warmedUp(FakePostmart postmart) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(postmart.baseUrl() + "/v1/products/IT-WARM-UP"))
                    .timeout(Duration.ofSeconds(10)).GET();
            int anonymous = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            int unknown = HTTP.send(request.header("Authorization", "Bearer " + POSTMART_KEY).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (anonymous != 401 || unknown != 404) {
                throw new IllegalStateException("fake Postmart answered " + anonymous + " and " + unknown);
            }
            return postmart;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
