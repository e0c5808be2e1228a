package vn.ocop.hub.fakes.lazada;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The fake seller's items, by item id; SellerSku is unique among items that are not deleted. */
final class FakeLazadaCatalogue {

    /** The mutable record behind a snapshot. */
    static final class Item {
        final String itemId;
        final String skuId;
        final String sellerSku;
        String primaryCategory;
        String name;
        String description;
        String shortDescription;
        String brand;
        List<String> images = List.of();
        long price;
        int quantity;
        String status;
        /** A running campaign holds the SKU's price and stock (Lazada's 4170). */
        boolean campaignLocked;
        String packageWeight;
        String packageLength;
        String packageWidth;
        String packageHeight;
        String packageContent;
        int contentUpdates;
        String rejectReason;

        Item(String itemId, String skuId, String sellerSku) {
            this.itemId = itemId;
            this.skuId = skuId;
            this.sellerSku = sellerSku;
        }

        String shopSku() {
            return itemId + "_VNAMZ-" + skuId;
        }

        FakeLazadaItem snapshot() {
            return new FakeLazadaItem(itemId, skuId, sellerSku, shopSku(), primaryCategory, name, description,
                    shortDescription, brand, List.copyOf(images), price, quantity, status, packageWeight,
                    packageLength, packageWidth, packageHeight, packageContent, contentUpdates, rejectReason);
        }
    }

    private final Map<String, Item> byItemId = new LinkedHashMap<>();
    private final AtomicLong nextItemId = new AtomicLong(3_100_000_001L);
    private final AtomicLong nextSkuId = new AtomicLong(15_200_000_001L);

    synchronized Optional<Item> bySellerSku(String sellerSku) {
        return byItemId.values().stream()
                .filter(i -> i.sellerSku.equals(sellerSku) && !"Deleted".equals(i.status))
                .findFirst();
    }

    synchronized Optional<Item> byItemId(String itemId) {
        return Optional.ofNullable(byItemId.get(itemId)).filter(i -> !"Deleted".equals(i.status));
    }

    synchronized Item add(String sellerSku) {
        Item item = new Item(Long.toString(nextItemId.getAndIncrement()), Long.toString(nextSkuId.getAndIncrement()),
                sellerSku);
        byItemId.put(item.itemId, item);
        return item;
    }

    synchronized List<Item> all() {
        return new ArrayList<>(byItemId.values());
    }

    synchronized List<FakeLazadaItem> snapshots() {
        return byItemId.values().stream().map(Item::snapshot).toList();
    }
}
