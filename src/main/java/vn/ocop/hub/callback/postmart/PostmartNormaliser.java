package vn.ocop.hub.callback.postmart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.ocop.hub.callback.MessageNormaliser;
import vn.ocop.hub.callback.OrderEvents;
import vn.ocop.hub.callback.PartnerLine;
import vn.ocop.hub.callback.PartnerMessage;
import vn.ocop.hub.callback.PartnerOrder;
import vn.ocop.hub.callback.Payloads;
import vn.ocop.hub.callback.UnusableMessageException;
import vn.ocop.hub.producer.InventoryEvent;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Postmart events → canonical events. Postmart's callbacks carry their lines, so nothing is
 * fetched: {@code order.created} and {@code order.status_changed} have
 * {@code order{orderId, status, lines[{sellerSku, quantity, unitPrice}]}};
 * {@code inventory.adjusted} has {@code inventory{sellerSku, quantity}}, Postmart's sellable stock.
 */
@Component
public class PostmartNormaliser implements MessageNormaliser {

    private final OrderEvents events;
    private final ObjectMapper json;

    public PostmartNormaliser(OrderEvents events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @Override
    public String connector() {
        return "postmart";
    }

    @Override
    public Normalised normalise(PartnerMessage message) {
        JsonNode event = Payloads.object(json, message.payload(), "Postmart event " + message.id());
        String type = Payloads.text(event, "type");
        Instant occurredAt = occurredAt(event, message);
        if ("order.created".equals(type) || "order.status_changed".equals(type)) {
            JsonNode order = event.path("order");
            String orderId = Payloads.text(order, "orderId");
            if (orderId == null) {
                throw new UnusableMessageException("Postmart " + type + " without order.orderId");
            }
            String status = Payloads.text(order, "status");
            List<PartnerLine> lines = new ArrayList<>();
            for (JsonNode line : order.path("lines")) {
                Long quantity = Payloads.number(line, "quantity");
                lines.add(new PartnerLine(null, Payloads.text(line, "sellerSku"), quantity == null ? 0 : quantity,
                        Payloads.number(line, "unitPrice")));
            }
            return Normalised.of(events.of(message.partner(), new PartnerOrder(orderId,
                    PostmartStatuses.canonical(status == null && "order.created".equals(type) ? "created" : status),
                    occurredAt, lines)));
        }
        if ("inventory.adjusted".equals(type)) {
            JsonNode inventory = event.path("inventory");
            String sku = Payloads.text(inventory, "sellerSku");
            Long quantity = Payloads.number(inventory, "quantity");
            if (sku == null || quantity == null) {
                throw new UnusableMessageException("Postmart inventory.adjusted without inventory.sellerSku and quantity");
            }
            return Normalised.of(List.of(events.inventory(message.partner(), new PartnerLine(null, sku, 0, null),
                    quantity, InventoryEvent.Meaning.AVAILABLE, occurredAt, message.dedupKey())));
        }
        throw new UnusableMessageException("unknown Postmart event type '" + type + "'");
    }

    private static Instant occurredAt(JsonNode event, PartnerMessage message) {
        String text = Payloads.text(event, "occurredAt");
        try {
            return text == null ? message.receivedAt() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnusableMessageException("Postmart occurredAt is not an ISO-8601 instant: " + text);
        }
    }
}
