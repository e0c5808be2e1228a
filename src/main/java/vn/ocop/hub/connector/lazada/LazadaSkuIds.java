package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lazada keys updates by ItemId and SkuId, but the adapter interface hands over only the item id.
 * The SkuId is kept as the binding's partnerRef; this finds it again: from what this adapter saw
 * recently, else from the binding, else by asking Lazada (one extra call, e.g. after a restart
 * when the binding was written by an older hub that kept no partnerRef).
 */
final class LazadaSkuIds {

    private static final int REMEMBERED = 10_000;

    private final String partner;
    private final BindingStore bindings;
    private final LazadaLookup lookup;
    private final Map<String, String> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    LazadaSkuIds(String partner, BindingStore bindings, LazadaLookup lookup) {
        this.partner = partner;
        this.bindings = bindings;
        this.lookup = lookup;
    }

    synchronized void remember(String itemId, String skuId) {
        if (itemId != null && skuId != null && !skuId.isBlank()) {
            recent.put(itemId, skuId);
        }
    }

    /** Empty when Lazada no longer has the item. */
    Optional<String> find(String itemId, Listing listing) {
        synchronized (this) {
            String known = recent.get(itemId);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<String> bound = bindings.find(listing.ocopId(), partner)
                .filter(b -> itemId.equals(b.partnerItemId()))
                .map(Binding::partnerRef)
                .filter(ref -> !ref.isBlank());
        if (bound.isPresent()) {
            remember(itemId, bound.get());
            return bound;
        }
        Optional<String> asked = lookup.byItemId(itemId, listing.sku(), null).map(LazadaProduct::skuId);
        asked.ifPresent(skuId -> remember(itemId, skuId));
        return asked;
    }

    synchronized void forget(String itemId) {
        recent.remove(itemId);
    }
}
