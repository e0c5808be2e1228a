package vn.ocop.hub.producer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEventStore.DeliveryState;
import vn.ocop.hub.producer.ProducerEventStore.Stored;
import vn.ocop.hub.producer.ProducerStore;
import vn.ocop.hub.support.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier's decisions on the real store (H2 in PostgreSQL mode, the real migrations), with
 * scripted channels and a clock the test moves: order per producer, channel choice, backoff up
 * to the give-up period, parking, and one producer never served twice at once.
 */
class ProducerNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcTemplate jdbc = new JdbcTemplate(database());
    private final ProducerEventStore events = new ProducerEventStore(jdbc, JSON);
    private final ProducerStore producers = new ProducerStore(jdbc);
    /**
     * An hour ahead of the real time: the store stamps new events due at its own Instant.now(),
     * so a clock behind it would find events appended during a test not yet due.
     */
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofHours(1)));
    private final ScriptedChannel webhook = new ScriptedChannel("WEBHOOK");
    private final ScriptedChannel email = new ScriptedChannel("EMAIL");
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void retriesWithGrowingWaitsForAtLeast24HoursThenParksAndTheNextEventGoes() throws Exception {
        register("P-GIVE-UP", null, "http://producer.example/hook");
        append(order("evt-gu-1", "P-GIVE-UP"));
        append(order("evt-gu-2", "P-GIVE-UP"));
        webhook.answer(e -> DeliveryAttempt.failed("HTTP 503: down"));
        ProducerNotifier notifier = notifier(webhook, email, policy(), Runnable::run);
        // the store stamps the first failure with its own Instant.now(): start the clock there, so
        // both count the 24 hours from the same moment
        clock.set(Instant.now());

        Instant firstAttempt = clock.instant();
        List<Instant> attemptTimes = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        Stored head = events.find("evt-gu-1").orElseThrow();
        while (head.deliveryState() == DeliveryState.PENDING) {
            attemptTimes.add(clock.instant());
            assertThat(notifier.deliverDue()).isEqualTo(1);
            head = events.find("evt-gu-1").orElseThrow();
            if (head.deliveryState() == DeliveryState.PENDING) {
                waits.add(Duration.between(clock.instant(), head.nextAttemptAt()));
                assertThat(notifier.deliverDue()).as("nothing is due before the next attempt").isZero();
                clock.set(head.nextAttemptAt());
            }
            assertThat(attemptTimes).hasSizeLessThan(500);
        }

        assertThat(head.deliveryState()).isEqualTo(DeliveryState.PARKED);
        assertThat(head.lastError()).isEqualTo("HTTP 503: down");
        assertThat(head.attempts()).isEqualTo(attemptTimes.size());
        Instant parkedAt = attemptTimes.get(attemptTimes.size() - 1);
        assertThat(Duration.between(firstAttempt, parkedAt)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        // and not a whole wait later than needed: the attempt before was still inside the 24 hours
        assertThat(Duration.between(firstAttempt, attemptTimes.get(attemptTimes.size() - 2)))
                .isLessThan(Duration.ofHours(24));
        // waits: 10 s then doubling (each jittered into [½·d, d]), never over 30 minutes
        for (int i = 0; i < waits.size(); i++) {
            long nominal = Math.min(10_000L << Math.min(i, 20), Duration.ofMinutes(30).toMillis());
            assertThat(waits.get(i).toMillis()).as("wait after failure %d", i + 1)
                    .isBetween(nominal / 2, nominal);
        }
        assertThat(waits.subList(12, waits.size())).allSatisfy(w ->
                assertThat(w).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(30)));
        // the second event waited behind the first, then went in the very poll that parked the first
        List<String> calls = webhook.calledEventIds();
        assertThat(calls.subList(0, calls.size() - 1)).containsOnly("evt-gu-1");
        assertThat(calls.get(calls.size() - 1)).isEqualTo("evt-gu-2");
        Stored second = events.find("evt-gu-2").orElseThrow();
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(second.deliveryState()).isEqualTo(DeliveryState.PENDING);

        webhook.answer(e -> DeliveryAttempt.ok());
        clock.set(second.nextAttemptAt());
        notifier.deliverDue();
        assertThat(events.find("evt-gu-2").orElseThrow().deliveryState()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(events.find("evt-gu-1").orElseThrow().deliveryState()).isEqualTo(DeliveryState.PARKED);
    }

    @Test
    void aFailedHeadHoldsTheProducersLaterEventsThenTheyAllGoInOrder() throws Exception {
        register("P-ORDER", null, "http://producer.example/hook");
        for (int i = 1; i <= 4; i++) {
            append(order("evt-ord-" + i, "P-ORDER"));
        }
        AtomicInteger calls = new AtomicInteger();
        webhook.answer(e -> calls.incrementAndGet() == 1 ? DeliveryAttempt.failed("HTTP 500: oops") : DeliveryAttempt.ok());
        ProducerNotifier notifier = notifier(webhook, email, policy(), Runnable::run);

        notifier.deliverDue();
        assertThat(webhook.calledEventIds()).containsExactly("evt-ord-1");
        assertThat(events.inbox("P-ORDER", 0, 10)).extracting(Stored::attempts).containsExactly(1, 0, 0, 0);

        clock.set(events.find("evt-ord-1").orElseThrow().nextAttemptAt());
        assertThat(notifier.deliverDue()).isEqualTo(1);

        assertThat(webhook.calledEventIds())
                .containsExactly("evt-ord-1", "evt-ord-1", "evt-ord-2", "evt-ord-3", "evt-ord-4");
        List<Stored> inbox = events.inbox("P-ORDER", 0, 10);
        assertThat(inbox).extracting(Stored::deliveryState).containsOnly(DeliveryState.DELIVERED);
        assertThat(inbox).extracting(Stored::channel).containsOnly("WEBHOOK");
        assertThat(inbox.get(0).lastError()).isNull();
    }

    @Test
    void theChannelIsChosenPerEventFromTheProducersCurrentRegistration() {
        register("P-BOTH", "both@example.vn", "http://producer.example/hook");
        register("P-MAIL", "mail@example.vn", null);
        register("P-NONE", null, null);
        append(order("evt-ch-both", "P-BOTH"));
        append(order("evt-ch-mail", "P-MAIL"));
        append(stock("evt-ch-none", "P-NONE"));
        append(order("evt-ch-unknown", "P-NOT-REGISTERED"));

        notifier(webhook, email, policy(), Runnable::run).deliverDue();

        assertThat(webhook.calledEventIds()).containsExactly("evt-ch-both");
        assertThat(email.calledEventIds()).containsExactly("evt-ch-mail");
        assertState("evt-ch-both", DeliveryState.DELIVERED, "WEBHOOK");
        assertState("evt-ch-mail", DeliveryState.DELIVERED, "EMAIL");
        assertState("evt-ch-none", DeliveryState.INBOX_ONLY, "INBOX");
        assertState("evt-ch-unknown", DeliveryState.INBOX_ONLY, "INBOX");

        // the producer adds a webhook: its next event goes there
        producers.update(producer("P-MAIL", "mail@example.vn", "http://producer.example/new-hook"));
        append(order("evt-ch-mail-2", "P-MAIL"));
        notifier(webhook, email, policy(), Runnable::run).deliverDue();
        assertState("evt-ch-mail-2", DeliveryState.DELIVERED, "WEBHOOK");
    }

    @Test
    void withoutAMailServerAnAddressIsNotEnough() {
        register("P-MAIL-ONLY", "mail@example.vn", null);
        append(order("evt-nomail", "P-MAIL-ONLY"));

        notifier(webhook, null, policy(), Runnable::run).deliverDue();

        assertState("evt-nomail", DeliveryState.INBOX_ONLY, "INBOX");
        assertThat(email.calledEventIds()).isEmpty();
    }

    @Test
    void aSlowProducerHoldsNeitherOthersNorIsServedTwiceAtOnce() throws Exception {
        register("P-SLOW", null, "http://slow.example/hook");
        register("P-FAST", null, "http://fast.example/hook");
        append(order("evt-slow-1", "P-SLOW"));
        append(order("evt-slow-2", "P-SLOW"));
        append(order("evt-fast-1", "P-FAST"));
        CountDownLatch release = new CountDownLatch(1);
        webhook.answer(e -> {
            if (e.producerId().equals("P-SLOW")) {
                awaitQuietly(release);
            }
            return DeliveryAttempt.ok();
        });
        ProducerNotifier notifier = notifier(webhook, email, policy(), pool(2));

        assertThat(notifier.deliverDue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                events.find("evt-fast-1").orElseThrow().deliveryState() == DeliveryState.DELIVERED);
        append(order("evt-fast-2", "P-FAST"));
        // overlapping polls while P-SLOW's first event is still on its way
        for (int i = 0; i < 5; i++) {
            notifier.deliverDue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                events.find("evt-fast-2").orElseThrow().deliveryState() == DeliveryState.DELIVERED);
        assertThat(webhook.calledEventIds()).filteredOn(id -> id.startsWith("evt-slow")).containsExactly("evt-slow-1");
        assertThat(notifier.serving()).containsExactly("P-SLOW");

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                events.find("evt-slow-2").orElseThrow().deliveryState() == DeliveryState.DELIVERED);
        assertThat(webhook.calledEventIds()).filteredOn(id -> id.startsWith("evt-slow"))
                .containsExactly("evt-slow-1", "evt-slow-2");
        assertThat(webhook.maxConcurrentPerProducer()).isEqualTo(1);
    }

    @Test
    void pollsInQuickSuccessionDeliverEveryEventExactlyOnceInOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String producer : List.of("P-BUSY-A", "P-BUSY-B", "P-BUSY-C")) {
            register(producer, null, "http://" + producer.toLowerCase() + ".example/hook");
        }
        webhook.answer(e -> {
            pause(Duration.ofMillis(2));
            return DeliveryAttempt.ok();
        });
        ProducerNotifier notifier = notifier(webhook, email, policy(), pool(3));
        for (int i = 0; i < 30; i++) {
            String producer = List.of("P-BUSY-A", "P-BUSY-B", "P-BUSY-C").get(i % 3);
            String id = "evt-busy-" + i;
            append(order(id, producer));
            expected.add(id);
            notifier.deliverDue();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            notifier.deliverDue();
            return events.countInState(DeliveryState.DELIVERED) == expected.size();
        });

        assertThat(webhook.calledEventIds()).containsExactlyInAnyOrderElementsOf(expected);
        for (String producer : List.of("P-BUSY-A", "P-BUSY-B", "P-BUSY-C")) {
            List<String> own = events.inbox(producer, 0, 100).stream().map(Stored::eventId).toList();
            assertThat(webhook.calledEventIds()).filteredOn(own::contains).containsExactlyElementsOf(own);
        }
    }

    @Test
    void aChannelThatThrowsCountsAsAFailedAttempt() throws Exception {
        register("P-THROWS", null, "http://producer.example/hook");
        append(order("evt-throws", "P-THROWS"));
        webhook.answer(e -> {
            throw new IllegalStateException("bug");
        });

        notifier(webhook, email, policy(), Runnable::run).deliverDue();

        Stored stored = events.find("evt-throws").orElseThrow();
        assertThat(stored.deliveryState()).isEqualTo(DeliveryState.PENDING);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.lastError()).isEqualTo("unexpected error: java.lang.IllegalStateException: bug");
        assertThat(stored.nextAttemptAt()).isAfter(clock.instant());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ProducerNotifier notifier(NotificationChannel webhook, NotificationChannel email, RetryPolicy retry,
                                      java.util.concurrent.Executor executor) {
        return new ProducerNotifier(events, producers, webhook, email, retry, 50, clock, executor);
    }

    private static RetryPolicy policy() {
        return new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofHours(24),
                () -> Math.random());
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }

    private void register(String id, String email, String webhookUrl) {
        assertThat(producers.insert(producer(id, email, webhookUrl), "token-" + id)).isTrue();
    }

    private static Producer producer(String id, String email, String webhookUrl) {
        return NotifierFixtures.producer(id, email, webhookUrl, webhookUrl == null ? null : "secret-" + id);
    }

    private void append(vn.ocop.hub.producer.ProducerEvent event) {
        assertThat(events.append(event)).isTrue();
    }

    private static vn.ocop.hub.producer.OrderEvent order(String eventId, String producerId) {
        return NotifierFixtures.order(eventId, producerId, "PO-" + eventId, OrderStatus.NEW);
    }

    private static InventoryEvent stock(String eventId, String producerId) {
        return NotifierFixtures.stock(eventId, producerId, InventoryEvent.Meaning.AVAILABLE);
    }

    private void assertState(String eventId, DeliveryState state, String channel) {
        Stored stored = events.find(eventId).orElseThrow();
        assertThat(stored.deliveryState()).as(eventId).isEqualTo(state);
        assertThat(stored.channel()).as(eventId).isEqualTo(channel);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JdbcDataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:notifier-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** A channel whose answers the test scripts; it records each call and how many ran at once per producer. */
    static final class ScriptedChannel implements NotificationChannel {
        private final String name;
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        private final AtomicInteger maxConcurrent = new AtomicInteger();
        private volatile Function<Stored, DeliveryAttempt> answer = e -> DeliveryAttempt.ok();

        ScriptedChannel(String name) {
            this.name = name;
        }

        void answer(Function<Stored, DeliveryAttempt> answer) {
            this.answer = answer;
        }

        List<String> calledEventIds() {
            return List.copyOf(calls);
        }

        int maxConcurrentPerProducer() {
            return maxConcurrent.get();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DeliveryAttempt deliver(Producer producer, Stored event) {
            AtomicInteger now = running.computeIfAbsent(producer.producerId(), p -> new AtomicInteger());
            maxConcurrent.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                calls.add(event.eventId());
                return answer.apply(event);
            } finally {
                now.decrementAndGet();
            }
        }
    }
}
