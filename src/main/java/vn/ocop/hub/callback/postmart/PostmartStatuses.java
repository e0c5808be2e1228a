package vn.ocop.hub.callback.postmart;

import vn.ocop.hub.callback.UnusableMessageException;
import vn.ocop.hub.producer.OrderStatus;

import java.util.Locale;
import java.util.Map;

/** Postmart's order statuses (this project's contract) on the canonical ones: the same six, in lower case. */
public final class PostmartStatuses {

    private static final Map<String, OrderStatus> CANONICAL = Map.of(
            "created", OrderStatus.NEW,
            "confirmed", OrderStatus.CONFIRMED,
            "shipped", OrderStatus.SHIPPED,
            "delivered", OrderStatus.DELIVERED,
            "cancelled", OrderStatus.CANCELLED,
            "returned", OrderStatus.RETURNED);

    private PostmartStatuses() {
    }

    public static OrderStatus canonical(String status) {
        OrderStatus mapped = status == null ? null : CANONICAL.get(status.trim().toLowerCase(Locale.ROOT));
        if (mapped == null) {
            throw new UnusableMessageException("unknown Postmart order status '" + status + "' (expected one of "
                    + CANONICAL.keySet().stream().sorted().toList() + ")");
        }
        return mapped;
    }
}
