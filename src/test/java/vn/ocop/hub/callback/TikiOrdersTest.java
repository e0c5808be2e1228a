package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.callback.tiki.TikiEventPull;
import vn.ocop.hub.connector.tiki.TikiOrderApi;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.fakes.tiki.FakeTikiCall;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.store.PartnerCredentialStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tiki's event queue pulled by the hub (see {@link MarketplaceOrdersRig}; the pull is called
 * directly here, the worker runs on its route): each batch is stored with its ack_id before the
 * next pull acknowledges it, a batch whose answer was lost is served again and stored once, and
 * order events become ORDER events with the lines of the order Tiki returns.
 */
class TikiOrdersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void eachBatchIsStoredBeforeTheNextPullAcknowledgesIt() {
        rig.listing("TK-ORD-TEA-01", "TK-TEA-SKU", "PRODUCER-TK-A", 30);
        rig.bind("TK-ORD-TEA-01", "tiki", "660001");
        rig.tiki.putOrder("TK100001", "queueing", List.of(new FakeTiki.OrderItem(660001, "TK-TEA-SKU", 2, 41_000)));
        rig.tiki.eventBatchSize(2);
        String created = rig.tiki.publishEvent(MarketplaceOrdersRig.TIKI_QUEUE, "ORDER_CREATED_SUCCESSFULLY",
                order("TK100001", "queueing"));
        String stock = rig.tiki.publishEvent(MarketplaceOrdersRig.TIKI_QUEUE, "PRODUCT_INVENTORY_UPDATED",
                JSON.createObjectNode().put("product_id", 660001).put("original_sku", "TK-TEA-SKU")
                        .put("warehouse_id", MarketplaceOrdersRig.TIKI_WAREHOUSE).put("quantity_sellable_from", 30)
                        .put("quantity_sellable_to", 28));
        String confirmed = rig.tiki.publishEvent(MarketplaceOrdersRig.TIKI_QUEUE, "ORDER_STATUS_UPDATED",
                order("TK100001", "seller_confirmed"));

        // a pull whose answer never reached the store (the hub stopped right after Tiki answered)
        TikiOrderApi api = (TikiOrderApi) rig.adapters.get("tiki");
        JsonNode lost = api.pullEvents(MarketplaceOrdersRig.TIKI_QUEUE, null);
        assertThat(lost.path("events")).hasSize(2);

        assertThat(rig.tikiPull.pull("tiki")).isEqualTo(3);

        List<FakeTiki.QueuePull> pulls = rig.tiki.queuePulls();
        assertThat(pulls).extracting(FakeTiki.QueuePull::eventIds)
                .containsExactly(List.of(created, stock), List.of(created, stock), List.of(confirmed), List.of());
        assertThat(pulls.get(1).ackIdSent()).as("nothing stored yet: nothing acknowledged").isNull();
        assertThat(pulls.get(1).ackIdAnswered()).as("the unacknowledged batch again").isEqualTo(lost.path("ack_id").asText());
        assertThat(pulls.get(2).ackIdSent()).isEqualTo(pulls.get(1).ackIdAnswered());
        assertThat(pulls.get(3).ackIdSent()).isEqualTo(pulls.get(2).ackIdAnswered());
        assertThat(rig.tiki.acknowledgedEvents(MarketplaceOrdersRig.TIKI_QUEUE)).isEqualTo(3);
        assertThat(rig.credentials.find("tiki", TikiEventPull.ACK_ID).map(PartnerCredentialStore.Credential::value))
                .contains(pulls.get(2).ackIdAnswered());

        // every event was in the store before the pull that acknowledged it reached Tiki
        for (int i = 2; i < pulls.size(); i++) {
            Instant acknowledgedAt = pullArrival(pulls.get(i).ackIdSent());
            for (String event : pulls.get(i - 1).eventIds()) {
                PartnerMessage message = rig.messages.find("tiki", "event " + event).orElseThrow();
                assertThat(message.receivedAt()).as("%s stored before acknowledged", event).isBefore(acknowledgedAt);
            }
        }
        assertThat(rig.messages.byPartner("tiki")).as("the batch served twice is stored once").hasSize(3);

        List<ProducerEventStore.Stored> orders = await().atMost(PATIENCE)
                .until(() -> rig.eventsAbout("tiki", "TK100001"), list -> list.size() == 2);
        JsonNode first = rig.read(orders.stream().map(ProducerEventStore.Stored::payload)
                .filter(p -> p.contains("\"NEW\"")).findFirst().orElseThrow());
        assertThat(first.path("producerId").asText()).isEqualTo("PRODUCER-TK-A");
        assertThat(first.at("/lines/0/ocopId").asText()).isEqualTo("TK-ORD-TEA-01");
        assertThat(first.at("/lines/0/quantity").asLong()).isEqualTo(2);
        assertThat(first.at("/lines/0/unitPrice").asLong()).isEqualTo(41_000);
        assertThat(orders).extracting(e -> rig.read(e.payload()).path("status").asText())
                .containsExactlyInAnyOrder("NEW", "CONFIRMED");
        assertThat(rig.stock("TK-ORD-TEA-01")).as("taken once, by the first status seen").isEqualTo(28);

        JsonNode available = await().atMost(PATIENCE).until(() -> rig.events.byPartner("tiki").stream()
                .map(e -> rig.read(e.payload())).filter(e -> "INVENTORY".equals(e.path("type").asText())).toList(),
                list -> list.size() == 1).get(0);
        assertThat(available.path("meaning").asText()).isEqualTo("AVAILABLE");
        assertThat(available.path("quantity").asLong()).isEqualTo(28);
        assertThat(available.path("ocopId").asText()).isEqualTo("TK-ORD-TEA-01");
    }

    private static Instant pullArrival(String ackIdSent) {
        return rig.tiki.calls().stream().filter(c -> c.path().endsWith("/events/pull"))
                .filter(c -> c.body().contains("\"" + ackIdSent + "\"")).map(FakeTikiCall::arrivedAt).findFirst()
                .orElseThrow();
    }

    private static ObjectNode order(String code, String status) {
        return JSON.createObjectNode().put("order_code", code).put("status", status);
    }
}
