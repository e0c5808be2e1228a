package vn.ocop.hub.callback;

/**
 * An order line in the partner's own terms, before it is matched to a listing.
 *
 * @param partnerItemId the partner's id of the item (what the binding holds), when the partner gives it
 * @param sellerSku     the seller SKU the partner has for it (ours: the producer's sku)
 * @param unitPrice     VND per unit, when the partner gives one
 */
public record PartnerLine(String partnerItemId, String sellerSku, long quantity, Long unitPrice) {

    public String describe() {
        StringBuilder text = new StringBuilder();
        if (partnerItemId != null && !partnerItemId.isBlank()) {
            text.append("item ").append(partnerItemId);
        }
        if (sellerSku != null && !sellerSku.isBlank()) {
            text.append(text.isEmpty() ? "" : ", ").append("SKU ").append(sellerSku);
        }
        return text.isEmpty() ? "a line without item id or SKU" : text.toString();
    }
}
