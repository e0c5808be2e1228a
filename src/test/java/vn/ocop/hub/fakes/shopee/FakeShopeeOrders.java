package vn.ocop.hub.fakes.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shop's orders and the app's lost pushes, as v2.order.get_order_detail and
 * v2.push.get_lost_push_message / confirm_consumed_lost_push_message serve them. get_order_detail
 * lists items only when asked ({@code response_optional_fields=item_list}), as Shopee does;
 * lost pushes come oldest first, a page at a time, until confirmed.
 */
final class FakeShopeeOrders {

    /** One line of an order; prices in VND. */
    record Item(long itemId, String itemSku, String modelSku, int quantity, long originalPrice, long discountedPrice) {
    }

    private record Order(String orderSn, String status, long updateTime, List<Item> items) {
    }

    private record LostPush(long messageId, Long shopId, int code, long timestamp, String data) {
    }

    private final ObjectMapper json;
    private final Supplier<Long> nowSeconds;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<LostPush> lost = new ArrayList<>();
    private long nextMessageId = 9000;
    private int pageSize = 100;
    private int confirmations;

    FakeShopeeOrders(ObjectMapper json, Supplier<Long> nowSeconds) {
        this.json = json;
        this.nowSeconds = nowSeconds;
    }

    synchronized void put(String orderSn, String status, List<Item> items) {
        orders.put(orderSn, new Order(orderSn, status, nowSeconds.get(), List.copyOf(items)));
    }

    synchronized long addLostPush(Long shopId, int code, long timestamp, String data) {
        long id = nextMessageId++;
        lost.add(new LostPush(id, shopId, code, timestamp, data));
        return id;
    }

    synchronized void pageSize(int size) {
        this.pageSize = size;
    }

    synchronized int unconfirmed() {
        return lost.size();
    }

    synchronized int confirmations() {
        return confirmations;
    }

    synchronized ShopeeReply orderDetail(ShopeeCall call) {
        String list = call.param("order_sn_list");
        if (list == null || list.isBlank()) {
            return ShopeeReply.refused("error_param", "order_sn_list is required");
        }
        String optional = call.param("response_optional_fields");
        boolean withItems = optional != null && Arrays.asList(optional.split(",")).contains("item_list");
        ObjectNode response = json.createObjectNode();
        ArrayNode found = response.putArray("order_list");
        for (String sn : list.split(",")) {
            Order order = orders.get(sn.trim());
            if (order == null) {
                continue;
            }
            ObjectNode o = found.addObject().put("order_sn", order.orderSn()).put("order_status", order.status())
                    .put("region", "VN").put("currency", "VND").put("update_time", order.updateTime());
            if (withItems) {
                ArrayNode items = o.putArray("item_list");
                for (Item item : order.items()) {
                    items.addObject().put("item_id", item.itemId()).put("item_name", "item " + item.itemId())
                            .put("item_sku", item.itemSku()).put("model_id", 0)
                            .put("model_sku", item.modelSku() == null ? "" : item.modelSku())
                            .put("model_quantity_purchased", item.quantity())
                            .put("model_original_price", item.originalPrice())
                            .put("model_discounted_price", item.discountedPrice());
                }
            }
        }
        return ShopeeReply.ok(response);
    }

    synchronized ShopeeReply lostPushes() {
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("push_message_list");
        List<LostPush> page = lost.subList(0, Math.min(pageSize, lost.size()));
        for (LostPush push : page) {
            ObjectNode entry = list.addObject();
            if (push.shopId() != null) {
                entry.put("shop_id", push.shopId());
            }
            entry.put("code", push.code()).put("timestamp", push.timestamp()).put("data", push.data());
        }
        response.put("has_next_page", lost.size() > page.size());
        if (!page.isEmpty()) {
            response.put("last_message_id", page.get(page.size() - 1).messageId());
        }
        return ShopeeReply.ok(response);
    }

    synchronized ShopeeReply confirm(JsonNode body) {
        if (!body.path("last_message_id").canConvertToLong() || body.path("last_message_id").asLong() <= 0) {
            return ShopeeReply.refused("error_param", "last_message_id is required");
        }
        long last = body.path("last_message_id").asLong();
        lost.removeIf(push -> push.messageId() <= last);
        confirmations++;
        return ShopeeReply.ok(json.createObjectNode());
    }
}
