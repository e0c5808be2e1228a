package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One of the seller's items as Lazada lists it, reduced to what the hub keeps: the item id, the
 * id and seller SKU of our SKU within it, and the item's status (with QC's reason when refused).
 */
record LazadaProduct(String itemId, String skuId, String sellerSku, String status, String rejectReason) {

    /**
     * Reads one entry of {@code /products/get} or the {@code data} of {@code /product/item/get}.
     * The SKU is picked by seller SKU, or by SKU id when the seller SKU is not known.
     */
    static Optional<LazadaProduct> read(JsonNode item, String sellerSku, String skuId) {
        for (JsonNode sku : item.path("skus")) {
            boolean match = sellerSku != null ? sellerSku.equals(sku.path("SellerSku").asText())
                    : skuId != null && skuId.equals(sku.path("SkuId").asText());
            if (match) {
                return Optional.of(new LazadaProduct(item.path("item_id").asText(), sku.path("SkuId").asText(),
                        sku.path("SellerSku").asText(), item.path("status").asText(""), rejectReason(item)));
            }
        }
        return Optional.empty();
    }

    private static String rejectReason(JsonNode item) {
        StringBuilder reason = new StringBuilder();
        for (JsonNode r : item.path("rejectReason")) {
            String text = r.path("violationDetail").asText(r.path("suggestion").asText(r.asText("")));
            if (!text.isBlank()) {
                reason.append(reason.isEmpty() ? "" : "; ").append(text);
            }
        }
        if (reason.isEmpty() && !item.path("subStatus").asText("").isBlank()) {
            reason.append(item.path("subStatus").asText());
        }
        return reason.isEmpty() ? null : reason.toString();
    }
}
