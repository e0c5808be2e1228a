package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.producer.ProducerEventStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shopee's pushes through the hub's order side (no Spring, see {@link MarketplaceOrdersRig}): a
 * verified order status push becomes ORDER events with the lines get_order_detail lists, moves
 * stock once, and a repeat, a replay or a lost push fetched later changes nothing more.
 */
class ShopeeOrdersTest {

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
    void aSignedOrderPushBecomesOneOrderEventPerProducerAndMovesStockOnce() {
        rig.listing("SP-ORD-TEA-01", "SP-TEA-SKU", "PRODUCER-SP-A", 40);
        rig.bind("SP-ORD-TEA-01", "shopee", "770001");
        rig.listing("SP-ORD-RICE-02", "SP-RICE-SKU", "PRODUCER-SP-B", 20); // found by SKU, not bound
        rig.shopee.putOrder("2611SHP0001", "UNPAID", List.of(
                new FakeShopee.OrderItem(770001, "SP-TEA-SKU", "", 3, 45_000, 42_000),
                new FakeShopee.OrderItem(990001, "SP-RICE-SKU", "", 2, 30_000, 0)));

        byte[] push = orderPush("2611SHP0001", "UNPAID", 1795000000L);
        ResponseEntity<?> answer = rig.shopeeCallback.push(sign(push), push);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).as("Shopee wants an empty body").isNull();

        List<ProducerEventStore.Stored> events = awaitEvents("2611SHP0001", 2);
        JsonNode tea = payloadOf(events, "PRODUCER-SP-A");
        assertThat(tea.path("type").asText()).isEqualTo("ORDER");
        assertThat(tea.path("status").asText()).isEqualTo("NEW");
        assertThat(tea.path("lines")).hasSize(1);
        assertThat(tea.at("/lines/0/ocopId").asText()).isEqualTo("SP-ORD-TEA-01");
        assertThat(tea.at("/lines/0/quantity").asLong()).isEqualTo(3);
        assertThat(tea.at("/lines/0/unitPrice").asLong()).as("the discounted price").isEqualTo(42_000);
        JsonNode rice = payloadOf(events, "PRODUCER-SP-B");
        assertThat(rice.at("/lines/0/quantity").asLong()).isEqualTo(2);
        assertThat(rice.at("/lines/0/unitPrice").asLong()).isEqualTo(30_000);
        assertThat(rig.stock("SP-ORD-TEA-01")).isEqualTo(37);
        assertThat(rig.stock("SP-ORD-RICE-02")).isEqualTo(18);
        assertThat(rig.stockChanges("SP-ORD-TEA-01")).as("the new stock goes to every channel that takes stock")
                .anyMatch(change -> change.at("/listing/stock").asInt() == 37);

        // Shopee repeats the push: answered 2xx, stored once, nothing new
        assertThat(rig.shopeeCallback.push(sign(push), push).getStatusCode().value()).isEqualTo(200);
        PartnerMessage message = rig.messages.find("shopee", "3|" + MarketplaceOrdersRig.SHOPEE_SHOP_ID
                + "|2611SHP0001|UNPAID|1795000000").orElseThrow();
        assertThat(rig.messages.byPartner("shopee")).filteredOn(m -> m.dedupKey().contains("2611SHP0001")).hasSize(1);

        // an operator replays it (as after a fix elsewhere): worked again, publishes nothing new
        rig.jdbc.update("update partner_message set state = 'FAILED' where id = ?", message.id());
        assertThat(rig.messages.replay(message.id())).isTrue();
        await().atMost(PATIENCE).until(() -> rig.messages.find(message.id()).orElseThrow().state()
                == PartnerMessage.State.DONE);
        assertThat(rig.eventsAbout("shopee", "2611SHP0001")).hasSize(2);
        assertThat(rig.stock("SP-ORD-TEA-01")).isEqualTo(37);

