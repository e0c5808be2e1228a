package vn.ocop.hub.callback;

import vn.ocop.hub.producer.OrderStatus;

import java.time.Instant;
import java.util.List;

/**
 * An order as a partner reported it, its status already mapped to the canonical one.
 *
 * @param partial the lines are those of the order's units in this status, not the whole order
 *                (Lazada cancels unit by unit); the set grows as more units reach the status
 */
public record PartnerOrder(String orderId, OrderStatus status, Instant occurredAt, List<PartnerLine> lines,
                           boolean partial) {

    public PartnerOrder {
        lines = List.copyOf(lines);
    }

    public PartnerOrder(String orderId, OrderStatus status, Instant occurredAt, List<PartnerLine> lines) {
        this(orderId, status, occurredAt, lines, false);
    }
}
