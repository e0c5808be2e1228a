package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorConfigLoader;
import vn.ocop.hub.connector.Retrier;
import vn.ocop.hub.connector.TokenBucket;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceSynchronizer;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.connector.marketplace.PriceStockBatcher;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;
import vn.ocop.hub.store.PriceStockQueue;
import vn.ocop.hub.support.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hub's Lazada path wired by hand, as Synchronizers wires it at start-up: the shipped
 * connectors-config/lazada.yaml resolved against test settings, an in-memory store migrated by
 * the real Flyway scripts, Camel's http component, the connector, and a MarketplaceSynchronizer,
 * all aimed at a {@link FakeLazada}. No Spring context, broker or SFTP server: seconds, not minutes.
 */
final class LazadaRig implements AutoCloseable {

    static final String APP_KEY = "105827";
    static final String APP_SECRET = "rig-secret-3f9c";
    static final String SEED_ACCESS = "seed-access-token";
    static final String SEED_REFRESH = "seed-refresh-token";
    /** The hub's HTTP client gives up on an answer after this long (Lazada calls are usually sub-second). */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(3);

    final FakeLazada lazada;
    final JdbcTemplate jdbc;
    final BindingStore bindings;
    final PartnerCredentialStore credentials;
    final PartnerMediaStore media;
    final ConnectorConfig config;
    final MarketplaceAdapter adapter;
    final MarketplaceSynchronizer synchronizer;
    final PriceStockQueue priceStock;
    /** What the batch sender reads the time from: moved on by tests of its backoff. */
    final MutableClock batchClock = new MutableClock(Instant.now());
    /** Every pause the retrier asked for, in order. */
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    private final CamelContext camel;
    private final JdbcDataSource dataSource;

    private LazadaRig(Map<String, String> settings, boolean realPauses, Clock hubClock) {
        lazada = new FakeLazada(APP_KEY, APP_SECRET, SEED_ACCESS, SEED_REFRESH).start();
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:lazada-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        bindings = new BindingStore(jdbc);
        credentials = new PartnerCredentialStore(jdbc);
        media = new PartnerMediaStore(jdbc);
        config = loadConfig(settings);

        camel = new DefaultCamelContext();
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setConnectTimeout(CLIENT_TIMEOUT.toMillis());
        http.setSoTimeout(CLIENT_TIMEOUT.toMillis());
        http.setResponseTimeout(CLIENT_TIMEOUT.toMillis());
        http.setAutomaticRetriesDisabled(true); // as application.yaml sets it: the Retrier owns retries
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        PartnerHttp partnerHttp = new PartnerHttp(config.partner(), producer, config.transport("baseUrl"),
                TokenBucket.of(config.rateLimit()));
        adapter = new LazadaConnector(credentials, media, bindings, producer, json, hubClock)
                .adapter(config, partnerHttp);
        Retrier retrier = new Retrier(config.retry(), d -> {
            pauses.add(d);
            if (realPauses) {
                Thread.sleep(d.toMillis());
            }
        });
        priceStock = new PriceStockQueue(jdbc, json);
        synchronizer = new MarketplaceSynchronizer(config, adapter, bindings, retrier,
                new PriceStockBatcher(config.partner(), adapter.priceStockBatching().orElseThrow(), priceStock,
                        batchClock));
    }

    /** Retries pause for no time (the pauses asked for are recorded). */
    static LazadaRig start() {
        return start(Map.of(), false);
    }

    /**
     * @param settings   extra properties, e.g. LAZADA_RETRY_ATTEMPTS
     * @param realPauses retries really wait, for tests against the fake's time-based rate limit
     */
    static LazadaRig start(Map<String, String> settings, boolean realPauses) {
        return new LazadaRig(settings, realPauses, Clock.systemUTC());
    }

    /** A hub whose wall clock is off by {@code skew}. */
    static LazadaRig withClockSkew(Duration skew) {
        return new LazadaRig(Map.of("LAZADA_RETRY_ATTEMPTS", "2"), false, Clock.offset(Clock.systemUTC(), skew));
    }

    private ConnectorConfig loadConfig(Map<String, String> overrides) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("LAZADA_BASE_URL", lazada.baseUrl())
                .withProperty("LAZADA_AUTH_URL", lazada.authUrl())
                .withProperty("LAZADA_APP_KEY", APP_KEY)
                .withProperty("LAZADA_APP_SECRET", APP_SECRET)
                .withProperty("LAZADA_ACCESS_TOKEN", SEED_ACCESS)
                .withProperty("LAZADA_REFRESH_TOKEN", SEED_REFRESH)
                .withProperty("LAZADA_RETRY_INITIAL_DELAY", "PT0.2S")
                // the content budget is exercised on its own; here it would only slow the tests
                .withProperty("LAZADA_CONTENT_RATE_LIMIT", "200");
        overrides.forEach(env::setProperty);
        return shippedConfig(env);
    }

    /** connectors-config/lazada.yaml as the hub reads it, placeholders resolved against {@code env}. */
    static ConnectorConfig shippedConfig(MockEnvironment env) {
        return ConnectorConfigLoader.load(onlyLazadaYaml(), env).get(0);
    }

    /** The shipped file, alone in a directory (the loader reads every *.yaml it finds). */
    static Path onlyLazadaYaml() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "lazada-config", UUID.randomUUID().toString()));
            Files.copy(Path.of("connectors-config", "lazada.yaml"), dir.resolve("lazada.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- driving the synchronizer ---------------------------------------------------------------

    /** As the hub does it: the listing's consumer, then the batch sender's next tick. */
    void deliver(Listing listing, long revision, ChangeType change, Aspect... changed) {
        consume(listing, revision, change, changed);
        flush();
    }

    /** Only the listing's consumer: a price or stock change stays staged. */
    void consume(Listing listing, long revision, ChangeType change, Aspect... changed) {
        EnumSet<Aspect> aspects = changed.length == 0 ? EnumSet.noneOf(Aspect.class) : EnumSet.of(changed[0], changed);
        synchronizer.synchronize(new ChangeEvent(UUID.randomUUID().toString(), listing.ocopId(), revision, change,
                aspects, listing, change == ChangeType.WITHDRAWN ? "withdrawn by the office" : null, Instant.now()),
                false);
    }

    /** One tick of the price-stock-batch route. */
    int flush() {
        return synchronizer.flushPriceStock(100);
    }

    void created(Listing listing, long revision) {
        deliver(listing, revision, ChangeType.CREATED, Aspect.CONTENT, Aspect.PRICE, Aspect.STOCK);
    }

    Binding binding(Listing listing) {
        return bindings.find(listing.ocopId(), config.partner()).orElseThrow();
    }

    @Override
    public void close() {
        lazada.close();
        camel.stop();
        jdbc.execute("SHUTDOWN");
    }
}
