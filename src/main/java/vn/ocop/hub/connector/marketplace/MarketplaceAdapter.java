package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.model.Listing;

import java.util.Optional;

/**
 * One marketplace's API client (the Odoo connector framework's "Adapter"): signing, tokens,
 * payloads through the partner's Mapper, and the partner's error classes mapped to
 * {@link vn.ocop.hub.connector.TransientPartnerException} or
 * {@link vn.ocop.hub.connector.PermanentPartnerException}.
 */
public interface MarketplaceAdapter {

    /** The partner's item id for this listing's SKU, if the partner already has it. */
    Optional<String> findItemId(Listing listing);

    /**
     * True when {@link #upsert} is keyed by our SKU at the partner, so creating twice is
     * impossible and the look-up before a create can be skipped (it would cost a request).
     */
    default boolean createIsIdempotent() {
        return false;
    }

    /** Present for partners that review new items before they go live. */
    default Optional<ApprovalTracking> approvals() {
        return Optional.empty();
    }

    /** Present for partners whose API sets the price and stock of many items in one call. */
    default Optional<PriceStockBatching> priceStockBatching() {
        return Optional.empty();
    }

    /** Creates the item, or replaces its content when {@code itemId} is known. */
    Published upsert(Listing listing, String itemId);

    void updatePrice(String itemId, Listing listing);

    void updateStock(String itemId, Listing listing);

    void withdraw(String itemId, Listing listing);

    /** Thrown by price/stock updates when the partner no longer has the item: it is re-created. */
    class ItemMissingException extends RuntimeException {
        public ItemMissingException(String message) {
            super(message);
        }
    }
}
