package vn.ocop.hub.callback;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.callback.lazada.LazadaStatuses;
import vn.ocop.hub.callback.postmart.PostmartStatuses;
import vn.ocop.hub.callback.shopee.ShopeeStatuses;
import vn.ocop.hub.callback.tiki.TikiStatuses;
import vn.ocop.hub.producer.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each partner's order statuses on the canonical six; an unknown status is refused, never guessed. */
class StatusMappingTest {

    @Test
    void shopee() {
        assertThat(ShopeeStatuses.canonical("UNPAID")).contains(OrderStatus.NEW);
        assertThat(ShopeeStatuses.canonical("READY_TO_SHIP")).contains(OrderStatus.CONFIRMED);
        assertThat(ShopeeStatuses.canonical("SHIPPED")).contains(OrderStatus.SHIPPED);
        assertThat(ShopeeStatuses.canonical("COMPLETED")).contains(OrderStatus.DELIVERED);
        assertThat(ShopeeStatuses.canonical("CANCELLED")).contains(OrderStatus.CANCELLED);
        assertThat(ShopeeStatuses.canonical("TO_RETURN")).contains(OrderStatus.RETURNED);
        assertThat(ShopeeStatuses.canonical("IN_CANCEL")).as("a request that may be refused").isEmpty();
        assertThatThrownBy(() -> ShopeeStatuses.canonical("LOST")).isInstanceOf(UnusableMessageException.class)
                .hasMessageContaining("LOST");
    }

    @Test
    void lazada() {
        assertThat(LazadaStatuses.canonical("unpaid")).isEqualTo(OrderStatus.NEW);
        assertThat(LazadaStatuses.canonical("ready_to_ship")).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(LazadaStatuses.canonical("shipped")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(LazadaStatuses.canonical("delivered")).isEqualTo(OrderStatus.DELIVERED);
        assertThat(LazadaStatuses.canonical("canceled")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(LazadaStatuses.canonical("returned")).isEqualTo(OrderStatus.RETURNED);
        assertThatThrownBy(() -> LazadaStatuses.canonical("teleported")).isInstanceOf(UnusableMessageException.class);
    }

    @Test
    void tiki() {
        assertThat(TikiStatuses.canonical("queueing")).isEqualTo(OrderStatus.NEW);
        assertThat(TikiStatuses.canonical("seller_confirmed")).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(TikiStatuses.canonical("shipping")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(TikiStatuses.canonical("successful_delivery")).isEqualTo(OrderStatus.DELIVERED);
        assertThat(TikiStatuses.canonical("canceled")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(TikiStatuses.canonical("returned")).isEqualTo(OrderStatus.RETURNED);
        assertThatThrownBy(() -> TikiStatuses.canonical(null)).isInstanceOf(UnusableMessageException.class);
    }

    @Test
    void postmart() {
        for (OrderStatus status : OrderStatus.values()) {
            String name = status == OrderStatus.NEW ? "created" : status.name().toLowerCase();
            assertThat(PostmartStatuses.canonical(name)).isEqualTo(status);
        }
        assertThatThrownBy(() -> PostmartStatuses.canonical("NEW")).isInstanceOf(UnusableMessageException.class);
    }
}
