package vn.ocop.hub.fakes.lazada;

import java.util.List;

/**
 * A snapshot of one item in the fake seller's catalogue (one SKU per item, as the hub lists
 * them). {@code status} is Lazada's item status: Active, InActive, Pending QC, Rejected, Deleted.
 */
public record FakeLazadaItem(String itemId, String skuId, String sellerSku, String shopSku, String primaryCategory,
                             String name, String description, String shortDescription, String brand,
                             List<String> images, long price, int quantity, String status, String packageWeight,
                             String packageLength, String packageWidth, String packageHeight,
                             String packageContent, int contentUpdates, String rejectReason) {

    public boolean active() {
        return "Active".equals(status);
    }
}
