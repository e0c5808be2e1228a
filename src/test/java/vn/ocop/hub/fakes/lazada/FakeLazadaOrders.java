package vn.ocop.hub.fakes.lazada;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seller's orders as GET /order/items/get serves them: one entry per unit sold (Lazada splits
 * a line of three into three order items), with the SellerSku in {@code sku}, the item's
 * {@code product_id} and {@code sku_id}, prices as decimal text and the item's status.
 */
final class FakeLazadaOrders {

    /** One unit of an order. */
    record Unit(String sellerSku, String itemId, String skuId, String price, String status) {
    }

    private final Map<String, List<Unit>> orders = new ConcurrentHashMap<>();
    private final AtomicLong itemIds = new AtomicLong(880_000_000L);

    void put(String orderId, List<Unit> units) {
        orders.put(orderId, List.copyOf(units));
    }

    FakeLazadaAnswer items(Map<String, String> params) {
        String orderId = params.get("order_id");
        if (orderId == null || orderId.isBlank()) {
            throw FakeLazadaRefusal.missing("order_id");
        }
        List<Unit> units = orders.get(orderId);
        if (units == null) {
            return FakeLazadaAnswer.isv("E0", "Order not found: " + orderId); // code assumed
        }
        ArrayNode data = FakeLazadaAnswer.JSON.createArrayNode();
        for (Unit unit : units) {
            data.addObject()
                    .put("order_item_id", itemIds.incrementAndGet())
                    .put("order_id", Long.parseLong(orderId))
                    .put("sku", unit.sellerSku())
                    .put("shop_sku", unit.skuId() + "_VNAMZ-" + unit.itemId())
                    .put("sku_id", unit.skuId())
                    .put("product_id", unit.itemId())
                    .put("name", "item " + unit.itemId())
                    .put("item_price", unit.price())
                    .put("paid_price", unit.price())
                    .put("currency", "VND")
                    .put("status", unit.status());
        }
        return FakeLazadaAnswer.okData(data);
    }
}
