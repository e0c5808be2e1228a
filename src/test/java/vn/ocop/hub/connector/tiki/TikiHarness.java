package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Retrier;
import vn.ocop.hub.connector.TokenBucket;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceSynchronizer;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.support.MutableClock;
import vn.ocop.hub.support.TestListings;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hub's Tiki path without the rest of the hub: the shipped {@code connectors-config/tiki.yaml}
 * (credentials and base URL pointing at a {@link FakeTiki}), the real {@link MarketplaceSynchronizer},
 * binding and credential stores on an in-memory H2 migrated by Flyway, and Camel's http component.
 * Retries do not sleep; the delays asked for are recorded.
 */
final class TikiHarness implements AutoCloseable {

    static final String CLIENT_ID = "7590139168389961";
    static final String CLIENT_SECRET = "tfSl0c6-test-secret";
    static final long WAREHOUSE = 1034;
    /** Tiki's category for BEVERAGE in connectors-config/tiki.yaml. */
    static final long BEVERAGE_CATEGORY = 4424;
    /** Short enough for a test that waits for it, long enough for a local answer. */
    static final Duration HTTP_TIMEOUT = Duration.ofMillis(1500);

    final FakeTiki tiki;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T03:00:00Z"));
    final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
    final ConnectorConfig config;
    final BindingStore bindings;
    final PartnerCredentialStore credentials;
    final JdbcTemplate jdbc;
    private final CamelContext camel;
    private long revision;

    TikiHarness() {
        this(Map.of());
    }

    /** @param environment extra settings, e.g. {@code TIKI_UNCONFIRMED_CREATE_EXPIRY} */
    TikiHarness(Map<String, String> environment) {
        tiki = new FakeTiki(CLIENT_ID, CLIENT_SECRET, Set.of(WAREHOUSE, 1015L)).start();
        MockEnvironment env = new MockEnvironment()
                .withProperty("TIKI_BASE_URL", tiki.baseUrl())
                .withProperty("TIKI_CLIENT_ID", CLIENT_ID)
                .withProperty("TIKI_CLIENT_SECRET", CLIENT_SECRET)
                .withProperty("TIKI_WAREHOUSE_ID", String.valueOf(WAREHOUSE));
        environment.forEach(env::setProperty);
        config = TikiYaml.load(env);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:tiki-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        bindings = new BindingStore(jdbc);
        credentials = new PartnerCredentialStore(jdbc);
        camel = new DefaultCamelContext();
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setConnectTimeout(HTTP_TIMEOUT.toMillis());
        http.setResponseTimeout(HTTP_TIMEOUT.toMillis());
        http.setSoTimeout(HTTP_TIMEOUT.toMillis());
        // Apache HttpClient would otherwise repeat a 429/503 (POST included) by itself, unseen by the
        // Retrier and the rate limit; the hub's Retrier is meant to own retries (see the report)
        http.setAutomaticRetriesDisabled(true);
        camel.start();
    }

    ProducerTemplate producer() {
        return camel.createProducerTemplate();
    }

    /** A new adapter on the same stores, as after a restart of the hub. */
    MarketplaceAdapter adapter() {
        PartnerHttp http = new PartnerHttp("tiki", producer(), config.transport("baseUrl"), TokenBucket.of(config.rateLimit()));
        return new TikiConnector(TestListings.JSON, credentials, clock).adapter(config, http);
    }

    MarketplaceSynchronizer synchronizer(MarketplaceAdapter adapter) {
        Retrier retrier = new Retrier(config.retry(), retryDelays::add);
        return new MarketplaceSynchronizer(config, adapter, bindings, retrier);
    }

    Binding binding(String ocopId) {
        return bindings.find(ocopId, "tiki").orElseThrow(() -> new AssertionError("no tiki binding for " + ocopId));
    }

    ChangeEvent created(Listing listing) {
        return event(listing, ChangeType.CREATED, EnumSet.allOf(Aspect.class), null);
    }

    ChangeEvent updated(Listing listing) {
        return event(listing, ChangeType.UPDATED, EnumSet.allOf(Aspect.class), null);
    }

    ChangeEvent priceChanged(Listing listing) {
        return event(listing, ChangeType.PRICE_CHANGED, EnumSet.of(Aspect.PRICE), null);
    }

    ChangeEvent stockChanged(Listing listing) {
        return event(listing, ChangeType.STOCK_CHANGED, EnumSet.of(Aspect.STOCK), null);
    }

    ChangeEvent withdrawn(Listing listing, String reason) {
        return event(listing, ChangeType.WITHDRAWN, EnumSet.noneOf(Aspect.class), reason);
    }

    /** Revisions grow with every event, as the hub's store numbers them. */
    private ChangeEvent event(Listing listing, ChangeType type, Set<Aspect> aspects, String reason) {
        return new ChangeEvent(UUID.randomUUID().toString(), listing.ocopId(), ++revision, type, aspects, listing,
                reason, Instant.now());
    }

    @Override
    public void close() {
        camel.stop();
        tiki.close();
    }

    static ObjectMapper json() {
        return TestListings.JSON;
    }
}
