package vn.ocop.hub.callback;

import org.springframework.stereotype.Component;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.ListingStore;
import vn.ocop.hub.store.StoredListing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which listing a partner's order line is about. The partner's item id, through the binding the
 * synchronizer recorded, is exact; otherwise the seller SKU, which is the producer's own code and
 * may be shared by two producers, so several candidates are narrowed to those bound at the
 * partner. A line that still names no single listing makes the message unusable, with the reason.
 */
@Component
public class ListingResolver {

    private final ListingStore listings;
    private final BindingStore bindings;

    public ListingResolver(ListingStore listings, BindingStore bindings) {
        this.listings = listings;
        this.bindings = bindings;
    }

    public Listing resolve(String partner, PartnerLine line) {
        if (line.partnerItemId() != null && !line.partnerItemId().isBlank()) {
            List<Binding> bound = bindings.withPartnerItemId(partner, line.partnerItemId());
            if (bound.size() == 1) {
                Optional<StoredListing> listing = listings.find(bound.get(0).ocopId());
                if (listing.isPresent()) {
                    return listing.get().listing();
                }
            } else if (bound.size() > 1) {
                throw new UnusableMessageException(partner + " item " + line.partnerItemId() + " is bound to several "
                        + "listings (" + bound.stream().map(Binding::ocopId).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (line.sellerSku() == null || line.sellerSku().isBlank()) {
            throw new UnusableMessageException(partner + " order line (" + line.describe()
                    + ") matches no OCOP listing: no listing is bound to that item and the line has no seller SKU");
        }
        return bySku(partner, line);
    }

    private Listing bySku(String partner, PartnerLine line) {
        String sku = line.sellerSku().trim();
        List<StoredListing> candidates = listings.findBySku(sku);
        if (candidates.isEmpty()) {
            throw new UnusableMessageException(partner + " order line (" + line.describe()
                    + ") matches no OCOP listing");
        }
        if (candidates.size() == 1) {
            // even unbound: the binding may have been lost, or the seller listed it by hand
            return candidates.get(0).listing();
        }
        List<StoredListing> bound = candidates.stream()
                .filter(c -> bindings.find(c.ocopId(), partner).filter(Binding::isBound).isPresent())
                .toList();
        if (bound.size() == 1) {
            return bound.get(0).listing();
        }
        throw new UnusableMessageException("SKU " + sku + " names " + candidates.size() + " listings ("
                + candidates.stream().map(StoredListing::ocopId).collect(Collectors.joining(", ")) + ") and "
                + (bound.isEmpty() ? "none" : bound.size()) + " of them is bound at " + partner);
    }
}
