package vn.ocop.hub.fakes.shopee;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The fake shop's items and the images uploaded to its media space. Thread-safe. */
final class FakeShopeeCatalogue {

    private final Map<Long, ShopeeItem> items = new TreeMap<>();
    private final Set<String> imageIds = new HashSet<>();
    private final AtomicLong nextItemId = new AtomicLong(3_000_142_341L);
    private final Supplier<Instant> clock;
    private Duration searchLag = Duration.ZERO;
    private int uploads;

    FakeShopeeCatalogue(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** search_item finds an item only this long after its creation, like a search index catching up. */
    synchronized void searchLag(Duration lag) {
        this.searchLag = lag;
    }

    synchronized String storeImage() {
        String id = "vn-11134207-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        imageIds.add(id);
        uploads++;
        return id;
    }

    synchronized boolean imageExists(String id) {
        return imageIds.contains(id);
    }

    /** As if Shopee purged its media space: ids given out so far are no longer known. */
    synchronized void forgetImages() {
        imageIds.clear();
    }

    synchronized int uploads() {
        return uploads;
    }

    synchronized long nextItemId() {
        return nextItemId.getAndIncrement();
    }

    /** A new item, stamped with the creation time. */
    synchronized void put(ShopeeItem item) {
        Instant now = clock.get();
        items.put(item.itemId(), item.stamped(now, now));
    }

    synchronized Optional<ShopeeItem> find(long itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /** Applies a change to a live (not deleted) item; empty when there is none with that id. */
    synchronized Optional<ShopeeItem> change(long itemId, UnaryOperator<ShopeeItem> change) {
        ShopeeItem item = items.get(itemId);
        if (item == null || item.deleted()) {
            return Optional.empty();
        }
        ShopeeItem changed = change.apply(item).stamped(item.createTime(), clock.get());
        items.put(itemId, changed);
        return Optional.of(changed);
    }

    synchronized boolean hasLiveSku(String sku) {
        return sku != null && !sku.isEmpty()
                && items.values().stream().anyMatch(i -> !i.deleted() && sku.equals(i.itemSku()));
    }

    synchronized List<ShopeeItem> all() {
        return List.copyOf(items.values());
    }

    synchronized List<ShopeeItem> withSku(String sku) {
        return items.values().stream().filter(i -> sku.equals(i.itemSku())).toList();
    }

    /** search_item: item_sku matched as a substring, the way a seller's search box behaves. */
    synchronized List<Long> search(String skuPart, String namePart, Collection<String> statuses) {
        List<Long> found = new ArrayList<>();
        Instant now = clock.get();
        for (ShopeeItem item : items.values()) {
            if (item.createTime().plus(searchLag).isAfter(now)) {
                continue; // not indexed yet
            }
            boolean statusOk = statuses.isEmpty() ? !item.deleted() : statuses.contains(item.status());
            boolean skuOk = skuPart == null || item.itemSku() != null && item.itemSku().contains(skuPart);
            boolean nameOk = skuPart != null || namePart == null || item.itemName().contains(namePart);
            if (statusOk && skuOk && nameOk) {
                found.add(item.itemId());
            }
        }
        return found;
    }

    /** get_item_list: items in these statuses whose update_time lies in [from, to], oldest id first. */
    synchronized List<ShopeeItem> changedBetween(Instant from, Instant to, Collection<String> statuses) {
        return items.values().stream()
                .filter(i -> statuses.contains(i.status()))
                .filter(i -> from == null || !i.updateTime().isBefore(from))
                .filter(i -> to == null || !i.updateTime().isAfter(to))
                .toList();
    }
}
