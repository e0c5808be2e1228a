package vn.ocop.hub.connector.chain.inbound;

import org.springframework.stereotype.Component;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.ListingStore;
import vn.ocop.hub.store.StoredListing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the listing a chain's line is about: by our item code, the supplier article number (both
 * are the ocopId we sent) or the GTIN. When a line carries several, they must agree.
 */
@Component
public class ListingMatcher {

    /** The listing, or why there is none. */
    public record Match(Listing listing, String problem) {
    }

    private final ListingStore listings;

    public ListingMatcher(ListingStore listings) {
        this.listings = listings;
    }

    public Match match(ItemRef ref) {
        if (ref.isEmpty()) {
            return new Match(null, "no item code, GTIN or supplier article number");
        }
        Listing byCode = null;
        for (String code : new String[]{ref.itemCode(), ref.supplierArticle()}) {
            if (code == null || code.isBlank()) {
                continue;
            }
            Optional<StoredListing> found = listings.find(code.trim());
            if (found.isEmpty()) {
                return new Match(null, "item code " + code.trim() + " matches no OCOP listing");
            }
            if (byCode != null && !byCode.ocopId().equals(found.get().listing().ocopId())) {
                return new Match(null, "item code " + ref.itemCode() + " and supplier article "
                        + ref.supplierArticle() + " name different listings");
            }
            byCode = found.get().listing();
        }
        if (ref.gtin() == null || ref.gtin().isBlank()) {
            return new Match(byCode, null);
        }
        String gtin = ref.gtin().trim();
        if (byCode != null) {
            return gtin.equals(byCode.gtin()) || gtin.equals(byCode.gtin14()) || gtin.equals(byCode.gtin13())
                    ? new Match(byCode, null)
                    : new Match(null, "GTIN " + gtin + " is not the GTIN of " + byCode.ocopId()
                    + " (" + (byCode.hasGtin() ? byCode.gtin() : "it has none") + ")");
        }
        List<StoredListing> byGtin = listings.findByGtin(gtin);
        if (byGtin.isEmpty()) {
            return new Match(null, "GTIN " + gtin + " matches no OCOP listing");
        }
        if (byGtin.size() > 1) {
            return new Match(null, "GTIN " + gtin + " is carried by several listings ("
                    + byGtin.stream().map(s -> s.listing().ocopId()).collect(Collectors.joining(", "))
                    + "); give the item code");
        }
        return new Match(byGtin.get(0).listing(), null);
    }
}