        // the buyer cancels: one CANCELLED event per producer, the stock comes back once
        rig.shopee.putOrder("2611SHP0001", "CANCELLED", List.of(
                new FakeShopee.OrderItem(770001, "SP-TEA-SKU", "", 3, 45_000, 42_000),
                new FakeShopee.OrderItem(990001, "SP-RICE-SKU", "", 2, 30_000, 0)));
        byte[] cancel = orderPush("2611SHP0001", "CANCELLED", 1795000900L);
        rig.shopeeCallback.push(sign(cancel), cancel);
        rig.shopeeCallback.push(sign(cancel), cancel);
        List<ProducerEventStore.Stored> all = awaitEvents("2611SHP0001", 4);
        assertThat(all).filteredOn(e -> rig.read(e.payload()).path("status").asText().equals("CANCELLED")).hasSize(2);
        assertThat(rig.stock("SP-ORD-TEA-01")).isEqualTo(40);
        assertThat(rig.stock("SP-ORD-RICE-02")).isEqualTo(20);
        assertThat(rig.shopee.count(FakeShopee.ORDER_DETAIL, e -> "2611SHP0001".equals(e.param("order_sn_list"))))
                .as("one look-up per push worked (the new order, its replay, the cancellation)").isEqualTo(3);
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndNothingIsStored() {
        byte[] push = orderPush("2611SHP0002", "UNPAID", 1795001000L);
        int before = rig.messages.byPartner("shopee").size();

        ResponseEntity<?> forged = rig.shopeeCallback.push(sign(orderPush("2611SHP0002", "CANCELLED", 1795001000L)),
                push);
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(((ProblemDetail) forged.getBody()).getTitle()).isEqualTo("Invalid signature");
        assertThat(rig.shopeeCallback.push(null, push).getStatusCode().value()).isEqualTo(401);
        // signed for another URL than the one registered with Shopee
        String otherUrl = rig.shopee.signPush("https://elsewhere.example.vn/callbacks/shopee", push);
        assertThat(rig.shopeeCallback.push(otherUrl, push).getStatusCode().value()).isEqualTo(401);

        assertThat(rig.messages.byPartner("shopee")).hasSize(before);
    }

    @Test
    void aReservedStockPushIsAnInventoryEvent() {
        rig.listing("SP-ORD-HONEY-03", "SP-HONEY-SKU", "PRODUCER-SP-C", 15);
        rig.bind("SP-ORD-HONEY-03", "shopee", "770003");
        byte[] push = ("{\"code\":8,\"shop_id\":" + MarketplaceOrdersRig.SHOPEE_SHOP_ID + ",\"timestamp\":1795002000,"
                + "\"data\":{\"shop_id\":" + MarketplaceOrdersRig.SHOPEE_SHOP_ID + ",\"item_id\":770003,"
                + "\"variation_id\":0,\"action\":\"place_order\",\"changed_values\":[{\"name\":\"reserved_stock\","
                + "\"old\":1,\"new\":4}],\"update_time\":1795002000}}").getBytes(StandardCharsets.UTF_8);

        assertThat(rig.shopeeCallback.push(sign(push), push).getStatusCode().value()).isEqualTo(200);

        JsonNode reserved = await().atMost(PATIENCE).until(() -> rig.events.byPartner("shopee").stream()
                .map(e -> rig.read(e.payload())).filter(e -> "SP-ORD-HONEY-03".equals(e.path("ocopId").asText()))
                .toList(), list -> list.size() == 1).get(0);
        assertThat(reserved.path("type").asText()).isEqualTo("INVENTORY");
        assertThat(reserved.path("meaning").asText()).isEqualTo("RESERVED");
        assertThat(reserved.path("quantity").asLong()).isEqualTo(4);
        assertThat(reserved.path("producerId").asText()).isEqualTo("PRODUCER-SP-C");
        assertThat(rig.stock("SP-ORD-HONEY-03")).as("a reservation is reported, not taken off").isEqualTo(15);
    }

