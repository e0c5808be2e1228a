package vn.ocop.hub.producer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** ORDER: the lines of one partner order that concern one producer, in the order's latest status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEvent(String eventId, String producerId, String partner, String partnerOrderId, OrderStatus status,
                         List<Line> lines, LocalDate deliveryDate, String storeCode, Instant occurredAt)
        implements ProducerEvent {

    public OrderEvent {
        lines = List.copyOf(lines);
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
