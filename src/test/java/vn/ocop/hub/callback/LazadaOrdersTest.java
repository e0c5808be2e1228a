package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.producer.ProducerEventStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lazada's pushes through the hub's order side (see {@link MarketplaceOrdersRig}): answered as
 * soon as they are stored (Lazada wants 200 within 500 ms), the order's items fetched afterwards.
 */
class LazadaOrdersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static MarketplaceOrdersRig rig;

    @BeforeAll
    static void start() {
        rig = new MarketplaceOrdersRig(Duration.ofHours(1), Map.of());
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aTradeOrderPushIsAnsweredWithinHalfASecondAndWorkedAfterwards() {
        rig.listing("LZ-ORD-TEA-01", "LZ-TEA-SKU", "PRODUCER-LZ-A", 25);
        rig.bind("LZ-ORD-TEA-01", "lazada", "330001");
        // Lazada splits a line of two into two order items
        rig.lazada.putOrder("50001", Collections.nCopies(2,
                new FakeLazada.OrderUnit("LZ-TEA-SKU", "330001", "440001", "45000.00", "pending")));
        rig.lazada.delayNext(FakeLazada.ORDER_ITEMS, 1, Duration.ofMillis(1500));

        byte[] push = tradeOrder("50001", "500011", "pending", 1795000000123L);
        long started = System.nanoTime();
        ResponseEntity<?> answer = rig.lazadaCallback.push(rig.lazada.signPush(push), push);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Instant answeredAt = Instant.now();
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(took).as("Lazada's limit").isLessThan(Duration.ofMillis(500));

        ProducerEventStore.Stored event = awaitEvents("50001", 1).get(0);
        assertThat(Duration.between(answeredAt, event.createdAt()))
                .as("the event came from work done after the answer (items answered after 1.5 s)")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        JsonNode order = rig.read(event.payload());
        assertThat(order.path("producerId").asText()).isEqualTo("PRODUCER-LZ-A");
        assertThat(order.path("status").asText()).isEqualTo("NEW");
        assertThat(order.at("/lines/0/ocopId").asText()).isEqualTo("LZ-ORD-TEA-01");
        assertThat(order.at("/lines/0/quantity").asLong()).as("two units, one line").isEqualTo(2);
        assertThat(order.at("/lines/0/unitPrice").asLong()).isEqualTo(45_000);
        assertThat(rig.stock("LZ-ORD-TEA-01")).isEqualTo(23);

        // Lazada's retry half an hour later (new timestamp), and the push for the order's other line
        byte[] retry = tradeOrder("50001", "500011", "pending", 1795001800123L);
        byte[] otherLine = tradeOrder("50001", "500012", "pending", 1795000000456L);
        assertThat(rig.lazadaCallback.push(rig.lazada.signPush(retry), retry).getStatusCode().value()).isEqualTo(200);
        assertThat(rig.lazadaCallback.push(rig.lazada.signPush(otherLine), otherLine).getStatusCode().value())
                .isEqualTo(200);
        assertThat(rig.messages.byPartner("lazada")).filteredOn(m -> m.dedupKey().startsWith("0|50001|"))
                .extracting(PartnerMessage::dedupKey).containsExactlyInAnyOrder("0|50001|500011|pending",
                        "0|50001|500012|pending");
        await().atMost(PATIENCE).until(() -> rig.messages.byPartner("lazada").stream()
                .filter(m -> m.dedupKey().startsWith("0|50001|")).allMatch(m -> m.state() == PartnerMessage.State.DONE));
        assertThat(rig.eventsAbout("lazada", "50001")).as("same order, producer and status: one event").hasSize(1);
        assertThat(rig.stock("LZ-ORD-TEA-01")).isEqualTo(23);
    }

    @Test
    void unitsCancelledOneByOneGiveBackTheirOwnStockOnce() {
        rig.listing("LZ-ORD-RICE-06", "LZ-RICE-SKU", "PRODUCER-LZ-F", 12);
        rig.bind("LZ-ORD-RICE-06", "lazada", "330006");
        FakeLazada.OrderUnit pending = new FakeLazada.OrderUnit("LZ-RICE-SKU", "330006", "440006", "52000.00",
                "pending");
        FakeLazada.OrderUnit canceled = new FakeLazada.OrderUnit("LZ-RICE-SKU", "330006", "440006", "52000.00",
                "canceled");
        rig.lazada.putOrder("50006", List.of(pending, pending, pending));
        push("50006", "500061", "pending", 1795000600000L);
        awaitEvents("50006", 1);
        assertThat(rig.stock("LZ-ORD-RICE-06")).as("three units sold").isEqualTo(9);

        rig.lazada.putOrder("50006", List.of(canceled, pending, pending));
        push("50006", "500061", "canceled", 1795000610000L);
        awaitEvents("50006", 2);
        assertThat(rig.stock("LZ-ORD-RICE-06")).as("one unit back, not the order's three").isEqualTo(10);

        rig.lazada.putOrder("50006", List.of(canceled, canceled, pending));
        push("50006", "500062", "canceled", 1795000620000L);
        List<ProducerEventStore.Stored> events = awaitEvents("50006", 3);
        assertThat(rig.stock("LZ-ORD-RICE-06")).as("the second unit back").isEqualTo(11);
        JsonNode secondCancellation = rig.read(events.get(2).payload());
        assertThat(secondCancellation.at("/lines/0/quantity").asLong())
                .as("the producer sees every unit now cancelled").isEqualTo(2);
        assertThat(secondCancellation.has("unitsOnly")).as("the hub's own bookkeeping stays out of the payload")
                .isFalse();

        push("50006", "500061", "canceled", 1795002410000L); // Lazada's retry of the first cancellation
        await().atMost(PATIENCE).until(() -> rig.messages.byPartner("lazada").stream()
                .filter(m -> m.dedupKey().startsWith("0|50006|")).allMatch(m -> m.state() == PartnerMessage.State.DONE));
        assertThat(rig.eventsAbout("lazada", "50006")).hasSize(3);
        assertThat(rig.stock("LZ-ORD-RICE-06")).as("nothing given back twice").isEqualTo(11);
    }

    private void push(String orderId, String lineId, String status, long timestamp) {
        byte[] body = tradeOrder(orderId, lineId, status, timestamp);
        assertThat(rig.lazadaCallback.push(rig.lazada.signPush(body), body).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsStored() {
        byte[] push = tradeOrder("50002", "500021", "pending", 1795000100000L);
        int before = rig.messages.byPartner("lazada").size();
        // signed as a request would be (uppercase) is still not the push signature of this body
        String other = rig.lazada.signPush(tradeOrder("50002", "500021", "canceled", 1795000100000L));
        assertThat(rig.lazadaCallback.push(other, push).getStatusCode().value()).isEqualTo(401);
        assertThat(rig.lazadaCallback.push(null, push).getStatusCode().value()).isEqualTo(401);
        assertThat(rig.messages.byPartner("lazada")).hasSize(before);
    }

    @Test
    void aShallowStockPushIsALowStockInventoryEvent() {
        rig.listing("LZ-ORD-RICE-02", "LZ-RICE-SKU", "PRODUCER-LZ-B", 8);
        byte[] push = ("{\"seller_id\":\"200123456\",\"message_type\":6,\"data\":{\"seller_sku\":\"LZ-RICE-SKU\","
                + "\"sku_id\":\"440002\",\"real_quantity\":7,\"withhold_quantity\":1,\"occupy_quantity\":2,"
                + "\"warehouse\":\"VN-HN\"},\"timestamp\":1795000200000,\"site\":\"lazada_vn\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(rig.lazadaCallback.push(rig.lazada.signPush(push), push).getStatusCode().value()).isEqualTo(200);

        JsonNode low = await().atMost(PATIENCE).until(() -> rig.events.byPartner("lazada").stream()
                .map(e -> rig.read(e.payload())).filter(e -> "LZ-ORD-RICE-02".equals(e.path("ocopId").asText()))
                .toList(), list -> list.size() == 1).get(0);
        assertThat(low.path("meaning").asText()).isEqualTo("LOW_STOCK");
        assertThat(low.path("quantity").asLong()).as("sellable = real - withheld - occupied").isEqualTo(4);
        assertThat(low.path("producerId").asText()).isEqualTo("PRODUCER-LZ-B");
    }

    @Test
    void passingTroubleIsRetriedThenFailedWithTheReason() {
        rig.listing("LZ-ORD-JAM-03", "LZ-JAM-SKU", "PRODUCER-LZ-C", 12);
        rig.lazada.putOrder("50003", List.of(new FakeLazada.OrderUnit("LZ-JAM-SKU", "330003", "440003", "30000.00",
                "pending")));
        // two gateway errors: the Retrier's two attempts both fail, the worker's second attempt succeeds
        rig.lazada.failNext(FakeLazada.ORDER_ITEMS, 2, 503);
        byte[] push = tradeOrder("50003", "500031", "pending", 1795000300000L);
        rig.lazadaCallback.push(rig.lazada.signPush(push), push);
        awaitEvents("50003", 1);
        // the worker marks the message DONE just after the events are committed
        PartnerMessage done = await().atMost(PATIENCE).until(() -> rig.messages.find("lazada",
                "0|50003|500031|pending").orElseThrow(), m -> m.state() == PartnerMessage.State.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(rig.stock("LZ-ORD-JAM-03")).isEqualTo(11);

        // Lazada keeps failing: after the configured three attempts the message is FAILED, saying why
        rig.lazada.putOrder("50004", List.of(new FakeLazada.OrderUnit("LZ-JAM-SKU", "330003", "440003", "30000.00",
                "pending")));
        // exactly what three worker attempts of two calls each will meet
        rig.lazada.failNext(FakeLazada.ORDER_ITEMS, 6, 502);
        byte[] doomed = tradeOrder("50004", "500041", "pending", 1795000400000L);
        rig.lazadaCallback.push(rig.lazada.signPush(doomed), doomed);
        PartnerMessage failed = await().atMost(PATIENCE).until(() -> rig.messages.find("lazada",
                "0|50004|500041|pending").orElseThrow(), m -> m.state() == PartnerMessage.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("gave up after 3 attempts").contains("502");
        assertThat(rig.eventsAbout("lazada", "50004")).isEmpty();
    }

    @Test
    void anUnknownStatusFailsTheMessageAtOnce() {
        byte[] push = tradeOrder("50005", "500051", "teleported", 1795000500000L);
        rig.lazadaCallback.push(rig.lazada.signPush(push), push);
        PartnerMessage failed = await().atMost(PATIENCE).until(() -> rig.messages.find("lazada",
                "0|50005|500051|teleported").orElseThrow(), m -> m.state() == PartnerMessage.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("unknown Lazada order status 'teleported'");
    }

    private static List<ProducerEventStore.Stored> awaitEvents(String orderId, int count) {
        return await().atMost(PATIENCE).until(() -> rig.eventsAbout("lazada", orderId), list -> list.size() >= count);
    }

    private static byte[] tradeOrder(String orderId, String lineId, String status, long timestamp) {
        return ("{\"seller_id\":\"200123456\",\"message_type\":0,\"data\":{\"order_status\":\"" + status
                + "\",\"trade_order_id\":\"" + orderId + "\",\"trade_order_line_id\":\"" + lineId
                + "\",\"status_update_time\":" + (timestamp / 1000) + "},\"timestamp\":" + timestamp
                + ",\"site\":\"lazada_vn\"}").getBytes(StandardCharsets.UTF_8);
    }
}
