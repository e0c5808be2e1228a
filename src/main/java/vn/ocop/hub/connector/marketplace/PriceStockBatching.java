package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.model.Listing;

import java.util.List;

/**
 * An Adapter whose partner sets the price and stock of many items in one call. The hub then
 * stages price- and stock-only changes and sends them together ({@link PriceStockBatcher}), so a
 * burst of stock changes costs one request per batch, not one per listing.
 */
public interface PriceStockBatching {

    /** The most items one call may carry. */
    int maxPerCall();

    /**
     * Sets every item's price and/or stock from its listing, in one call. Throws as the Adapter's
     * single-item updates do: transient, permanent, or
     * {@link MarketplaceAdapter.ItemMissingException} (the caller then sends the items one by one,
     * which tells them apart).
     */
    void update(List<Change> changes);

    /** One item's new values, read from {@code listing}: price when {@code price}, stock when {@code stock}. */
    record Change(String itemId, Listing listing, boolean price, boolean stock) {
    }
}
