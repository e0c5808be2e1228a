package vn.ocop.hub.callback.postmart;

import vn.ocop.hub.callback.StatusTable;
import vn.ocop.hub.producer.OrderStatus;

import java.util.Map;

/** Postmart's order statuses (this project's contract) on the canonical ones: the same six, in lower case. */
public final class PostmartStatuses {

    private static final StatusTable CANONICAL = new StatusTable("Postmart", Map.of(
            "created", OrderStatus.NEW,
            "confirmed", OrderStatus.CONFIRMED,
            "shipped", OrderStatus.SHIPPED,
            "delivered", OrderStatus.DELIVERED,
            "cancelled", OrderStatus.CANCELLED,
            "returned", OrderStatus.RETURNED));

    private PostmartStatuses() {
    }

    public static OrderStatus canonical(String status) {
        return CANONICAL.canonical(status);
    }
}