    @Test
    void aLineMatchingNoListingFailsTheMessageVisiblyUntilReplayedAfterTheFix() {
        rig.shopee.putOrder("2611SHP0004", "READY_TO_SHIP", List.of(
                new FakeShopee.OrderItem(770404, "SP-UNKNOWN-SKU", "", 1, 50_000, 0)));
        byte[] push = orderPush("2611SHP0004", "READY_TO_SHIP", 1795003000L);
        rig.shopeeCallback.push(sign(push), push);

        PartnerMessage failed = await().atMost(PATIENCE).until(() -> rig.messages.inState(PartnerMessage.State.FAILED,
                "shopee", 100).stream().filter(m -> m.dedupKey().contains("2611SHP0004")).findFirst().orElse(null),
                m -> m != null);
        assertThat(failed.lastError()).contains("SP-UNKNOWN-SKU").contains("matches no OCOP listing");
        assertThat(rig.eventsAbout("shopee", "2611SHP0004")).isEmpty();

        rig.listing("SP-ORD-LATE-04", "SP-UNKNOWN-SKU", "PRODUCER-SP-D", 10);
        assertThat(rig.messages.replay(failed.id())).isTrue();
        awaitEvents("2611SHP0004", 1);
        assertThat(rig.stock("SP-ORD-LATE-04")).as("first seen as READY_TO_SHIP: still takes the stock").isEqualTo(9);
        // the worker marks the message DONE just after the events are committed
        await().atMost(PATIENCE).until(() -> rig.messages.find(failed.id()).orElseThrow().state(),
                state -> state == PartnerMessage.State.DONE);
    }

    @Test
    void lostPushesAreStoredOnceThenConfirmed() {
        rig.listing("SP-ORD-JAM-05", "SP-JAM-SKU", "PRODUCER-SP-E", 30);
        rig.bind("SP-ORD-JAM-05", "shopee", "770005");
        List<FakeShopee.OrderItem> jam = List.of(new FakeShopee.OrderItem(770005, "SP-JAM-SKU", "", 1, 60_000, 0));
        rig.shopee.putOrder("2611SHP0005", "UNPAID", jam);
        rig.shopee.putOrder("2611SHP0006", "UNPAID", List.of(
                new FakeShopee.OrderItem(770005, "SP-JAM-SKU", "", 2, 60_000, 0)));
        // this push did arrive; Shopee still counts it as lost (the hub's answer was lost)
        byte[] arrived = orderPush("2611SHP0005", "UNPAID", 1795004000L);
        rig.shopeeCallback.push(sign(arrived), arrived);
        awaitEvents("2611SHP0005", 1);

        rig.shopee.lostPushPageSize(1);
        rig.shopee.addLostPush(3, 1795004000L,
                "{\"ordersn\":\"2611SHP0005\",\"status\":\"UNPAID\",\"update_time\":1795004000}");
        rig.shopee.addLostPush(3, 1795004100L,
                "{\"ordersn\":\"2611SHP0006\",\"status\":\"UNPAID\",\"update_time\":1795004100}");

        assertThat(rig.lostPushes.recover("shopee")).as("one of the two was new").isEqualTo(1);
        assertThat(rig.shopee.unconfirmedLostPushes()).isZero();
        assertThat(rig.shopee.lostPushConfirmations()).as("one confirmation per page").isEqualTo(2);

        awaitEvents("2611SHP0006", 1);
        assertThat(rig.eventsAbout("shopee", "2611SHP0005")).hasSize(1);
        assertThat(rig.stock("SP-ORD-JAM-05")).isEqualTo(30 - 1 - 2);
        assertThat(rig.lostPushes.recover("shopee")).as("nothing left").isZero();
    }

    private static List<ProducerEventStore.Stored> awaitEvents(String orderSn, int count) {
        return await().atMost(PATIENCE).until(() -> rig.eventsAbout("shopee", orderSn), list -> list.size() >= count);
    }

    private static JsonNode payloadOf(List<ProducerEventStore.Stored> events, String producer) {
        return rig.read(events.stream().filter(e -> e.producerId().equals(producer)).findFirst().orElseThrow()
                .payload());
    }

    private static byte[] orderPush(String orderSn, String status, long updateTime) {
        return ("{\"data\":{\"items\":[],\"ordersn\":\"" + orderSn + "\",\"status\":\"" + status
                + "\",\"completed_scenario\":\"\",\"update_time\":" + updateTime + "},\"shop_id\":"
                + MarketplaceOrdersRig.SHOPEE_SHOP_ID + ",\"code\":3,\"timestamp\":" + updateTime + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] push) {
        return rig.shopee.signPush(MarketplaceOrdersRig.SHOPEE_CALLBACK_URL, push);
    }
}
