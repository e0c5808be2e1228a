package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;

/** What the hub reads back from Lazada about orders, through the connector's signed client and tokens. */
public interface LazadaOrderApi {

    String ORDER_ITEMS = "/order/items/get";

    /**
     * {@code GET /order/items/get?order_id=}: the order's items, one entry per unit sold, each with
     * its {@code sku} (our SellerSku), {@code product_id}, {@code sku_id}, prices and status.
     */
    JsonNode orderItems(String orderId);
}
