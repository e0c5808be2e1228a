package vn.ocop.hub.callback;

import vn.ocop.hub.producer.OrderStatus;

import java.time.Instant;
import java.util.List;

/** An order as a partner reported it, its status already mapped to the canonical one. */
public record PartnerOrder(String orderId, OrderStatus status, Instant occurredAt, List<PartnerLine> lines) {

    public PartnerOrder {
        lines = List.copyOf(lines);
    }
}
