package vn.ocop.hub.connector.shopee;

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
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Shopee partner as the hub runs it, without Spring or a broker: the shipped
 * connectors-config/shopee.yaml with SHOPEE_* pointing at a {@link FakeShopee}, the real
 * migrations on an in-memory H2 (PostgreSQL mode, as the hub's embedded store), Camel's http
 * component behind {@link PartnerHttp}, and a {@link MarketplaceSynchronizer}. {@link #restart()}
 * builds a new adapter on the same store and fake, as a hub restart would.
 */
final class ShopeeTestHub implements AutoCloseable {

    static final long PARTNER_ID = 2001887;
    static final String PARTNER_KEY = "fake-partner-key-7f3a";
    static final long SHOP_ID = 14701711;
    static final String PARTNER = "shopee";
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

    final FakeShopee shopee;
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    final JdbcTemplate jdbc;
    final BindingStore bindings;
    final PartnerCredentialStore credentials;
    final PartnerMediaStore media;
    final StubImages images = new StubImages();
    final ConnectorConfig config;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ConnectorConfig.RetryPolicy retry;
    private Clock clock = Clock.systemUTC();
    private MarketplaceAdapter adapter;
    private MarketplaceSynchronizer synchronizer;
    private final AtomicInteger revisions = new AtomicInteger();

    ShopeeTestHub() {
        this(new ConnectorConfig.RetryPolicy(4, Duration.ofMillis(20), 2.0, Duration.ofMillis(100)));
    }

    ShopeeTestHub(ConnectorConfig.RetryPolicy retry) {
        this(retry, new PartnerCredentialStoreFactory());
    }

    ShopeeTestHub(ConnectorConfig.RetryPolicy retry, PartnerCredentialStoreFactory credentialStores) {
        this.retry = retry;
        this.shopee = new FakeShopee(PARTNER_ID, PARTNER_KEY, SHOP_ID).start();
        this.jdbc = new JdbcTemplate(database());
        this.bindings = new BindingStore(jdbc);
        this.credentials = credentialStores.create(jdbc);
        this.media = new PartnerMediaStore(jdbc);
        this.config = shippedConfig(Map.of(
                "SHOPEE_BASE_URL", shopee.baseUrl(),
                "SHOPEE_PARTNER_ID", String.valueOf(PARTNER_ID),
                "SHOPEE_PARTNER_KEY", PARTNER_KEY,
                "SHOPEE_SHOP_ID", String.valueOf(SHOP_ID),
                "SHOPEE_REFRESH_TOKEN", shopee.initialRefreshToken()));
        this.camel = new DefaultCamelContext();
        camel.start();
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setConnectTimeout(RESPONSE_TIMEOUT.toMillis());
        http.setResponseTimeout(RESPONSE_TIMEOUT.toMillis());
        http.setSoTimeout(RESPONSE_TIMEOUT.toMillis());
        this.producer = camel.createProducerTemplate();
        restart();
    }

    /** Builds the store's credential store; a test replaces it to make writes fail. */
    static class PartnerCredentialStoreFactory {
        PartnerCredentialStore create(JdbcTemplate jdbc) {
            return new PartnerCredentialStore(jdbc);
        }
    }

    /** connectors-config/shopee.yaml as shipped, its placeholders resolved against these variables. */
    static ConnectorConfig shippedConfig(Map<String, String> environment) {
        try {
            Path dir = Files.createTempDirectory("shopee-config");
            Files.copy(Path.of("connectors-config", "shopee.yaml"), dir.resolve("shopee.yaml"));
            MockEnvironment env = new MockEnvironment();
            environment.forEach(env::setProperty);
            List<ConnectorConfig> configs = ConnectorConfigLoader.load(dir, env);
            return configs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new adapter and synchronizer on the same store and fake: what a hub restart does. */
    void restart() {
        ShopeeConnector connector = new ShopeeConnector(json, credentials, media, clock, images);
        PartnerHttp http = new PartnerHttp(PARTNER, producer, config.transport("baseUrl"),
                new TokenBucket(200, 200));
        adapter = connector.adapter(config, http);
        synchronizer = new MarketplaceSynchronizer(config, adapter, bindings, new Retrier(retry, d -> Thread.sleep(d.toMillis())));
    }

    /** Both the hub and the fake read this clock (the hub from the next {@link #restart()} on). */
    void useClock(Clock clock) {
        this.clock = clock;
        shopee.useClock(clock);
    }

    /** Only the hub reads this clock from the next {@link #restart()} on: a skewed server clock. */
    void useHubClock(Clock clock) {
        this.clock = clock;
    }

    MarketplaceAdapter adapter() {
        return adapter;
    }

    /** Delivers a change as the partner's queue consumer would, at the next revision. */
    void deliver(Listing listing, ChangeType change) {
        deliver(event(listing, change));
    }

    void deliver(ChangeEvent event) {
        synchronizer.synchronize(event, false);
    }

    ChangeEvent event(Listing listing, ChangeType change) {
        Set<Aspect> changed = switch (change) {
            case CREATED, WITHDRAWN -> EnumSet.allOf(Aspect.class);
            case UPDATED -> EnumSet.of(Aspect.CONTENT);
            case PRICE_CHANGED -> EnumSet.of(Aspect.PRICE);
            case STOCK_CHANGED -> EnumSet.of(Aspect.STOCK);
            case UNCHANGED -> EnumSet.noneOf(Aspect.class);
        };
        return new ChangeEvent(UUID.randomUUID().toString(), listing.ocopId(), revisions.incrementAndGet(), change,
                changed, listing, change == ChangeType.WITHDRAWN ? "certificate revoked" : null, Instant.now());
    }

    Binding binding(Listing listing) {
        return bindings.find(listing.ocopId(), PARTNER).orElseThrow(() -> new AssertionError("no binding"));
    }

    String storedRefreshToken() {
        return credentials.find(PARTNER, ShopeeTokens.REFRESH_TOKEN).map(PartnerCredentialStore.Credential::value)
                .orElse(null);
    }

    @Override
    public void close() {
        camel.stop();
        shopee.close();
    }

    private static JdbcDataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:shopee-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** Image bytes by URL, without a network: a tiny JPEG per URL (a GIF for *.gif), and a count of downloads. */
    static final class StubImages implements ImageSource {
        private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

        @Override
        public Image fetch(String url) {
            fetches.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
            if (url.endsWith(".gif")) {
                return new Image("GIF89a-not-a-jpeg".getBytes(StandardCharsets.US_ASCII), "image/gif");
            }
            byte[] marker = url.getBytes(StandardCharsets.UTF_8);
            byte[] jpeg = new byte[marker.length + 6];
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
            jpeg[2] = (byte) 0xFF;
            jpeg[3] = (byte) 0xE0;
            System.arraycopy(marker, 0, jpeg, 4, marker.length);
            jpeg[jpeg.length - 2] = (byte) 0xFF;
            jpeg[jpeg.length - 1] = (byte) 0xD9;
            return new Image(jpeg, "image/jpeg");
        }

        int fetches(String url) {
            AtomicInteger n = fetches.get(url);
            return n == null ? 0 : n.get();
        }
    }
}
