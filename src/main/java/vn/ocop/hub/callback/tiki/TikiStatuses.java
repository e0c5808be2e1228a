package vn.ocop.hub.callback.tiki;

import vn.ocop.hub.callback.StatusTable;
import vn.ocop.hub.producer.OrderStatus;

import java.util.Map;

/**
 * Tiki's order statuses (Order API v2, "status" and "main_state") on the canonical ones: an order
 * waiting for payment or in Tiki's queue is NEW, the seller's confirmation and the packing steps
 * CONFIRMED, the hand-over to the carrier SHIPPED, a successful delivery DELIVERED.
 */
public final class TikiStatuses {

    private static final StatusTable CANONICAL = new StatusTable("Tiki", Map.ofEntries(
            Map.entry("waiting_payment", OrderStatus.NEW),
            Map.entry("queueing", OrderStatus.NEW),
            Map.entry("processing", OrderStatus.NEW),
            Map.entry("paid", OrderStatus.NEW),
            Map.entry("seller_confirmed", OrderStatus.CONFIRMED),
            Map.entry("confirmed", OrderStatus.CONFIRMED),
            Map.entry("packaging", OrderStatus.CONFIRMED),
            Map.entry("finished_packing", OrderStatus.CONFIRMED),
            Map.entry("ready_to_ship", OrderStatus.CONFIRMED),
            Map.entry("picking", OrderStatus.CONFIRMED),
            Map.entry("handover_to_partner", OrderStatus.SHIPPED),
            Map.entry("shipping", OrderStatus.SHIPPED),
            Map.entry("delivered", OrderStatus.DELIVERED),
            Map.entry("successful_delivery", OrderStatus.DELIVERED),
            Map.entry("complete", OrderStatus.DELIVERED),
            Map.entry("canceled", OrderStatus.CANCELLED),
            Map.entry("cancelled", OrderStatus.CANCELLED),
            Map.entry("seller_canceled", OrderStatus.CANCELLED),
            Map.entry("closed", OrderStatus.CANCELLED),
            Map.entry("returned", OrderStatus.RETURNED)));

    private TikiStatuses() {
    }

    public static OrderStatus canonical(String status) {
        return CANONICAL.canonical(status);
    }
}
