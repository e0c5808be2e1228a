package vn.ocop.hub.callback.lazada;

import vn.ocop.hub.callback.StatusTable;
import vn.ocop.hub.producer.OrderStatus;

import java.util.Map;

/**
 * Lazada's order (and order item) statuses on the canonical ones. Lazada holds the stock from
 * "unpaid" on, so that is NEW already; failed deliveries and lost or damaged parcels end the sale
 * (CANCELLED); parcels coming back are RETURNED.
 */
public final class LazadaStatuses {

    private static final StatusTable CANONICAL = new StatusTable("Lazada", Map.ofEntries(
            Map.entry("unpaid", OrderStatus.NEW),
            Map.entry("pending", OrderStatus.NEW),
            Map.entry("topack", OrderStatus.CONFIRMED),
            Map.entry("packed", OrderStatus.CONFIRMED),
            Map.entry("repacked", OrderStatus.CONFIRMED),
            Map.entry("toship", OrderStatus.CONFIRMED),
            Map.entry("ready_to_ship", OrderStatus.CONFIRMED),
            Map.entry("ready_to_ship_pending", OrderStatus.CONFIRMED),
            Map.entry("shipped", OrderStatus.SHIPPED),
            Map.entry("delivered", OrderStatus.DELIVERED),
            Map.entry("confirmed", OrderStatus.DELIVERED),
            Map.entry("canceled", OrderStatus.CANCELLED),
            Map.entry("cancelled", OrderStatus.CANCELLED),
            Map.entry("failed", OrderStatus.CANCELLED),
            Map.entry("failed_delivery", OrderStatus.CANCELLED),
            Map.entry("lost_by_3pl", OrderStatus.CANCELLED),
            Map.entry("damaged_by_3pl", OrderStatus.CANCELLED),
            Map.entry("returned", OrderStatus.RETURNED),
            Map.entry("shipped_back", OrderStatus.RETURNED),
            Map.entry("shipped_back_success", OrderStatus.RETURNED),
            Map.entry("package_returned", OrderStatus.RETURNED)));

    private LazadaStatuses() {
    }

    public static OrderStatus canonical(String status) {
        return CANONICAL.canonical(status);
    }
}
