package vn.ocop.hub.callback.shopee;

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
import vn.ocop.hub.connector.shopee.ShopeeOrderApi;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopee pushes → canonical events. Code 3 says only "order X is now in status S": its lines
 * come from get_order_detail. Code 8 (reserved stock change) is an INVENTORY figure of the units
 * Shopee holds for open orders. Other codes concern neither orders nor stock.
 */
@Component
public class ShopeeNormaliser implements MessageNormaliser {

    private final PartnerApis apis;
    private final OrderEvents events;
    private final ObjectMapper json;

    public ShopeeNormaliser(PartnerApis apis, OrderEvents events, ObjectMapper json) {
        this.apis = apis;
        this.events = events;
        this.json = json;
    }

    @Override
    public String connector() {
        return "shopee";
    }

    @Override
    public Normalised normalise(PartnerMessage message) {
        JsonNode push = Payloads.object(json, message.payload(), "Shopee push " + message.id());
        JsonNode data = ShopeePush.data(push);
        Long code = Payloads.number(push, "code");
        Instant occurredAt = occurredAt(push, data, message);
        if (code != null && code == ShopeePush.ORDER_STATUS) {
            return order(message.partner(), data, occurredAt);
        }
        if (code != null && code == ShopeePush.RESERVED_STOCK) {
            return Normalised.of(List.of(reserved(message.partner(), push, data, occurredAt)));
        }
        return Normalised.nothing("Shopee push code " + code + " is neither an order status nor a reserved stock change");
    }

    private Normalised order(String partner, JsonNode data, Instant occurredAt) {
        String orderSn = Payloads.firstText(data, "ordersn", "order_sn");
        if (orderSn == null) {
            throw new UnusableMessageException("Shopee order status push without data.ordersn");
        }
        ShopeeOrderApi api = apis.api(partner, ShopeeOrderApi.class);
        JsonNode detail = apis.call(partner, "order " + orderSn, () -> api.orderDetail(orderSn));
        JsonNode order = find(detail, orderSn);
        String status = Payloads.firstText(data, "status");
        if (status == null) {
            status = Payloads.text(order, "order_status");
        }
        Optional<OrderStatus> canonical = ShopeeStatuses.canonical(status);
        if (canonical.isEmpty()) {
            return Normalised.nothing("Shopee status " + status + " of order " + orderSn
                    + " has no canonical counterpart: nothing published");
        }
        List<PartnerLine> lines = new ArrayList<>();
        for (JsonNode item : order.path("item_list")) {
            String modelSku = Payloads.text(item, "model_sku");
            Long discounted = Payloads.number(item, "model_discounted_price");
            Long price = discounted != null && discounted > 0 ? discounted : Payloads.number(item, "model_original_price");
            Long quantity = Payloads.number(item, "model_quantity_purchased");
            lines.add(new PartnerLine(Payloads.text(item, "item_id"),
                    modelSku != null ? modelSku : Payloads.text(item, "item_sku"),
                    quantity == null ? 0 : quantity, price));
        }
        return Normalised.of(events.of(partner, new PartnerOrder(orderSn, canonical.get(), occurredAt, lines)));
    }

    /** Shopee may answer before the order is readable; that passes, so it is retried rather than failed. */
    private static JsonNode find(JsonNode detail, String orderSn) {
        for (JsonNode order : detail.path("order_list")) {
            if (orderSn.equals(Payloads.text(order, "order_sn"))) {
                return order;
            }
        }
        throw new TransientPartnerException("Shopee's get_order_detail does not list order " + orderSn + " (yet)");
    }

    private InventoryEvent reserved(String partner, JsonNode push, JsonNode data, Instant occurredAt) {
        String itemId = Payloads.text(data, "item_id");
        String model = Payloads.firstText(data, "model_id", "variation_id");
        Long reserved = null;
        for (JsonNode change : data.path("changed_values")) {
            if ("reserved_stock".equals(Payloads.text(change, "name"))) {
                reserved = Payloads.number(change, "new");
            }
        }
        if (itemId == null || reserved == null) {
            throw new UnusableMessageException("Shopee reserved stock push without data.item_id or a reserved_stock value");
        }
        String when = Payloads.firstText(data, "update_time");
        return events.inventory(partner, new PartnerLine(itemId, null, 0, null), reserved,
                InventoryEvent.Meaning.RESERVED, occurredAt, itemId, model == null ? "" : model,
                when == null ? String.valueOf(Payloads.text(push, "timestamp")) : when);
    }

    private static Instant occurredAt(JsonNode push, JsonNode data, PartnerMessage message) {
        Instant at = Payloads.epoch(data, "update_time");
        if (at == null) {
            at = Payloads.epoch(push, "timestamp");
        }
        return at == null ? message.receivedAt() : at;
    }
}
