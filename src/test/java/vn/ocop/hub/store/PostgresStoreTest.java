package vn.ocop.hub.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.spring.SpringCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.connector.chain.inbound.ProcessedFiles;
import vn.ocop.hub.producer.EventIds;
import vn.ocop.hub.producer.OrderEvent;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEvents;
import vn.ocop.hub.producer.ProducerStore;
import vn.ocop.hub.broker.BrokerConfiguration;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.chain.CatalogueFile;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueStaging;
import vn.ocop.hub.ingest.FeedProcessor;
import vn.ocop.hub.ingest.FeedReport;
import vn.ocop.hub.ingest.FeedReportStore;
import vn.ocop.hub.ingest.IngestOutcome;
import vn.ocop.hub.ingest.IngestService;
import vn.ocop.hub.ingest.ListingNotFoundException;
import vn.ocop.hub.ingest.VersionConflictException;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The store on a real PostgreSQL, through the real services of a fully booted hub: the same
 * migration and SQL that H2 (PostgreSQL mode) runs by default must also run on PostgreSQL.
 *
 * <p>Runs only when {@code HUB_TEST_POSTGRES_URL} (with {@code HUB_TEST_POSTGRES_USER} and
 * {@code HUB_TEST_POSTGRES_PASSWORD}) names a database this test may wipe: its schema is dropped
 * and migrated again at start-up, so reruns begin empty. {@code .ci/run} provides one.
 *
 * <p>AEON is enabled (a password for its account on the embedded SFTP server), so a listing
 * travels the whole way: outbox → broker → AEON's synchronizer → chain staging → delta file
 * over SFTP → binding SYNCED, every step on PostgreSQL. The other partners have no credentials
 * and stay disabled. The broker is external, reached over TCP as in production.
 */
