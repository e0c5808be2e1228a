package vn.ocop.hub.callback.shopee;

import vn.ocop.hub.callback.StatusTable;
import vn.ocop.hub.producer.OrderStatus;

import java.util.Map;
import java.util.Optional;

/**
 * Shopee's order statuses (v2 data definitions) on the canonical ones. UNPAID already holds the
 * stock at Shopee, so it is NEW. IN_CANCEL is a buyer's request that may still be refused: no
 * canonical status says that, so it publishes nothing and the order keeps its stock until
 * CANCELLED arrives.
 */
public final class ShopeeStatuses {

    private static final StatusTable CANONICAL = new StatusTable("Shopee", Map.ofEntries(
            Map.entry("UNPAID", OrderStatus.NEW),
            Map.entry("READY_TO_SHIP", OrderStatus.CONFIRMED),
            Map.entry("PROCESSED", OrderStatus.CONFIRMED),
            Map.entry("RETRY_SHIP", OrderStatus.CONFIRMED),
            Map.entry("SHIPPED", OrderStatus.SHIPPED),
            Map.entry("TO_CONFIRM_RECEIVE", OrderStatus.DELIVERED),
            Map.entry("COMPLETED", OrderStatus.DELIVERED),
            Map.entry("CANCELLED", OrderStatus.CANCELLED),
            Map.entry("TO_RETURN", OrderStatus.RETURNED)));

    private static final String NO_COUNTERPART = "IN_CANCEL";

    private ShopeeStatuses() {
    }

    /** Empty for a status with no canonical counterpart; unusable for one Shopee does not document. */
    public static Optional<OrderStatus> canonical(String status) {
        if (status != null && status.trim().equalsIgnoreCase(NO_COUNTERPART)) {
            return Optional.empty();
        }
        return Optional.of(CANONICAL.canonical(status));
    }
}
