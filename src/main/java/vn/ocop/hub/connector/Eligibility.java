package vn.ocop.hub.connector;

import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.ProductGroup;

import java.util.Optional;

/** Whether a partner takes a listing, and if not, the reason its status shows. */
public final class Eligibility {

    private Eligibility() {
    }

    public static Optional<String> whyNot(ConnectorConfig config, Listing listing) {
        ConnectorConfig.Eligibility rules = config.eligibility();
        if (listing.group() == ProductGroup.TOURISM && (rules == null || !rules.includeTourism())) {
            return Optional.of("TOURISM listings are services; " + config.partner() + " does not take them");
        }
        if (rules == null) {
            return Optional.empty();
        }
        if (listing.stars() < rules.minStars()) {
            return Optional.of("needs at least " + rules.minStars() + " stars, listing has " + listing.stars());
        }
        if (rules.groups() != null && !rules.groups().isEmpty() && !rules.groups().contains(listing.group())) {
            return Optional.of("group " + listing.group() + " is not taken by " + config.partner());
        }
        if (rules.gtinRequired() && !listing.hasGtin()) {
            return Optional.of(config.partner() + " requires a GTIN and the listing has none");
        }
        if (config.kind() == ConnectorConfig.PartnerKind.MARKETPLACE && listing.grossWeightGrams() == null) {
            return Optional.of("grossWeightGrams is required for marketplace shipping");
        }
        return Optional.empty();
    }
}
