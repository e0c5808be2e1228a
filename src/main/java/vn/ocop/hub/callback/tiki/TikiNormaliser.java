package vn.ocop.hub.callback.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.ocop.hub.callback.MessageNormaliser;
import vn.ocop.hub.callback.OrderEvents;
import vn.ocop.hub.callback.PartnerApis;
import vn.ocop.hub.callback.PartnerLine;
import vn.ocop.hub.callback.PartnerMessage;
import vn.ocop.hub.callback.PartnerOrder;
import vn.ocop.hub.callback.Payloads;
import vn.ocop.hub.callback.UnusableMessageException;
import vn.ocop.hub.connector.tiki.TikiOrderApi;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderStatus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiki queue events → canonical events. Order events carry only {@code order_code} and the
 * status: the lines come from the order ({@code GET /integration/v2/orders/{code}}, items with
 * {@code product.id}, {@code product.seller_product_code}, {@code qty}, {@code price}).
 * PRODUCT_INVENTORY_UPDATED is Tiki's sellable (else available) quantity after the change.
 */
@Component
public class TikiNormaliser implements MessageNormaliser {

    static final String ORDER_CREATED = "ORDER_CREATED_SUCCESSFULLY";
    static final String ORDER_UPDATED = "ORDER_STATUS_UPDATED";
    static final String INVENTORY_UPDATED = "PRODUCT_INVENTORY_UPDATED";

    /** Tiki writes local times without a zone ("2023-04-04 16:39:15"): Vietnam's. */
    private static final DateTimeFormatter TIKI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PartnerApis apis;
    private final OrderEvents events;
    private final ObjectMapper json;

    public TikiNormaliser(PartnerApis apis, OrderEvents events, ObjectMapper json) {
        this.apis = apis;
        this.events = events;
        this.json = json;
    }

    @Override
    public String connector() {
        return "tiki";
    }

    @Override
    public Normalised normalise(PartnerMessage message) {
        JsonNode event = Payloads.object(json, message.payload(), "Tiki event " + message.id());
        String type = Payloads.text(event, "type");
        JsonNode payload = event.path("payload").isTextual()
                ? Payloads.object(json, event.path("payload").asText(), "payload of Tiki event " + message.id())
                : event.path("payload");
        Instant occurredAt = time(Payloads.text(event, "created_at"), message.receivedAt());
        if (ORDER_CREATED.equals(type) || ORDER_UPDATED.equals(type)) {
            return order(message.partner(), payload, occurredAt);
        }
        if (INVENTORY_UPDATED.equals(type)) {
            return inventory(message.partner(), event, payload, occurredAt);
        }
        return Normalised.nothing("Tiki event type " + type + " concerns neither orders nor stock");
    }

    private Normalised order(String partner, JsonNode payload, Instant occurredAt) {
        String code = Payloads.firstText(payload, "order_code", "code");
        if (code == null) {
            throw new UnusableMessageException("Tiki order event without payload.order_code");
        }
        TikiOrderApi api = apis.api(partner, TikiOrderApi.class);
        JsonNode order = apis.call(partner, "order " + code, () -> api.order(code));
        String status = Payloads.text(payload, "status");
        OrderStatus canonical = TikiStatuses.canonical(status != null ? status : Payloads.text(order, "status"));
        List<PartnerLine> lines = new ArrayList<>();
        for (JsonNode item : order.path("items")) {
            JsonNode product = item.path("product");
            Long quantity = Payloads.number(item, "qty");
            if (quantity == null) {
                quantity = Payloads.number(item.path("invoice"), "quantity");
            }
            Long price = Payloads.number(item, "price");
            if (price == null) {
                price = Payloads.number(item.path("invoice"), "price");
            }
            lines.add(new PartnerLine(Payloads.text(product, "id"),
                    Payloads.firstText(product, "seller_product_code", "original_sku"),
                    quantity == null ? 0 : quantity, price));
        }
        return Normalised.of(events.of(partner, new PartnerOrder(code, canonical, occurredAt, lines)));
    }

    private Normalised inventory(String partner, JsonNode event, JsonNode payload, Instant occurredAt) {
        Long quantity = Payloads.number(payload, "quantity_sellable_to");
        if (quantity == null) {
            quantity = Payloads.number(payload, "quantity_available_to");
        }
        String productId = Payloads.text(payload, "product_id");
        String sku = Payloads.text(payload, "original_sku");
        if (quantity == null || (productId == null && sku == null)) {
            throw new UnusableMessageException("Tiki inventory event without product and quantity");
        }
        return Normalised.of(List.of(events.inventory(partner, new PartnerLine(productId, sku, 0, null), quantity,
                InventoryEvent.Meaning.AVAILABLE, occurredAt, String.valueOf(Payloads.text(event, "id")))));
    }

    static Instant time(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text, TIKI_TIME).atZone(VIETNAM).toInstant();
            } catch (DateTimeParseException notTiki) {
                return fallback;
            }
        }
    }
}