@EnabledIfEnvironmentVariable(named = "HUB_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "HUB_TEST_POSTGRES_URL is not set: set it (with HUB_TEST_POSTGRES_USER and "
                + "HUB_TEST_POSTGRES_PASSWORD) to a PostgreSQL database this test may wipe, as .ci/run does")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresStoreTest {

    private static final int SFTP_PORT = freePort();
    private static final int BROKER_PORT = freePort();
    private static final Path DATA_DIR = Path.of("target", "postgres-store-test", UUID.randomUUID().toString())
            .toAbsolutePath();
    private static final String AEON = "aeon";
    /** A chain name no connectors-config file uses: CatalogueStaging is exercised directly under it. */
    private static final String TEST_CHAIN = "pgchain";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** Writers that block on each other need their own threads (the common pool may have only one). */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pg-store-test");
        t.setDaemon(true);
        return t;
    });

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("HUB_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> envOr("HUB_TEST_POSTGRES_USER", "ocop"));
        registry.add("spring.datasource.password", () -> envOr("HUB_TEST_POSTGRES_PASSWORD", ""));
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
        // only here: the schema is dropped and migrated again so every run starts from nothing
        registry.add("spring.flyway.clean-disabled", () -> "false");
        registry.add("hub.data-dir", DATA_DIR::toString);
        registry.add("hub.sftp.embedded", () -> "true");
        registry.add("hub.sftp.host", () -> "127.0.0.1");
        registry.add("hub.sftp.port", () -> SFTP_PORT);
        registry.add("HUB_SFTP_PORT", () -> SFTP_PORT);
        registry.add("hub.security.office-token", () -> "pg-test-office-token");
        registry.add("hub.security.operator-token", () -> "pg-test-operator-token");
        registry.add("hub.broker.url", () -> "tcp://127.0.0.1:" + BROKER_PORT);
        registry.add("hub.broker.user", () -> "");
        registry.add("hub.broker.password", () -> "");
        registry.add("camel.main.run-controller", () -> "false");
        registry.add("camel.springboot.main-run-controller", () -> "false");
        // AEON on, uploading to the embedded server every second; its nightly full never fires here
        registry.add("AEON_SFTP_HOST", () -> "127.0.0.1");
        registry.add("AEON_SFTP_PORT", () -> SFTP_PORT);
        registry.add("AEON_SFTP_USERNAME", () -> AEON);
        registry.add("AEON_SFTP_PASSWORD", () -> "pg-test-only");
        registry.add("AEON_SFTP_AUTHORIZED_KEYS", () -> "");
        registry.add("AEON_SFTP_KNOWN_HOSTS", () -> "");
        registry.add("AEON_DELTA_EVERY", () -> "PT1S");
        registry.add("AEON_FULL_CRON", () -> "0 0 1 1 1 *");
        // every other partner off, whatever the developer's shell exports
        for (String chain : List.of("CENTRALRETAIL", "WINMART", "HAPRO")) {
            registry.add(chain + "_SFTP_PASSWORD", () -> "");
            registry.add(chain + "_SFTP_AUTHORIZED_KEYS", () -> "");
        }
        for (String credential : List.of("POSTMART_BASE_URL", "POSTMART_API_KEY", "SHOPEE_PARTNER_ID",
                "SHOPEE_PARTNER_KEY", "SHOPEE_SHOP_ID", "SHOPEE_REFRESH_TOKEN", "LAZADA_APP_KEY", "LAZADA_APP_SECRET",
                "LAZADA_REFRESH_TOKEN", "TIKI_CLIENT_ID", "TIKI_CLIENT_SECRET")) {
            registry.add(credential, () -> "");
        }
    }

    /**
     * Camel's test listener (@CamelSpringBootTest, used by other test classes in this JVM) holds Camel back
     * while it loads its own context and releases it afterwards, but not when that load fails: a static
     * "no start" flag then stays set and this context's routes would never start.
     */
    @BeforeAll
    static void letCamelStart() {
        SpringCamelContext.setNoStart(false);
        System.clearProperty("skipStartingCamelContext");
    }

    @TestConfiguration
    static class ProductionLikeSetup {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }

        /**
         * The "external" broker the hub reaches over TCP (HUB_BROKER_URL), as in production. It also keeps
         * this context off the in-VM acceptor vm://0: another test's cached context with the embedded broker
         * already owns it in this JVM, and a second broker there would fail to start while this hub's client
         * talked to the other context's broker.
         */
        @Bean(destroyMethod = "stop")
        EmbeddedActiveMQ testBroker() throws Exception {
            ConfigurationImpl config = new ConfigurationImpl();
            config.setName("postgres-store-test");
            config.setPersistenceEnabled(false);
            config.setSecurityEnabled(false);
            config.setJMXManagementEnabled(false);
            config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + BROKER_PORT);
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
            broker.setConfiguration(config);
            broker.start();
            return broker;
        }

        /** The hub's connection factory is made after the broker starts and closed before it stops. */
        @Bean
        static BeanFactoryPostProcessor connectionFactoryDependsOnTestBroker() {
            return beanFactory -> {
                BeanDefinition factory = beanFactory.getBeanDefinition("jmsConnectionFactory");
                List<String> dependsOn = new ArrayList<>(factory.getDependsOn() == null ? List.of()
                        : List.of(factory.getDependsOn()));
                dependsOn.add("testBroker");
                factory.setDependsOn(dependsOn.toArray(String[]::new));
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    IngestService ingest;
    @Autowired
    FeedProcessor feeds;
    @Autowired
    FeedReportStore feedReports;
    @Autowired
    ListingStore listings;
    @Autowired
    BindingStore bindings;
    @Autowired
    OutboxStore outbox;
    @Autowired
    CatalogueStaging staging;
    @Autowired
    ListingValidator validator;
    @Autowired
    PartnerRegistry partners;
    @Autowired
    ObjectMapper json;
    @Autowired
    BrokerConfiguration.EmbeddedBroker hubBroker;

    // --- the schema --------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void runsOnPostgresWithTheMigrationApplied() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, description, success from flyway_schema_history where version is not null "
                        + "order by installed_rank");
        assertThat(history).isNotEmpty();
        assertThat(history.get(0)).containsEntry("version", "1").containsEntry("success", true);
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema()", String.class);
        assertThat(tables).contains("listing", "binding", "outbox", "feed_report", "chain_item", "chain_change",
                "catalogue_file", "flyway_schema_history");
        // identity columns are PostgreSQL identities, not H2 sequences in disguise
        assertThat(jdbc.queryForObject("select is_identity from information_schema.columns "
                + "where table_schema = current_schema() and table_name = 'outbox' and column_name = 'id'",
                String.class)).isEqualTo("YES");
        assertThat(partners.find(AEON)).hasValueSatisfying(p -> assertThat(p.active()).as("AEON active").isTrue());
        assertThat(partners.active()).extracting(p -> p.name()).containsExactly(AEON);
        assertThat(hubBroker.isEmbedded()).as("the hub uses the external broker (hub.broker.url)").isFalse();
    }

    // --- ingest: listing row, outbox, relay, bindings ----------------------------------------------------------

    @Test
    @Order(2)
    void submitWritesListingOutboxAndBindingsInOneTransactionAndTheRelayDrainsTheOutbox() throws IOException {
        String id = "PG-SUBMIT-0001";
        Listing listing = listing(id, 1, 480);

        // inside the transaction the relay cannot see the event yet: it is written with the listing
        IngestOutcome outcome = tx.execute(status -> {
            IngestOutcome o = ingest.submit(listing);
            assertThat(outbox.size()).isGreaterThanOrEqualTo(1);
            Map<String, Object> event = jdbc.queryForMap("select event_id, priority, payload from outbox "
                    + "where ocop_id = ?", id);
            assertThat(event.get("event_id")).isEqualTo(id + ":1");
            assertThat((String) event.get("payload")).contains("\"change\":\"CREATED\"").contains(id);
            Binding pending = bindings.find(id, AEON).orElseThrow();
            assertThat(pending.state()).isEqualTo(BindingState.PENDING);
            assertThat(pending.reason()).contains("revision 1").contains("CREATED");
            return o;
        });
        assertThat(outcome).isEqualTo(new IngestOutcome(id, 1, 1, ChangeType.CREATED));

        Map<String, Object> row = jdbc.queryForMap("select version, revision, producer_id, withdrawn, valid_until, "
                + "payload, content_hash from listing where ocop_id = ?", id);
        assertThat(row.get("version")).isEqualTo(1L);
        assertThat(row.get("revision")).isEqualTo(1L);
        assertThat(row.get("producer_id")).isEqualTo(listing.producer().id());
        assertThat(row.get("withdrawn")).isEqualTo(false);
        assertThat(row.get("valid_until").toString()).isEqualTo(listing.certification().validUntil().toString());
        assertThat((String) row.get("content_hash")).hasSize(64);
        StoredListing stored = listings.find(id).orElseThrow();
        assertThat(stored.listing()).isEqualTo(listing);
        assertThat(stored.revision()).isEqualTo(1);

        // relayed to the broker, then deleted from the outbox
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from outbox where ocop_id = ?", Long.class, id))
                        .isZero());

        // AEON's synchronizer staged it, the delta timer cut a file, uploaded it, and marked it delivered
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Binding b = bindings.find(id, AEON).orElseThrow();
            assertThat(b.state()).as("AEON binding, reason: %s", b.reason()).isEqualTo(BindingState.SYNCED);
            assertThat(b.deliveredVersion()).isEqualTo(1L);
            assertThat(b.deliveredRevision()).isEqualTo(1L);
            assertThat(b.live()).isTrue();
            assertThat(b.reason()).startsWith("in AEON_OCOP_CATALOG_DELTA_");
        });
        assertThat(staging.item(AEON, id)).contains(new CatalogueStaging.ChainItem(1, 'A'));
        String fileName = bindings.find(id, AEON).orElseThrow().reason().substring("in ".length());
        assertThat(staging.file(AEON, fileName)).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo("DELTA");
            assertThat(f.status()).isEqualTo("PUBLISHED");
            assertThat(f.rows()).isGreaterThanOrEqualTo(1);
        });
        Path delta = DATA_DIR.resolve("sftp").resolve(AEON).resolve("outbox").resolve("delta");
        assertThat(delta.resolve(fileName)).exists();
        assertThat(delta.resolve(fileName + ".done")).exists();
        assertThat(Files.readString(delta.resolve(fileName), StandardCharsets.UTF_8)).contains(listing.gtin13());

        // a stock update is a new revision with its own event; AEON takes no stock, so nothing new is staged
        IngestOutcome stock = ingest.updateStock(id, 12);
        assertThat(stock).isEqualTo(new IngestOutcome(id, 1, 2, ChangeType.STOCK_CHANGED));
        assertThat(listings.find(id).orElseThrow().listing().stock()).isEqualTo(12);
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from outbox where ocop_id = ?", Long.class, id))
                        .isZero());
        assertThat(ingest.updateStock(id, 12).change()).isEqualTo(ChangeType.UNCHANGED);
        assertThatThrownBy(() -> ingest.updateStock("PG-NO-SUCH-LISTING", 1))
                .isInstanceOf(ListingNotFoundException.class);
    }

    @Test
    @Order(3)
    void anOlderOrEqualVersionIsAConflictAndAnIdenticalResendChangesNothing() throws IOException {
        String id = "PG-VERSION-0001";
        assertThat(ingest.submit(listing(id, 2, 100)).change()).isEqualTo(ChangeType.CREATED);

        assertThatThrownBy(() -> ingest.submit(listing(id, 1, 100)))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).storedVersion()).isEqualTo(2));
        // same version, different content: also a conflict
        assertThatThrownBy(() -> ingest.submit(listing(id, 2, 99))).isInstanceOf(VersionConflictException.class);
        // the very same listing again (a retry after a lost answer): accepted, nothing published
        IngestOutcome resend = ingest.submit(listing(id, 2, 100));
        assertThat(resend).isEqualTo(new IngestOutcome(id, 2, 1, ChangeType.UNCHANGED));

        Map<String, Object> row = jdbc.queryForMap("select version, revision from listing where ocop_id = ?", id);
        assertThat(row).containsEntry("version", 2L).containsEntry("revision", 1L);
        // the conflicts rolled back before writing anything: only revision 1 ever had an event
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from outbox where ocop_id = ?", Long.class, id))
                        .isZero());

        // a newer version is a content update
        // a newer version that changes nothing partners see: stored, no new revision
        IngestOutcome newer = ingest.submit(listing(id, 3, 100));
        assertThat(newer).isEqualTo(new IngestOutcome(id, 3, 1, ChangeType.UNCHANGED));
        IngestOutcome priced = ingest.submit(withPrice(listing(id, 4, 100), 4));
        assertThat(priced).isEqualTo(new IngestOutcome(id, 4, newer.revision() + 1, ChangeType.PRICE_CHANGED));
        assertThat(listings.find(id).orElseThrow().version()).isEqualTo(4);
    }

    @Test
    @Order(4)
    void withdrawalMarksTheRowAndTakesTheListingOffTheChain() throws IOException {
        String id = "PG-WITHDRAW-0001";
        ingest.submit(listing(id, 1, 50));
        // let it reach AEON first, so the withdrawal has to travel as a 'D' row in a delta
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(bindings.find(id, AEON).map(Binding::state)).contains(BindingState.SYNCED));

        IngestOutcome gone = ingest.withdraw(id, "office: recalled");
        assertThat(gone).isEqualTo(new IngestOutcome(id, 1, 2, ChangeType.WITHDRAWN));
        Map<String, Object> row = jdbc.queryForMap("select withdrawn, withdrawn_reason, revision from listing "
                + "where ocop_id = ?", id);
        assertThat(row).containsEntry("withdrawn", true).containsEntry("withdrawn_reason", "office: recalled")
                .containsEntry("revision", 2L);
        assertThat(ingest.withdraw(id, "again").change()).isEqualTo(ChangeType.UNCHANGED);
        assertThat(listings.activeExpiringBefore(java.time.LocalDate.of(2999, 1, 1))).doesNotContain(id);
        assertThatThrownBy(() -> ingest.withdraw("PG-NO-SUCH-LISTING", "x"))
                .isInstanceOf(ListingNotFoundException.class);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Binding b = bindings.find(id, AEON).orElseThrow();
            assertThat(b.state()).as("AEON binding, reason: %s", b.reason()).isEqualTo(BindingState.WITHDRAWN);
            assertThat(b.live()).isFalse();
            assertThat(b.deliveredRevision()).isEqualTo(2L);
        });
        assertThat(staging.item(AEON, id)).contains(new CatalogueStaging.ChainItem(2, 'D'));

        // a later version brings it back
        IngestOutcome back = ingest.submit(listing(id, 2, 50));
        assertThat(back.change()).isEqualTo(ChangeType.CREATED);
        assertThat(listings.find(id).orElseThrow().withdrawn()).isFalse();
    }

    // --- BindingStore: update-then-insert when two writers race on a new row -----------------------------------

    @Test
    @Order(5)
    void bindingSaveRaceOutsideATransactionFallsBackToUpdate() throws Exception {
        raceOnNewBinding("PG-RACE-0001", false);
    }

    @Test
    @Order(6)
    void bindingSaveRaceInsideATransactionFallsBackToUpdate() throws Exception {
        raceOnNewBinding("PG-RACE-0002", true);
    }

    /**
     * Writer A inserts the row and holds its transaction open; writer B finds nothing to update,
     * so its insert waits on A's uncommitted key. When A commits, B's insert fails with a
     * duplicate key and B must update instead: B's state is what remains.
     */
    private void raceOnNewBinding(String id, boolean loserInTransaction) throws Exception {
        String partner = "pgrace";
        Binding first = Binding.none(id, partner).with(BindingState.PENDING, null, null, null, false, "writer A");
        Binding second = Binding.none(id, partner).with(BindingState.SYNCED, "ITEM-9", 1L, 1L, true, "writer B");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> writerA = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            bindings.save(first);
            inserted.countDown();
            waitFor(release);
        }), THREADS);
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> writerB = CompletableFuture.runAsync(() -> {
            if (loserInTransaction) {
                tx.executeWithoutResult(status -> {
                    bindings.save(second);
                    // the transaction must still be usable after the lost insert
                    assertThat(bindings.find(id, partner).map(Binding::state)).contains(BindingState.SYNCED);
                });
            } else {
                bindings.save(second);
            }
        }, THREADS);
        try {
            // B really is inside its insert, waiting for A's row lock
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where datname = current_database() "
                            + "and wait_event_type = 'Lock' and query like 'insert into binding%'", Long.class))
                    .isEqualTo(1L));
            assertThat(writerB).isNotDone();
        } finally {
            release.countDown();
        }
        writerA.get(30, TimeUnit.SECONDS);
        writerB.get(30, TimeUnit.SECONDS);

        Binding result = bindings.find(id, partner).orElseThrow();
        assertThat(result.state()).isEqualTo(BindingState.SYNCED);
        assertThat(result.partnerItemId()).isEqualTo("ITEM-9");
        assertThat(result.deliveredRevision()).isEqualTo(1L);
        assertThat(result.live()).isTrue();
        assertThat(result.reason()).isEqualTo("writer B");
        assertThat(jdbc.queryForObject("select count(*) from binding where ocop_id = ? and partner = ?", Long.class,
                id, partner)).isEqualTo(1L);
    }

    @Test
    @Order(7)
    void bindingQueriesCountAndPage() throws IOException {
        String partner = "pgcount";
        for (int i = 1; i <= 3; i++) {
            String id = "PG-COUNT-000" + i;
            ingest.submit(listing(id, 1, 10));
            bindings.save(Binding.none(id, partner).with(i == 3 ? BindingState.FAILED : BindingState.SYNCED,
                    "P" + i, 1L, 1L, i != 3, i == 3 ? "HTTP 500" : null));
        }
        assertThat(bindings.count(partner, BindingState.SYNCED)).isEqualTo(2);
        assertThat(bindings.countByState(partner)).containsEntry(BindingState.SYNCED, 2L)
                .containsEntry(BindingState.FAILED, 1L).containsEntry(BindingState.PENDING, 0L);
        assertThat(bindings.lastUpdate(partner, List.of(BindingState.FAILED))).isPresent();
        assertThat(bindings.lastUpdate(partner, List.of(BindingState.REJECTED))).isEmpty();
        assertThat(listings.pageAtPartner(partner, BindingState.SYNCED, 0, 10)).extracting(StoredListing::ocopId)
                .containsExactly("PG-COUNT-0001", "PG-COUNT-0002");
        assertThat(listings.pageAtPartner(partner, null, 1, 1)).extracting(StoredListing::ocopId)
                .containsExactly("PG-COUNT-0002");
        assertThat(listings.page(0, 1000)).extracting(StoredListing::ocopId)
                .contains("PG-COUNT-0001", "PG-COUNT-0002", "PG-COUNT-0003").isSorted();
        bindings.markPending("PG-COUNT-0003", List.of(partner, "pgcount2"), "queued");
        assertThat(bindings.find("PG-COUNT-0003", partner).map(Binding::state)).contains(BindingState.PENDING);
        assertThat(bindings.find("PG-COUNT-0003", partner).map(Binding::partnerItemId)).contains("P3");
        assertThat(bindings.find("PG-COUNT-0003", "pgcount2").map(Binding::reason)).contains("queued");
        assertThat(bindings.forListing("PG-COUNT-0003")).extracting(Binding::partner).containsSubsequence(
                "pgcount", "pgcount2");
    }

    // --- feeds -------------------------------------------------------------------------------------------------

    @Test
    @Order(8)
    void ndjsonFeedStoresValidRecordsAndReportsTheRest() throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            ndjson.append(json.writeValueAsString(sample("PG-FEED-000" + i, 1, 20 + i))).append('\n');
        }
        ndjson.append("{\"ocopId\": \"PG-FEED-BROKEN\", \n");               // index 3: not JSON
        ObjectNode invalid = sample("PG-FEED-0005", 1, 5);
        invalid.put("stars", 9);                                              // index 4: invalid field
        ndjson.append(json.writeValueAsString(invalid)).append("\n\n");
        ndjson.append(json.writeValueAsString(sample("PG-FEED-0001", 1, 21))).append('\n'); // index 5: same again

        FeedReport report = feeds.process(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                true, FeedProcessor.Mode.DELTA);

        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.received()).isEqualTo(6);
        assertThat(report.accepted()).isEqualTo(4);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.errors()).extracting(FeedReport.RecordError::index).containsExactly(3, 4);
        assertThat(report.errors().get(1).ocopId()).isEqualTo("PG-FEED-0005");
        assertThat(report.errors().get(1).errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("stars"));

        assertThat(jdbc.queryForList("select ocop_id from listing where last_feed_id = ? order by ocop_id",
                String.class, report.feedId())).containsExactly("PG-FEED-0001", "PG-FEED-0002", "PG-FEED-0003");
        assertThat(listings.find("PG-FEED-0005")).isEmpty();
        assertThat(listings.find("PG-FEED-0002").orElseThrow().listing().stock()).isEqualTo(22);

        Map<String, Object> stored = jdbc.queryForMap("select mode, status, received, accepted, rejected, "
                + "completed_at from feed_report where feed_id = ?", report.feedId());
        assertThat(stored).containsEntry("mode", "DELTA").containsEntry("status", "COMPLETED")
                .containsEntry("received", 6).containsEntry("accepted", 4).containsEntry("rejected", 2);
        assertThat(stored.get("completed_at")).isNotNull();
        assertThat(feedReports.find(report.feedId())).hasValueSatisfying(r -> {
            assertThat(r.accepted()).isEqualTo(4);
            assertThat(r.errors()).extracting(FeedReport.RecordError::index).containsExactly(3, 4);
        });
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from outbox where ocop_id like 'PG-FEED-%'", Long.class)).isZero());
    }

    // --- CatalogueStaging: the SQL of the retail chains' side --------------------------------------------------

    @Test
    @Order(9)
    void catalogueStagingCutsDeltasAndMarksBindingsDelivered() throws IOException {
        Listing one = listing("PG-CHAIN-0001", 1, 10);
        Listing two = listing("PG-CHAIN-0002", 1, 10);
        Listing three = listing("PG-CHAIN-0003", 1, 10);
        Listing four = listing("PG-CHAIN-0004", 1, 10);
        Listing five = listing("PG-CHAIN-0005", 1, 10);
        long before = staging.lastStagedChangeId(TEST_CHAIN);
        assertThat(before).isZero();

        tx.executeWithoutResult(s -> {
            staging.stage(TEST_CHAIN, one, 1, 'A');
            staging.stage(TEST_CHAIN, two, 1, 'A');
            staging.stage(TEST_CHAIN, three, 1, 'A');
            staging.stage(TEST_CHAIN, four, 1, 'A');
            staging.stage(TEST_CHAIN, five, 1, 'A');
        });
        long firstCut = staging.lastStagedChangeId(TEST_CHAIN);
        assertThat(firstCut).isGreaterThan(before);
        assertThat(rows(TEST_CHAIN, 0, firstCut)).containsExactly("A PG-CHAIN-0001 v1", "A PG-CHAIN-0002 v1",
                "A PG-CHAIN-0003 v1", "A PG-CHAIN-0004 v1", "A PG-CHAIN-0005 v1");

        tx.executeWithoutResult(s -> {
            staging.stage(TEST_CHAIN, one.withVersion(2), 2, 'U');
            staging.stage(TEST_CHAIN, one.withVersion(3), 3, 'U');   // only the latest per listing goes out
            staging.stage(TEST_CHAIN, three, 2, 'D');
            staging.stage(TEST_CHAIN, four, 2, 'D');
            staging.stage(TEST_CHAIN, five.withVersion(2), 2, 'U');
        });
        long secondCut = staging.lastStagedChangeId(TEST_CHAIN);
        assertThat(staging.item(TEST_CHAIN, "PG-CHAIN-0001")).contains(new CatalogueStaging.ChainItem(3, 'U'));
        assertThat(staging.item(TEST_CHAIN, "PG-CHAIN-0003")).hasValueSatisfying(i -> assertThat(i.present()).isFalse());
        assertThat(staging.item(TEST_CHAIN, "PG-CHAIN-0009")).isEmpty();
        assertThat(rows(TEST_CHAIN, firstCut, secondCut)).containsExactly("U PG-CHAIN-0001 v3", "D PG-CHAIN-0003 v1",
                "D PG-CHAIN-0004 v1", "U PG-CHAIN-0005 v2");
        assertThat(rows(TEST_CHAIN, 0, secondCut)).hasSize(5);
        List<String> current = new ArrayList<>();
        long maxChange = staging.forEachCurrentItem(TEST_CHAIN, r -> current.add(r.action() + " " + r.listing().ocopId()));
        assertThat(current).containsExactly("A PG-CHAIN-0001", "A PG-CHAIN-0002", "A PG-CHAIN-0005");
        assertThat(maxChange).isEqualTo(secondCut);

        // bindings as the synchronizer leaves them: waiting; one removal of a listing that became ineligible
        bindings.save(Binding.none("PG-CHAIN-0001", TEST_CHAIN).with(BindingState.PENDING, null, 1L, 1L, true, "waits"));
        bindings.save(Binding.none("PG-CHAIN-0003", TEST_CHAIN).with(BindingState.SKIPPED, null, 1L, 1L, false,
                "no GTIN"));
        bindings.save(Binding.none("PG-CHAIN-0004", TEST_CHAIN).with(BindingState.PENDING, null, 1L, 1L, true,
                "removal waits"));
        // already delivered at a newer revision: a late file must not move it back
        bindings.save(Binding.none("PG-CHAIN-0005", TEST_CHAIN).with(BindingState.SYNCED, null, 7L, 7L, true, "newer"));

        CatalogueFile file = new CatalogueFile(TEST_CHAIN, CatalogueHeader.Kind.DELTA,
                "PGCHAIN_OCOP_CATALOG_DELTA_20260101T000000_1.csv", DATA_DIR.resolve("none.csv"), "ab".repeat(32), 4, 1,
                1L);
        assertThat(staging.lastDeltaChangeId(TEST_CHAIN)).isZero();
        assertThat(staging.lastDeltaSequence(TEST_CHAIN)).isZero();
        staging.reserve(file, secondCut);
        assertThat(staging.nameTaken(TEST_CHAIN, file.fileName())).isTrue();
        assertThat(staging.nameTaken(TEST_CHAIN, "other.csv")).isFalse();
        assertThat(staging.unpublished(TEST_CHAIN, "DELTA")).hasValueSatisfying(f -> {
            assertThat(f.fileName()).isEqualTo(file.fileName());
            assertThat(f.seq()).isEqualTo(1L);
            assertThat(f.lastChangeId()).isEqualTo(secondCut);
            assertThat(f.status()).isEqualTo("BUILT");
        });
        assertThat(staging.lastDeltaSequence(TEST_CHAIN)).isEqualTo(1);
        assertThat(staging.lastDeltaChangeId(TEST_CHAIN)).isEqualTo(secondCut);
        assertThat(staging.deltaChangeId(TEST_CHAIN, 1)).isEqualTo(secondCut);
        // a delta sequence number is never issued twice
        CatalogueFile sameSeq = new CatalogueFile(TEST_CHAIN, CatalogueHeader.Kind.DELTA, "another-name.csv",
                file.localPath(), file.sha256(), 0, 1, 1L);
        assertThatThrownBy(() -> staging.reserve(sameSeq, secondCut)).isInstanceOf(DuplicateKeyException.class);

        tx.executeWithoutResult(s -> {
            staging.markDelivered(TEST_CHAIN, firstCut, secondCut, file.fileName());
            staging.markPublished(TEST_CHAIN, file.fileName());
        });

        Binding b1 = bindings.find("PG-CHAIN-0001", TEST_CHAIN).orElseThrow();
        assertThat(b1.state()).isEqualTo(BindingState.SYNCED);
        assertThat(b1.deliveredVersion()).isEqualTo(3L);
        assertThat(b1.deliveredRevision()).isEqualTo(3L);
        assertThat(b1.live()).isTrue();
        assertThat(b1.reason()).isEqualTo("in " + file.fileName());
        Binding b3 = bindings.find("PG-CHAIN-0003", TEST_CHAIN).orElseThrow();
        assertThat(b3.state()).isEqualTo(BindingState.SKIPPED);
        assertThat(b3.reason()).isEqualTo("no GTIN");
        assertThat(b3.live()).isFalse();
        assertThat(b3.deliveredRevision()).isEqualTo(2L);
        Binding b4 = bindings.find("PG-CHAIN-0004", TEST_CHAIN).orElseThrow();
        assertThat(b4.state()).isEqualTo(BindingState.WITHDRAWN);
        assertThat(b4.live()).isFalse();
        assertThat(b4.reason()).isEqualTo("in " + file.fileName());
        Binding b5 = bindings.find("PG-CHAIN-0005", TEST_CHAIN).orElseThrow();
        assertThat(b5.deliveredRevision()).isEqualTo(7L);
        assertThat(b5.reason()).isEqualTo("newer");
        assertThat(bindings.find("PG-CHAIN-0002", TEST_CHAIN)).isEmpty();   // not in this delta, no binding made

        assertThat(staging.file(TEST_CHAIN, file.fileName())).hasValueSatisfying(f ->
                assertThat(f.status()).isEqualTo("PUBLISHED"));
        assertThat(staging.unpublished(TEST_CHAIN, "DELTA")).isEmpty();
        assertThat(jdbc.queryForObject("select published_at from catalogue_file where partner = ? and file_name = ?",
                java.sql.Timestamp.class, TEST_CHAIN, file.fileName())).isNotNull();
    }

    // --- select … for update -----------------------------------------------------------------------------------

    @Test
    @Order(10)
    void findForUpdateLocksTheListingUntilTheTransactionEnds() throws Exception {
        String id = "PG-LOCK-0001";
        ingest.submit(listing(id, 1, 5));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong releasedAt = new AtomicLong();

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            assertThat(listings.findForUpdate(id)).isPresent();
            locked.countDown();
            waitFor(release);
            releasedAt.set(System.nanoTime());
        }), THREADS);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        // a second submission of the same listing must wait for the first transaction
        CompletableFuture<IngestOutcome> waiter = CompletableFuture.supplyAsync(() -> ingest.updateStock(id, 77), THREADS);
        CompletableFuture<Long> waiterDoneAt = waiter.thenApply(o -> System.nanoTime());
        try {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where datname = current_database() "
                            + "and wait_event_type = 'Lock' and query like 'select * from listing where ocop_id = $1 for update%'",
                    Long.class)).isEqualTo(1L));
            // an ordinary read is not blocked
            assertThat(listings.find(id).orElseThrow().listing().stock()).isEqualTo(5);
            assertThat(waiter).isNotDone();
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        IngestOutcome outcome = waiter.get(30, TimeUnit.SECONDS);
        assertThat(waiterDoneAt.get()).isGreaterThan(releasedAt.get());
        assertThat(outcome).isEqualTo(new IngestOutcome(id, 1, 2, ChangeType.STOCK_CHANGED));
        assertThat(listings.find(id).orElseThrow().listing().stock()).isEqualTo(77);
        // the lock was for this row only
        assertThat(listings.findForUpdate("PG-NO-SUCH-LISTING")).isEmpty();
    }

    // --- a full feed, last: it withdraws every active listing it does not name ---------------------------------

    @Test
    @Order(100)
    void fullFeedWithdrawsListingsItDoesNotName() throws IOException {
        String ndjson = json.writeValueAsString(sample("PG-FULL-0001", 1, 1)) + "\n"
                + json.writeValueAsString(sample("PG-FULL-0002", 1, 1)) + "\n";
        feeds.process(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), true, FeedProcessor.Mode.DELTA);
        ingest.submit(listing("PG-FULL-0003", 1, 1));

        String fullFeed = json.writeValueAsString(sample("PG-FULL-0001", 1, 1)) + "\n"
                + json.writeValueAsString(sample("PG-FULL-0002", 2, 3)) + "\n";
        long activeBefore = jdbc.queryForObject("select count(*) from listing where withdrawn = false", Long.class);
        FeedReport report = feeds.process(new ByteArrayInputStream(fullFeed.getBytes(StandardCharsets.UTF_8)), true,
                FeedProcessor.Mode.FULL);

        assertThat(report.mode()).isEqualTo("FULL");
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.withdrawn()).isEqualTo((int) activeBefore - 2);
        assertThat(jdbc.queryForList("select ocop_id from listing where withdrawn = false", String.class))
                .containsExactlyInAnyOrder("PG-FULL-0001", "PG-FULL-0002");
        assertThat(listings.find("PG-FULL-0003").orElseThrow().withdrawnReason())
                .isEqualTo("absent from full feed " + report.feedId());
        assertThat(listings.activeNotSeenIn(report.feedId())).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The first sample listing (eligible for AEON: GTIN, 4 stars) under another id, version and stock. */
    private ObjectNode sample(String ocopId, long version, int stock) throws IOException {
        String first = Files.readAllLines(Path.of("samples", "hanoi-listings.ndjson"), StandardCharsets.UTF_8).get(0);
        ObjectNode node = (ObjectNode) json.readTree(first);
        node.put("ocopId", ocopId);
        node.put("version", version);
        node.put("stock", stock);
        node.put("sku", "SKU-" + ocopId);
        return node;
    }

    // --- orders and stock back to producers --------------------------------------------------------------------

    @Autowired
    ProducerEvents producerEvents;
    @Autowired
    ProducerEventStore producerEventStore;
    @Autowired
    ProducerStore producerStore;
    @Autowired
    ProcessedFiles processedFiles;

    @Test
    @Order(20)
    void producerEventsAreStoredOnceAndMoveStockOnceOnPostgres() throws IOException {
        Listing tea = listing("PG-ORDER-0001", 1, 40);
        ingest.submit(tea);
        String producer = tea.producer().id();
        OrderEvent.Line line = new OrderEvent.Line(tea.ocopId(), tea.sku(), 6, 41_000L);
        OrderEvent placed = new OrderEvent(EventIds.of("aeon", "ORDER", "PG-PO-1", producer, "NEW"), producer, "aeon",
                "PG-PO-1", OrderStatus.NEW, List.of(line, line), null, "AEON-LB", Instant.parse("2026-11-21T00:00:00Z"));

        assertThat(producerEvents.publish(List.of(placed), true)).isEqualTo(1);
        assertThat(producerEvents.publish(List.of(placed), true)).as("the same event again").isZero();
        assertThat(listings.find(tea.ocopId()).orElseThrow().listing().stock()).as("12 taken once").isEqualTo(28);

        OrderEvent cancelled = new OrderEvent(EventIds.of("aeon", "ORDER", "PG-PO-1", producer, "CANCELLED"), producer,
                "aeon", "PG-PO-1", OrderStatus.CANCELLED, List.of(line), null, "AEON-LB", Instant.now());
        assertThat(producerEvents.publish(List.of(cancelled, cancelled), true)).isEqualTo(1);
        assertThat(listings.find(tea.ocopId()).orElseThrow().listing().stock()).as("given back once").isEqualTo(40);

        // a marketplace that cancels unit by unit: each event names the units cancelled so far
        OrderEvent sold = new OrderEvent(EventIds.of("lazada", "ORDER", "PG-LZ-1", producer, "NEW"), producer, "lazada",
                "PG-LZ-1", OrderStatus.NEW, List.of(new OrderEvent.Line(tea.ocopId(), tea.sku(), 3, 41_000L)), null,
                null, Instant.now());
        producerEvents.publish(List.of(sold), true);
        for (long units : new long[] {1, 2, 1}) {
            producerEvents.publish(List.of(new OrderEvent(EventIds.of("lazada", "ORDER", "PG-LZ-1", producer,
                    "CANCELLED", String.valueOf(units)), producer, "lazada", "PG-LZ-1", OrderStatus.CANCELLED,
                    List.of(new OrderEvent.Line(tea.ocopId(), tea.sku(), units, 41_000L)), null, null, Instant.now(),
                    true)), true);
        }
        assertThat(listings.find(tea.ocopId()).orElseThrow().listing().stock())
                .as("3 taken, 2 units cancelled in all").isEqualTo(39);

        assertThat(producerEventStore.inbox(producer, 0, 10)).extracting(ProducerEventStore.Stored::eventId)
                .startsWith(placed.eventId(), cancelled.eventId()).hasSize(5);
        assertThat(producerEventStore.dueHeads(Instant.now().plusSeconds(1), 100))
                .filteredOn(e -> e.producerId().equals(producer)).singleElement()
                .extracting(ProducerEventStore.Stored::eventId).isEqualTo(placed.eventId());
        assertThat(listings.findBySku(tea.sku())).extracting(StoredListing::ocopId).containsExactly(tea.ocopId());
    }

    @Test
    @Order(21)
    void producerTokensAndProcessedFilesOnPostgres() {
        Instant now = Instant.now();
        assertThat(producerStore.insert(new Producer("PG-PRODUCER", "HTX Postgres", null, null, null, now, now),
                "prod_pg-token")).isTrue();
        assertThat(producerStore.insert(new Producer("PG-PRODUCER", "again", null, null, null, now, now),
                "prod_other")).isFalse();
        assertThat(producerStore.producerForToken("prod_pg-token")).contains("PG-PRODUCER");
        assertThat(producerStore.producerForToken("prod_other")).isEmpty();

        String key = "pgchain/orders/PO-1.csv/120/1763800000000";
        assertThat(processedFiles.add(key)).isTrue();
        assertThat(processedFiles.add(key)).isFalse();
        assertThat(processedFiles.contains(key)).isTrue();
        assertThat(processedFiles.remove(key)).isTrue();
        assertThat(processedFiles.contains(key)).isFalse();
    }

    @Autowired
    PriceStockQueue priceStock;

    @Test
    @Order(22)
    void stagedPriceAndStockMergeKeepTheNewestAndLeaveOnlyAtTheirRevisionOnPostgres() throws IOException {
        Listing v1 = listing("HN-PG-BATCH", 1, 10);
        Instant now = Instant.now();
        priceStock.stage("pgmarket", change(v1, 2, ChangeEvent.Aspect.PRICE), "item-1", true, false, now);
        priceStock.stage("pgmarket", change(v1.withStock(4, 10), 3, ChangeEvent.Aspect.STOCK), "item-1", false, true, now);
        priceStock.stage("pgmarket", change(v1, 2, ChangeEvent.Aspect.PRICE), "item-1", true, false, now); // redelivered

        PriceStockQueue.Claim claim = priceStock.claim("pgmarket", now, now.plusSeconds(300), 50);
        assertThat(claim.rows()).singleElement().satisfies(s -> {
            assertThat(s.revision()).isEqualTo(3);
            assertThat(s.price()).as("price asked at revision 2 is kept").isTrue();
            assertThat(s.stock()).isTrue();
            assertThat(s.event().listing().stock()).isEqualTo(4);
        });
        assertThat(priceStock.claim("pgmarket", now, now.plusSeconds(300), 50).rows()).as("held by the first").isEmpty();
        assertThat(priceStock.discard("pgmarket", "HN-PG-BATCH", now)).as("in flight: not discarded").isFalse();
        assertThat(priceStock.sent("pgmarket", "HN-PG-BATCH", 2)).as("an older revision leaves nothing").isFalse();
        priceStock.failed("pgmarket", "HN-PG-BATCH", 3, now.plusSeconds(30), "503 from the partner");
        priceStock.release("pgmarket", claim.token());
        assertThat(priceStock.claim("pgmarket", now, now.plusSeconds(300), 50).rows()).as("backing off").isEmpty();
        PriceStockQueue.Claim again = priceStock.claim("pgmarket", now.plusSeconds(31), now.plusSeconds(331), 50);
        assertThat(again.rows()).singleElement().satisfies(s -> assertThat(s.attempts()).isEqualTo(1));
        assertThat(priceStock.sent("pgmarket", "HN-PG-BATCH", 3)).isTrue();
        assertThat(priceStock.count("pgmarket")).isZero();

        priceStock.stage("pgmarket", change(v1, 4, ChangeEvent.Aspect.STOCK), "item-1", false, true, now);
        PriceStockQueue.Claim expired = priceStock.claim("pgmarket", now, now.plusSeconds(1), 50);
        assertThat(expired.rows()).hasSize(1);
        assertThat(priceStock.discard("pgmarket", "HN-PG-BATCH", now.plusSeconds(2)))
                .as("a lease that ran out frees the row").isTrue();
        assertThat(priceStock.count("pgmarket")).isZero();
    }

    private static ChangeEvent change(Listing listing, long revision, ChangeEvent.Aspect aspect) {
        return new ChangeEvent(UUID.randomUUID().toString(), listing.ocopId(), revision, ChangeType.UPDATED,
                java.util.EnumSet.of(aspect), listing, null, Instant.now());
    }

    private Listing listing(String ocopId, long version, int stock) throws IOException {
        ValidationResult result = validator.validate(sample(ocopId, version, stock));
        assertThat(result.errors()).as("sample listing must be valid").isEmpty();
        return result.listing();
    }

    private Listing withPrice(Listing l, long version) throws IOException {
        ObjectNode node = sample(l.ocopId(), version, l.stock());
        ((ObjectNode) node.get("price")).put("retail", node.get("price").get("retail").asLong() + 1000);
        ValidationResult result = validator.validate(node);
        assertThat(result.errors()).isEmpty();
        return result.listing();
    }

    private List<String> rows(String partner, long after, long upto) {
        List<String> out = new ArrayList<>();
        staging.forEachDeltaRow(partner, after, upto, (CatalogueRow r) ->
                out.add(r.action() + " " + r.listing().ocopId() + " v" + r.listing().version()));
        return out;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
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
