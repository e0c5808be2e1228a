package vn.ocop.hub.connector.tiki;

import java.time.Duration;
import java.time.Instant;

/**
 * The last product request the hub sent Tiki for one listing, and what the listing should show
 * once Tiki approves it. Written before the request leaves, so that an answer lost on the way
 * back (or a crash right after Tiki accepted) never leads to a second request for the same SKU.
 *
 * @param trackId         Tiki's track id; null while Tiki's answer is unknown
 * @param contentHash     {@link TikiMapper#contentFingerprint} of what the request carried
 * @param desiredPrice    the price to set when the product goes on sale (changes during review)
 * @param desiredQuantity the stock to set when the product goes on sale
 */
record TikiCreateRecord(String sku, long version, String contentHash, Instant sentAt, String trackId,
                        Long desiredPrice, Integer desiredQuantity) {

    static TikiCreateRecord sending(String sku, long version, String contentHash, Instant sentAt, long price,
                                    int quantity) {
        return new TikiCreateRecord(sku, version, contentHash, sentAt, null, price, quantity);
    }

    /** True once Tiki has answered with a track id. */
    boolean confirmed() {
        return trackId != null;
    }

    boolean unconfirmedLongerThan(Duration expiry, Instant now) {
        return !confirmed() && sentAt.plus(expiry).isBefore(now);
    }

    TikiCreateRecord tracked(String newTrackId) {
        return new TikiCreateRecord(sku, version, contentHash, sentAt, newTrackId, desiredPrice, desiredQuantity);
    }

    TikiCreateRecord desiring(long price, int quantity) {
        return new TikiCreateRecord(sku, version, contentHash, sentAt, trackId, price, quantity);
    }
}
