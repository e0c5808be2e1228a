package vn.ocop.hub.callback;

import org.springframework.stereotype.Component;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.producer.EventIds;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Canonical events from a partner's order or stock figure: lines matched to listings, one ORDER
 * event per producer the order concerns, with an id stable over (partner, order, producer,
 * status), so a repeated callback or a replay publishes nothing new.
 */
@Component
public class OrderEvents {

    private final ListingResolver resolver;

    public OrderEvents(ListingResolver resolver) {
        this.resolver = resolver;
    }

    public List<OrderEvent> of(String partner, PartnerOrder order) {
        if (order.lines().isEmpty()) {
            throw new UnusableMessageException(partner + " order " + order.orderId() + " has no lines");
        }
        // per producer, per listing and price: Lazada lists every unit as its own order item
        Map<String, Map<List<Object>, OrderEvent.Line>> byProducer = new LinkedHashMap<>();
        for (PartnerLine line : order.lines()) {
            if (line.quantity() <= 0) {
                throw new UnusableMessageException(partner + " order " + order.orderId() + ": " + line.describe()
                        + " has quantity " + line.quantity());
            }
            Listing listing = resolver.resolve(partner, line);
            byProducer.computeIfAbsent(listing.producer().id(), p -> new LinkedHashMap<>()).merge(
                    Arrays.asList(listing.ocopId(), line.unitPrice()),
                    new OrderEvent.Line(listing.ocopId(), listing.sku(), line.quantity(), line.unitPrice()),
                    (a, b) -> new OrderEvent.Line(a.ocopId(), a.sku(), a.quantity() + b.quantity(), a.unitPrice()));
        }
        List<OrderEvent> events = new ArrayList<>();
        byProducer.forEach((producer, lines) -> events.add(new OrderEvent(eventId(partner, order, producer,
                lines.values()), producer, partner, order.orderId(), order.status(), List.copyOf(lines.values()),
                null, null, order.occurredAt(), order.partial())));
        return events;
    }

    /**
     * One event per order, producer and status; for a partial order also per set of units, so a
     * second unit cancelled later is a new event (with both units), and a repeat of either is not.
     */
    private static String eventId(String partner, PartnerOrder order, String producer,
                                  Collection<OrderEvent.Line> lines) {
        if (!order.partial()) {
            return EventIds.of(partner, "ORDER", order.orderId(), producer, order.status().name());
        }
        String units = lines.stream().map(l -> l.ocopId() + "x" + l.quantity()).sorted()
                .collect(Collectors.joining(","));
        return EventIds.of(partner, "ORDER", order.orderId(), producer, order.status().name(), units);
    }

    /**
     * A stock figure the partner reported for one item; {@code factId} is the partner's identity of
     * the report (event id, item and time), which makes the event id stable.
     */
    public InventoryEvent inventory(String partner, PartnerLine item, long quantity, InventoryEvent.Meaning meaning,
                                    Instant occurredAt, String... factId) {
        Listing listing = resolver.resolve(partner, item);
        String[] parts = new String[factId.length + 3];
        parts[0] = partner;
        parts[1] = "INVENTORY";
        parts[2] = listing.ocopId();
        System.arraycopy(factId, 0, parts, 3, factId.length);
        return new InventoryEvent(EventIds.of(parts), listing.producer().id(), partner, listing.ocopId(),
                listing.sku(), quantity, meaning, null, null, occurredAt);
    }
}
