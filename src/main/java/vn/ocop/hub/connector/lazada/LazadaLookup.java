package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;

/**
 * Finding the seller's items. {@code /product/item/get} no longer accepts a seller SKU (since
 * 15 November 2023), so a look-up by SKU lists products with {@code sku_seller_list}.
 */
final class LazadaLookup {

    static final String PRODUCTS = "/products/get";
    static final String ITEM = "/product/item/get";

    private final LazadaClient client;
    private final ObjectMapper json;

    LazadaLookup(LazadaClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    Optional<LazadaProduct> bySellerSku(String sellerSku) {
        String list = json.createArrayNode().add(sellerSku).toString();
        // "all" covers live, inactive and pending items: a deactivated item is found and re-used
        JsonNode answer = client.call(LazadaRequest.get(PRODUCTS,
                Map.of("filter", "all", "sku_seller_list", list, "offset", "0", "limit", "10")));
        for (JsonNode item : answer.path("data").path("products")) {
            Optional<LazadaProduct> match = LazadaProduct.read(item, sellerSku, null);
            if (match.isPresent()) { // sku_seller_list matches whole words, so check the SKU exactly
                return match;
            }
        }
        return Optional.empty();
    }

    /** Empty when Lazada no longer has the item (or the SKU in it). */
    Optional<LazadaProduct> byItemId(String itemId, String sellerSku, String skuId) {
        JsonNode answer;
        try {
            answer = client.call(LazadaRequest.get(ITEM, Map.of("item_id", itemId)));
        } catch (LazadaRejection rejected) {
            if (rejected.error().isItemMissing()) {
                return Optional.empty();
            }
            throw rejected;
        }
        JsonNode item = answer.path("data");
        Optional<LazadaProduct> match = LazadaProduct.read(item, sellerSku, skuId);
        if (match.isEmpty() && item.path("skus").size() == 1) {
            // the item id is ours (it came from the binding) and has one SKU: that is the one
            match = LazadaProduct.read(item, null, item.path("skus").get(0).path("SkuId").asText());
        }
        return match;
    }
}
