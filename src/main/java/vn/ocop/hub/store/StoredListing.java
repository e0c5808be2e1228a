package vn.ocop.hub.store;

import vn.ocop.hub.model.Listing;

import java.time.Instant;

/** A listing as stored: the office's version plus the hub's revision and withdrawal state. */
public record StoredListing(Listing listing, long revision, String contentHash, boolean withdrawn,
                            String withdrawnReason, Instant createdAt, Instant updatedAt) {

    public String ocopId() {
        return listing.ocopId();
    }

    public long version() {
        return listing.version();
    }
}
