package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.fakes.tiki.FakeTiki;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled routes of routes/partner-messages.yaml, every 300 ms here: Tiki's queue and
 * Shopee's lost pushes are pulled by their timer routes, stored, and worked by the worker's
 * route, with no test code in between.
 */
class ScheduledPullsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static MarketplaceOrdersRig rig;

    @BeforeAll
    static void start() {
        rig = new MarketplaceOrdersRig(Duration.ofMillis(300), Map.of());
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void tikiOrderEventsArrivePulledStoredAndWorkedByTheRoutes() {
        rig.listing("TK-ROUTE-RICE-01", "TK-ROUTE-SKU", "PRODUCER-TK-R", 50);
        rig.tiki.putOrder("TK200001", "queueing", List.of(new FakeTiki.OrderItem(661001, "TK-ROUTE-SKU", 5, 90_000)));
        rig.tiki.eventBatchSize(1);
        rig.tiki.publishEvent(MarketplaceOrdersRig.TIKI_QUEUE, "ORDER_CREATED_SUCCESSFULLY",
                JSON.createObjectNode().put("order_code", "TK200001").put("status", "queueing"));
        rig.tiki.publishEvent(MarketplaceOrdersRig.TIKI_QUEUE, "ORDER_STATUS_UPDATED",
                JSON.createObjectNode().put("order_code", "TK200001").put("status", "canceled"));

        await().atMost(PATIENCE).until(() -> rig.eventsAbout("tiki", "TK200001").size() == 2);
        assertThat(rig.stock("TK-ROUTE-RICE-01")).as("taken by NEW, given back by the cancellation").isEqualTo(50);
        await().atMost(PATIENCE).until(() -> rig.tiki.acknowledgedEvents(MarketplaceOrdersRig.TIKI_QUEUE) == 2);

        // every pull acknowledged exactly the batch the one before it received
        List<FakeTiki.QueuePull> pulls = rig.tiki.queuePulls();
        String expected = null;
        for (FakeTiki.QueuePull pull : pulls) {
            assertThat(pull.ackIdSent()).isEqualTo(expected);
            if (pull.ackIdAnswered() != null) {
                expected = pull.ackIdAnswered();
            }
        }
    }

    @Test
    void shopeesLostPushesAreFetchedAndWorkedByTheRoutes() {
        rig.listing("SP-ROUTE-TEA-01", "SP-ROUTE-SKU", "PRODUCER-SP-R", 9);
        rig.bind("SP-ROUTE-TEA-01", "shopee", "771001");
        rig.shopee.putOrder("2611SHPR001", "READY_TO_SHIP",
                List.of(new FakeShopee.OrderItem(771001, "SP-ROUTE-SKU", "", 4, 20_000, 0)));
        rig.shopee.addLostPush(3, 1795009000L,
                "{\"ordersn\":\"2611SHPR001\",\"status\":\"READY_TO_SHIP\",\"update_time\":1795009000}");

        await().atMost(PATIENCE).until(() -> rig.eventsAbout("shopee", "2611SHPR001").size() == 1);
        assertThat(rig.stock("SP-ROUTE-TEA-01")).isEqualTo(5);
        assertThat(rig.shopee.unconfirmedLostPushes()).isZero();
    }
}
