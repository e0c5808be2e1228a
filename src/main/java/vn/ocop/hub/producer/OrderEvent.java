package vn.ocop.hub.producer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * ORDER: the lines of one partner order that concern one producer, in the order's latest status.
 *
 * @param unitsOnly the lines are only the order's units in this status (Lazada cancels unit by
 *                  unit), so a cancellation gives back their stock alone; otherwise a cancellation
 *                  or return is the whole order's. Not part of what the producer receives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEvent(String eventId, String producerId, String partner, String partnerOrderId, OrderStatus status,
                         List<Line> lines, LocalDate deliveryDate, String storeCode, Instant occurredAt,
                         @JsonIgnore boolean unitsOnly)
        implements ProducerEvent {

    public OrderEvent {
        lines = List.copyOf(lines);
    }

    public OrderEvent(String eventId, String producerId, String partner, String partnerOrderId, OrderStatus status,
                      List<Line> lines, LocalDate deliveryDate, String storeCode, Instant occurredAt) {
        this(eventId, producerId, partner, partnerOrderId, status, lines, deliveryDate, storeCode, occurredAt, false);
    }

    @Override
    public String type() {
        return "ORDER";
    }

    /** {@code unitPrice} in VND, when the partner gave one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String ocopId, String sku, long quantity, Long unitPrice) {
    }
}
