package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.mockito.Mockito;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.broker.OutboxRelay;
import vn.ocop.hub.callback.lazada.LazadaCallback;
import vn.ocop.hub.callback.lazada.LazadaNormaliser;
import vn.ocop.hub.callback.postmart.PostmartCallback;
import vn.ocop.hub.callback.postmart.PostmartNormaliser;
import vn.ocop.hub.callback.shopee.ShopeeCallback;
import vn.ocop.hub.callback.shopee.ShopeeLostPushRecovery;
import vn.ocop.hub.callback.shopee.ShopeeNormaliser;
import vn.ocop.hub.callback.tiki.TikiEventPull;
import vn.ocop.hub.callback.tiki.TikiNormaliser;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorFactory;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.lazada.LazadaConnector;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceConnector;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.connector.postmart.PostmartConnector;
import vn.ocop.hub.connector.shopee.ShopeeConnector;
import vn.ocop.hub.connector.tiki.TikiConnector;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.ingest.ChangeDetector;
import vn.ocop.hub.ingest.ChangePublisher;
import vn.ocop.hub.ingest.IngestService;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.producer.OrderStockEffects;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEvents;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.ListingStore;
import vn.ocop.hub.store.OutboxStore;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;
import vn.ocop.hub.support.TestListings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The order side of the hub wired by hand: the shipped connectors-config for Shopee, Lazada, Tiki
 * and Postmart resolved against fakes of all three marketplaces, the real migrations on an
 * in-memory H2 (PostgreSQL mode), the real stores, ingest and stock effects, the connectors'
 * Adapters on Camel's http component, the callback endpoints' classes, the normalisers and the
 * worker, and routes/partner-messages.yaml running on a Camel context with those beans. Only the
 * broker is missing: the outbox is where the STOCK_CHANGED events wait, as in the hub before relay.
 */
final class MarketplaceOrdersRig implements AutoCloseable {

    static final long SHOPEE_PARTNER_ID = 2001887;
    static final String SHOPEE_KEY = "rig-shopee-key-51ac";
    static final long SHOPEE_SHOP_ID = 14701711;
    static final String SHOPEE_CALLBACK_URL = "https://hub.example.vn/callbacks/shopee";
    static final String LAZADA_APP_KEY = "105827";
    static final String LAZADA_APP_SECRET = "rig-lazada-secret-3f9c";
    static final String TIKI_CLIENT_ID = "7590139168389961";
    static final String TIKI_CLIENT_SECRET = "rig-tiki-secret";
    static final long TIKI_WAREHOUSE = 1034;
    static final String TIKI_QUEUE = "rig-queue-7c1";
    static final String POSTMART_SECRET = "rig-postmart-webhook-secret";

    final FakeShopee shopee = new FakeShopee(SHOPEE_PARTNER_ID, SHOPEE_KEY, SHOPEE_SHOP_ID).start();
    final FakeLazada lazada = new FakeLazada(LAZADA_APP_KEY, LAZADA_APP_SECRET, "seed-access", "seed-refresh").start();
    final FakeTiki tiki = new FakeTiki(TIKI_CLIENT_ID, TIKI_CLIENT_SECRET, Set.of(TIKI_WAREHOUSE)).start();

    final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    final JdbcTemplate jdbc;
    final ListingStore listings;
    final BindingStore bindings;
    final OutboxStore outbox;
    final ProducerEventStore events;
    final PartnerMessageStore messages;
    final PartnerCredentialStore credentials;
    final IngestService ingest;
    final PartnerRegistry registry;
    final PartnerMessageWorker worker;
    final ShopeeCallback shopeeCallback;
    final LazadaCallback lazadaCallback;
    final PostmartCallback postmartCallback;
    final ShopeeLostPushRecovery lostPushes;
    final TikiEventPull tikiPull;
    final CamelContext camel;
    /** Each running marketplace's Adapter, as its synchronizer would hold it. */
    final Map<String, MarketplaceAdapter> adapters = new HashMap<>();

