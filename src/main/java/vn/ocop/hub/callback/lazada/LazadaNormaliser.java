package vn.ocop.hub.callback.lazada;

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
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.lazada.LazadaOrderApi;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.ProducerEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lazada pushes → canonical events. A trade order message (type 0) names the order, one of its
 * lines and the new status; the order's items come from /order/items/get (one entry per unit,
 * each with its own status). A cancellation or return carries only the units now in that status:
 * Lazada cancels and returns unit by unit, so a cancelled unit gives back its own stock, not the
 * whole order's. Other statuses carry every unit, so an order takes all of its stock once.
 * A shallow stock message (type 6) says the sellable stock of a SKU fell to five or fewer:
 * sellable = real − withheld − occupied.
 */
@Component
public class LazadaNormaliser implements MessageNormaliser {

    private final PartnerApis apis;
    private final OrderEvents events;
    private final ObjectMapper json;

    public LazadaNormaliser(PartnerApis apis, OrderEvents events, ObjectMapper json) {
        this.apis = apis;
        this.events = events;
        this.json = json;
    }

    @Override
    public String connector() {
        return "lazada";
    }

    @Override
    public Normalised normalise(PartnerMessage message) {
        JsonNode push = Payloads.object(json, message.payload(), "Lazada push " + message.id());
        Long type = Payloads.number(push, "message_type");
        JsonNode data = push.path("data");
        if (type != null && type == LazadaPush.TRADE_ORDER) {
            return Normalised.of(order(message, push, data));
        }
        if (type != null && type == LazadaPush.SHALLOW_STOCK) {
            return Normalised.of(List.of(lowStock(message, push, data)));
        }
        return Normalised.nothing("Lazada message type " + type + " is neither a trade order nor a stock message");
    }

    private List<? extends ProducerEvent> order(PartnerMessage message, JsonNode push, JsonNode data) {
        String orderId = Payloads.text(data, "trade_order_id");
        if (orderId == null) {
            throw new UnusableMessageException("Lazada trade order message without data.trade_order_id");
        }
        OrderStatus status = LazadaStatuses.canonical(Payloads.text(data, "order_status"));
        LazadaOrderApi api = apis.api(message.partner(), LazadaOrderApi.class);
        JsonNode items = apis.call(message.partner(), "items of order " + orderId, () -> api.orderItems(orderId));
        List<PartnerLine> lines = new ArrayList<>();
        int units = 0;
        for (JsonNode item : items) {
            units++;
            if (status.releasesStock() && !inStatus(item, status)) {
                continue; // a unit still sold: only the cancelled (or returned) ones give stock back
            }
            Long quantity = Payloads.number(item, "quantity");
            Long paid = Payloads.number(item, "paid_price");
            lines.add(new PartnerLine(Payloads.text(item, "product_id"), Payloads.text(item, "sku"),
                    quantity == null ? 1 : quantity, paid != null ? paid : Payloads.number(item, "item_price")));
        }
        if (units == 0) {
            // Lazada lists the order only once its items are readable: a moment later they are
            throw new TransientPartnerException("Lazada lists no items for order " + orderId + " (yet)");
        }
        if (lines.isEmpty()) {
            // the push can run ahead of the order's items: ask again a moment later
            throw new TransientPartnerException("Lazada says order " + orderId + " is " + status
                    + " but lists none of its units so (yet)");
        }
        return events.of(message.partner(), new PartnerOrder(orderId, status, occurredAt(push, data, message), lines,
                lines.size() < units));
    }

    /** A unit without a status of its own (an older answer) follows the order's. */
    private static boolean inStatus(JsonNode item, OrderStatus status) {
        String itemStatus = Payloads.text(item, "status");
        return itemStatus == null || LazadaStatuses.canonical(itemStatus) == status;
    }

    private InventoryEvent lowStock(PartnerMessage message, JsonNode push, JsonNode data) {
        String sellerSku = Payloads.text(data, "seller_sku");
        Long real = Payloads.number(data, "real_quantity");
        if (sellerSku == null || real == null) {
            throw new UnusableMessageException("Lazada stock message without data.seller_sku or real_quantity");
        }
        long sellable = real - orZero(Payloads.number(data, "withhold_quantity"))
                - orZero(Payloads.number(data, "occupy_quantity"));
        return events.inventory(message.partner(), new PartnerLine(null, sellerSku, 0, null), Math.max(0, sellable),
                InventoryEvent.Meaning.LOW_STOCK, occurredAt(push, data, message),
                sellerSku, String.valueOf(Payloads.text(push, "timestamp")));
    }

    private static Instant occurredAt(JsonNode push, JsonNode data, PartnerMessage message) {
        Instant at = Payloads.epoch(data, "status_update_time");
        if (at == null) {
            at = Payloads.epoch(push, "timestamp");
        }
        return at == null ? message.receivedAt() : at;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
