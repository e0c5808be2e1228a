package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.hub.fakes.FakeMailServer;
import vn.ocop.hub.fakes.FakeProducerEndpoint;
import vn.ocop.hub.producer.EventIds;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderEvent;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEvent;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEventStore.DeliveryState;
import vn.ocop.hub.producer.ProducerEvents;
import vn.ocop.hub.producer.ProducerStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producer events reach producers through the running hub: the timer route, the notifier's
 * pool, a webhook receiver that checks signatures as a producer would, GreenMail for e-mail,
 * and the operator's list and replay. Each test registers its own producers (IT-NOTIFY-…).
 */
class ProducerNotificationsTest extends HubIntegrationTest {

    /** hub.notifier.give-up-after in HubIntegrationTest. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(6);
    private static final Instant OCCURRED = Instant.parse("2026-11-22T01:30:00Z");

    @Autowired
    private ProducerStore producers;

    @Autowired
    private ProducerEvents producerEvents;

    @Autowired
    private ProducerEventStore events;

    @Autowired
    private MeterRegistry meters;

    private final List<FakeProducerEndpoint> endpoints = new ArrayList<>();

    @AfterEach
    void stopEndpoints() {
        endpoints.forEach(FakeProducerEndpoint::close);
    }

    @Test
    void aWebhookReceivesEveryEventOnceSignedAndInOrder() {
        FakeProducerEndpoint endpoint = endpoint("it-secret-webhook");
        register("IT-NOTIFY-WEBHOOK", null, endpoint.url(), "it-secret-webhook");
        List<ProducerEvent> published = List.of(
                order("IT-NOTIFY-WEBHOOK", "PO-IT-8001", OrderStatus.NEW),
                stock("IT-NOTIFY-WEBHOOK", "s1", 40),
                order("IT-NOTIFY-WEBHOOK", "PO-IT-8001", OrderStatus.CONFIRMED),
                order("IT-NOTIFY-WEBHOOK", "PO-IT-8001", OrderStatus.SHIPPED),
                stock("IT-NOTIFY-WEBHOOK", "s2", 35));
        assertThat(producerEvents.publish(published, false)).isEqualTo(5);
        List<String> ids = published.stream().map(ProducerEvent::eventId).toList();

        awaitState(ids, DeliveryState.DELIVERED);
        settle();

        assertThat(endpoint.receivedEventIds()).containsExactlyElementsOf(ids);
        assertThat(endpoint.unauthorized()).isEmpty();
        for (FakeProducerEndpoint.Received received : endpoint.received()) {
            ProducerEventStore.Stored stored = events.find(received.eventId()).orElseThrow();
            assertThat(received.body()).isEqualTo(stored.payload().getBytes(StandardCharsets.UTF_8));
            assertThat(stored.channel()).isEqualTo("WEBHOOK");
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.deliveredAt()).isNotNull();
        }
    }

    @Test
    void anEndpointDownForAWhileGetsEverythingInOrderExactlyOnceWhenItIsBack() {
        FakeProducerEndpoint endpoint = endpoint("it-secret-down");
        register("IT-NOTIFY-DOWN", null, endpoint.url(), "it-secret-down");
        endpoint.downFor(Duration.ofSeconds(2));
        List<ProducerEvent> published = List.of(
                order("IT-NOTIFY-DOWN", "PO-IT-8101", OrderStatus.NEW),
                order("IT-NOTIFY-DOWN", "PO-IT-8102", OrderStatus.NEW),
                stock("IT-NOTIFY-DOWN", "s1", 12),
                order("IT-NOTIFY-DOWN", "PO-IT-8101", OrderStatus.CANCELLED));
        producerEvents.publish(published, false);
        List<String> ids = published.stream().map(ProducerEvent::eventId).toList();

        awaitState(ids, DeliveryState.DELIVERED);
        settle();

        assertThat(endpoint.receivedEventIds()).containsExactlyElementsOf(ids);
        List<FakeProducerEndpoint.Attempt> refused = endpoint.attempts().stream()
                .filter(a -> a.status() == 503).toList();
        assertThat(refused).as("the endpoint was down first").isNotEmpty();
        assertThat(refused).as("while the first event failed, the others waited behind it")
                .extracting(FakeProducerEndpoint.Attempt::eventId).containsOnly(ids.get(0));
        ProducerEventStore.Stored first = events.find(ids.get(0)).orElseThrow();
        assertThat(first.attempts()).isEqualTo(refused.size() + 1);
        assertThat(first.lastError()).isNull();
    }

    @Test
    void aProducerWithOnlyAnAddressGetsAnEmailInVietnamese() throws Exception {
        String address = "htx.it-notify-mail@example.vn";
        register("IT-NOTIFY-MAIL", address, null, null);
        OrderEvent order = order("IT-NOTIFY-MAIL", "PO-IT-8201", OrderStatus.NEW);
        producerEvents.publish(List.of(order), false);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !FakeMailServer.to(address).isEmpty());

        MimeMessage mail = FakeMailServer.to(address).get(0);
        assertThat(mail.getSubject()).isEqualTo("[OCOP Hub] Đơn hàng mới PO-IT-8201 từ AEON Vietnam");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("ocop-hub@it.example");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getContent()).asString().contains("Kính gửi HTX IT-NOTIFY-MAIL,",
                "Trạng thái: Mới", "Ngày giao hàng: 25/11/2026",
                "1. Mã OCOP: HN-IT-NOTIFY-01; SKU: IT-TRA-01; số lượng: 12; đơn giá: 41.000 đ");
        awaitState(List.of(order.eventId()), DeliveryState.DELIVERED);
        assertThat(events.find(order.eventId()).orElseThrow().channel()).isEqualTo("EMAIL");
    }

    @Test
    void withNeitherWebhookNorAddressTheEventStaysInTheInboxOnly() {
        register("IT-NOTIFY-NONE", null, null, null);
        OrderEvent registered = order("IT-NOTIFY-NONE", "PO-IT-8301", OrderStatus.NEW);
        OrderEvent unknown = order("IT-NOTIFY-UNREGISTERED", "PO-IT-8302", OrderStatus.NEW);
        producerEvents.publish(List.of(registered, unknown), false);

        awaitState(List.of(registered.eventId(), unknown.eventId()), DeliveryState.INBOX_ONLY);

        assertThat(events.find(registered.eventId()).orElseThrow().channel()).isEqualTo("INBOX");
        JsonNode listed = get("/api/v1/producer-notifications?state=INBOX_ONLY&limit=1000", OPERATOR_TOKEN).json();
        assertThat(listed.path("items").findValuesAsText("eventId"))
                .contains(registered.eventId(), unknown.eventId());
    }

    @Test
    void aParkedEventIsListedForTheOperatorAndAReplayDeliversIt() {
        FakeProducerEndpoint endpoint = endpoint("it-secret-park");
        register("IT-NOTIFY-PARK", null, endpoint.url(), "it-secret-park");
        endpoint.down();
        OrderEvent parked = order("IT-NOTIFY-PARK", "PO-IT-8401", OrderStatus.NEW);
        producerEvents.publish(List.of(parked), false);

        awaitState(List.of(parked.eventId()), DeliveryState.PARKED, GIVE_UP_AFTER.plusSeconds(30));
        ProducerEventStore.Stored stored = events.find(parked.eventId()).orElseThrow();
        assertThat(stored.attempts()).isGreaterThan(2);
        assertThat(stored.lastError()).startsWith("HTTP 503: ");

        Reply list = get("/api/v1/producer-notifications?state=PARKED", OPERATOR_TOKEN);
        assertThat(list.status()).isEqualTo(200);
        JsonNode item = findItem(list.json(), parked.eventId());
        assertThat(item.path("producerId").asText()).isEqualTo("IT-NOTIFY-PARK");
        assertThat(item.path("state").asText()).isEqualTo("PARKED");
        assertThat(item.path("channel").asText()).isEqualTo("WEBHOOK");
        assertThat(item.path("attempts").asInt()).isEqualTo(stored.attempts());
        assertThat(item.path("lastError").asText()).startsWith("HTTP 503: ");
        assertThat(Duration.between(Instant.parse(item.path("failingSince").asText()), Instant.now()))
                .isGreaterThanOrEqualTo(GIVE_UP_AFTER);
        assertThat(parkedGauge()).isGreaterThanOrEqualTo(1);

        // the producer's next event is not held behind the parked one
        endpoint.up();
        OrderEvent next = order("IT-NOTIFY-PARK", "PO-IT-8402", OrderStatus.NEW);
        producerEvents.publish(List.of(next), false);
        awaitState(List.of(next.eventId()), DeliveryState.DELIVERED);

        assertThat(post("/api/v1/producer-notifications/" + parked.eventId() + "/replay", OFFICE_TOKEN).status())
                .isEqualTo(403);
        Reply replay = post("/api/v1/producer-notifications/" + parked.eventId() + "/replay", OPERATOR_TOKEN);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().path("state").asText()).isEqualTo("PENDING");
        assertThat(replay.json().path("attempts").asInt()).isZero();
        awaitState(List.of(parked.eventId()), DeliveryState.DELIVERED);
        settle();
        assertThat(endpoint.receivedEventIds()).containsExactly(next.eventId(), parked.eventId());

        Reply again = post("/api/v1/producer-notifications/" + parked.eventId() + "/replay", OPERATOR_TOKEN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("detail").asText()).contains("is DELIVERED");
        assertThat(post("/api/v1/producer-notifications/no-such-event/replay", OPERATOR_TOKEN).status())
                .isEqualTo(404);
    }

    @Test
    void theListIsTheOperatorsAndSaysWhichQueryIsWrong() {
        assertThat(get("/api/v1/producer-notifications", OFFICE_TOKEN).status()).isEqualTo(403);
        assertThat(get("/api/v1/producer-notifications", null).status()).isEqualTo(401);

        Reply badState = get("/api/v1/producer-notifications?state=LOST", OPERATOR_TOKEN);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().path("errors").get(0).path("field").asText()).isEqualTo("state");
        assertThat(badState.json().path("errors").get(0).path("message").asText())
                .isEqualTo("must be one of PENDING, DELIVERED, PARKED, INBOX_ONLY");

        Reply badLimit = get("/api/v1/producer-notifications?limit=0", OPERATOR_TOKEN);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }

    @Test
    void healthDoesNotDependOnTheMailServer() {
        Reply health = get("/actuator/health", null);
        assertThat(health.json().path("components").has("db")).as(health.body()).isTrue();
        assertThat(health.json().path("components").has("mail")).as(health.body()).isFalse();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private FakeProducerEndpoint endpoint(String secret) {
        FakeProducerEndpoint endpoint = new FakeProducerEndpoint(secret).start();
        endpoints.add(endpoint);
        return endpoint;
    }

    private void register(String producerId, String email, String webhookUrl, String secret) {
        Instant now = Instant.now();
        assertThat(producers.insert(new Producer(producerId, "HTX " + producerId, email, webhookUrl, secret, now, now),
                "it-token-" + producerId)).isTrue();
    }

    private static OrderEvent order(String producerId, String orderId, OrderStatus status) {
        return new OrderEvent(EventIds.of("it-notify", producerId, orderId, status.name()), producerId, "aeon",
                orderId, status, List.of(new OrderEvent.Line("HN-IT-NOTIFY-01", "IT-TRA-01", 12, 41_000L)),
                LocalDate.of(2026, 11, 25), "AEON-LB", OCCURRED);
    }

    private static InventoryEvent stock(String producerId, String report, long quantity) {
        return new InventoryEvent(EventIds.of("it-notify", producerId, report), producerId, "aeon", "HN-IT-NOTIFY-01",
                "IT-TRA-01", quantity, InventoryEvent.Meaning.STORE_STOCK_REPORT, "AEON-TP", null, OCCURRED);
    }

    private void awaitState(List<String> eventIds, DeliveryState state) {
        awaitState(eventIds, state, Duration.ofSeconds(30));
    }

    private void awaitState(List<String> eventIds, DeliveryState state, Duration atMost) {
        await().alias(eventIds + " " + state).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> eventIds.stream().allMatch(id ->
                        events.find(id).map(e -> e.deliveryState() == state).orElse(false)));
    }

    /** Room for a duplicate to arrive, were the notifier to send one: a few polls. */
    private static void settle() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply post(String path, String token) {
        return send("POST", path, token, null, null);
    }

    private static JsonNode findItem(JsonNode page, String eventId) {
        for (JsonNode item : page.path("items")) {
            if (eventId.equals(item.path("eventId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + eventId + " in " + page);
    }

    /** Read from the registry: Spring Boot's tests leave the Prometheus endpoint out. */
    private double parkedGauge() {
        assertThat(meters.get("hub.producer.notifications.pending").gauge().value()).isNotNegative();
        return meters.get("hub.producer.notifications.parked").gauge().value();
    }
}