    /**
     * @param pullEvery how often the Tiki pull and Shopee lost-push routes run (long: only when a test calls them)
     * @param extra     more settings, e.g. a partner's retry attempts
     */
    MarketplaceOrdersRig(Duration pullEvery, Map<String, String> extra) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:orders-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        listings = new ListingStore(jdbc, json);
        bindings = new BindingStore(jdbc);
        outbox = new OutboxStore(jdbc);
        events = new ProducerEventStore(jdbc, json);
        messages = new PartnerMessageStore(jdbc);
        credentials = new PartnerCredentialStore(jdbc);

        camel = new DefaultCamelContext();
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setConnectTimeout(5000);
        http.setSoTimeout(5000);
        http.setResponseTimeout(5000);
        http.setAutomaticRetriesDisabled(true);
        Properties properties = new Properties();
        properties.put("hub.partner-messages.poll-millis", "100");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();

        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("SHOPEE_BASE_URL", shopee.baseUrl()),
                Map.entry("SHOPEE_PARTNER_ID", String.valueOf(SHOPEE_PARTNER_ID)),
                Map.entry("SHOPEE_PARTNER_KEY", SHOPEE_KEY),
                Map.entry("SHOPEE_SHOP_ID", String.valueOf(SHOPEE_SHOP_ID)),
                Map.entry("SHOPEE_REFRESH_TOKEN", shopee.initialRefreshToken()),
                Map.entry("SHOPEE_CALLBACK_URL", SHOPEE_CALLBACK_URL),
                Map.entry("SHOPEE_LOST_PUSH_POLL_EVERY", pullEvery.toString()),
                Map.entry("SHOPEE_RETRY_ATTEMPTS", "2"),
                Map.entry("LAZADA_BASE_URL", lazada.baseUrl()),
                Map.entry("LAZADA_AUTH_URL", lazada.authUrl()),
                Map.entry("LAZADA_APP_KEY", LAZADA_APP_KEY),
                Map.entry("LAZADA_APP_SECRET", LAZADA_APP_SECRET),
                Map.entry("LAZADA_ACCESS_TOKEN", "seed-access"),
                Map.entry("LAZADA_REFRESH_TOKEN", "seed-refresh"),
                Map.entry("LAZADA_RETRY_ATTEMPTS", "2"),
                Map.entry("TIKI_BASE_URL", tiki.baseUrl()),
                Map.entry("TIKI_CLIENT_ID", TIKI_CLIENT_ID),
                Map.entry("TIKI_CLIENT_SECRET", TIKI_CLIENT_SECRET),
                Map.entry("TIKI_WAREHOUSE_ID", String.valueOf(TIKI_WAREHOUSE)),
                Map.entry("TIKI_EVENT_QUEUE", TIKI_QUEUE),
                Map.entry("TIKI_EVENT_PULL_EVERY", pullEvery.toString()),
                Map.entry("TIKI_RETRY_ATTEMPTS", "2"),
                // Postmart's callbacks need no API call: a base URL nobody listens on proves it
                Map.entry("POSTMART_BASE_URL", "http://127.0.0.1:9"),
                Map.entry("POSTMART_API_KEY", "rig-postmart-key"),
                Map.entry("POSTMART_WEBHOOK_SECRET", POSTMART_SECRET)));
        settings.putAll(extra);
        MockEnvironment environment = new MockEnvironment();
        settings.forEach(environment::setProperty);

        PartnerMediaStore media = new PartnerMediaStore(jdbc);
        List<MarketplaceConnector> connectors = List.of(
                new ShopeeConnector(json, credentials, media, Clock.systemUTC(), url -> {
                    throw new IllegalStateException("no image downloads in the orders rig");
                }),
                new LazadaConnector(credentials, media, bindings, producer, json),
                new TikiConnector(json, credentials, Clock.systemUTC()),
                new PostmartConnector(json));
        registry = new PartnerRegistry(new HubProperties(Path.of("target"), connectorsDir(), null, null, null, null),
                environment, List.<ConnectorFactory>copyOf(connectors));
        for (Partner partner : registry.active()) {
            ConnectorConfig config = partner.config();
            MarketplaceConnector connector = connectors.stream()
                    .filter(c -> c.connectorId().equals(config.connector())).findFirst().orElseThrow();
            adapters.put(partner.name(), connector.adapter(config,
                    new PartnerHttp(partner.name(), producer, config.transport("baseUrl"), null)));
        }

        ingest = new IngestService(listings, new ChangeDetector(json), new ChangePublisher(outbox, bindings, registry,
                Mockito.mock(OutboxRelay.class), json), tx);
        ProducerEvents publisher = new ProducerEvents(events, new OrderStockEffects(jdbc, ingest), ingest, tx);
        PartnerApis apis = new PartnerApis(registry, partner -> Optional.ofNullable(adapters.get(partner)), d -> { });
        OrderEvents orderEvents = new OrderEvents(new ListingResolver(listings, bindings));
        worker = new PartnerMessageWorker(messages, registry, publisher,
                new PartnerMessageSettings(100L, 50, 3, Duration.ofMillis(50), Duration.ofMillis(200)),
                List.of(new ShopeeNormaliser(apis, orderEvents, json), new LazadaNormaliser(apis, orderEvents, json),
                        new TikiNormaliser(apis, orderEvents, json), new PostmartNormaliser(orderEvents, json)));
        CallbackInbox inbox = new CallbackInbox(registry, messages);
        shopeeCallback = new ShopeeCallback(inbox, json);
        lazadaCallback = new LazadaCallback(inbox, json);
        postmartCallback = new PostmartCallback(inbox);
        lostPushes = new ShopeeLostPushRecovery(apis, inbox, json);
        tikiPull = new TikiEventPull(apis, registry, messages, credentials, tx);

        tiki.createQueue(TIKI_QUEUE);
        camel.getRegistry().bind("partnerMessageWorker", worker);
        camel.getRegistry().bind("shopeeLostPushes", lostPushes);
        camel.getRegistry().bind("tikiEventPull", tikiPull);
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "file:routes/partner-messages.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load routes/partner-messages.yaml", e);
        }
        new CallbackRoutes(registry).afterApplicationStart(camel);
    }

    /** The four marketplaces' files as shipped. */
    private static Path connectorsDir() {
        try {
            Path dir = Files.createTempDirectory("orders-rig-config");
            for (String partner : List.of("shopee", "lazada", "tiki", "postmart")) {
                Files.copy(Path.of("connectors-config", partner + ".yaml"), dir.resolve(partner + ".yaml"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- listings -------------------------------------------------------------------------------

    /** A sample listing of this producer, with its own id, SKU and stock, as the office would submit it. */
    Listing listing(String ocopId, String sku, String producerId, int stock) {
        Listing listing = TestListings.sample(0, node -> {
            node.put("ocopId", ocopId);
            node.put("sku", sku);
            node.put("stock", stock);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("producer")).put("id", producerId);
        });
        ingest.submit(listing);
        return listing;
    }

    /** The listing is live at the partner under this item id, as its synchronizer would have recorded. */
    void bind(String ocopId, String partner, String itemId) {
        bindings.save(new Binding(ocopId, partner, BindingState.SYNCED, itemId, 1L, 1L, true, null, Instant.now(),
                null));
    }

    int stock(String ocopId) {
        return listings.find(ocopId).orElseThrow().listing().stock();
    }

    List<ProducerEventStore.Stored> eventsAbout(String partner, String partnerOrderId) {
        return events.byPartner(partner).stream().filter(e -> partnerOrderId.equals(read(e.payload())
                .path("partnerOrderId").asText())).toList();
    }

    JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** STOCK_CHANGED events waiting in the outbox for this listing (to every channel that takes stock). */
    List<JsonNode> stockChanges(String ocopId) {
        return outbox.oldest(10_000).stream().filter(e -> e.ocopId().equals(ocopId)).map(e -> read(e.payload()))
                .filter(e -> "STOCK_CHANGED".equals(e.path("change").asText())).toList();
    }

    @Override
    public void close() {
        camel.stop();
        shopee.close();
        lazada.close();
        tiki.close();
    }
}
