package vn.ocop.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.ocop.hub.model.CertificationStatus;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.StoredListing;
import vn.ocop.hub.support.Digests;

import java.util.EnumSet;
import java.util.Set;

/**
 * Compares a new version with the stored one. Content is everything a partner shows except
 * price and stock, so a price-only or stock-only change reaches partners as the small update
 * it is rather than a full re-publication.
 */
@Component
public class ChangeDetector {

    public record Change(ChangeType type, Set<Aspect> aspects) {
        static final Change NONE = new Change(ChangeType.UNCHANGED, EnumSet.noneOf(Aspect.class));
    }

    private final ObjectMapper json;

    public ChangeDetector(ObjectMapper json) {
        this.json = json;
    }

    public Change derive(StoredListing stored, Listing incoming, String incomingHash) {
        boolean leaving = incoming.certification().status() != CertificationStatus.ACTIVE;
        if (stored == null || stored.withdrawn()) {
            if (leaving) {
                // never listed (or already gone): record the withdrawal so every partner shows it
                return stored == null ? new Change(ChangeType.WITHDRAWN, EnumSet.noneOf(Aspect.class)) : Change.NONE;
            }
            return new Change(ChangeType.CREATED, EnumSet.allOf(Aspect.class));
        }
        if (leaving) {
            return new Change(ChangeType.WITHDRAWN, EnumSet.noneOf(Aspect.class));
        }
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        if (!stored.contentHash().equals(incomingHash)) {
            aspects.add(Aspect.CONTENT);
        }
        if (!stored.listing().price().equals(incoming.price())) {
            aspects.add(Aspect.PRICE);
        }
        if (stored.listing().stock() != incoming.stock()) {
            aspects.add(Aspect.STOCK);
        }
        if (aspects.contains(Aspect.CONTENT)) {
            return new Change(ChangeType.UPDATED, aspects);
        }
        if (aspects.contains(Aspect.PRICE)) {
            return new Change(ChangeType.PRICE_CHANGED, aspects);
        }
        if (aspects.contains(Aspect.STOCK)) {
            return new Change(ChangeType.STOCK_CHANGED, aspects);
        }
        return Change.NONE;
    }

    /** SHA-256 of the listing with version, price and stock blanked: equal hashes, equal content. */
    public String contentHash(Listing l) {
        Listing content = new Listing(l.ocopId(), 0, l.sku(), l.gtin(), l.name(), l.description(), l.group(),
                l.subgroup(), l.brand(), l.stars(), l.potentialFiveStar(), l.certification(), l.producer(), l.origin(),
                l.unit(), l.netContent(), l.grossWeightGrams(), l.dimensionsCm(), l.shelfLifeDays(), l.storage(),
                l.ingredients(), null, 0, l.images(), l.traceabilityUrl());
        try {
            return Digests.sha256Hex(json.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
