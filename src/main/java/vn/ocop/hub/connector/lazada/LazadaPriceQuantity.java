package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.connector.marketplace.MarketplaceAdapter.ItemMissingException;
import vn.ocop.hub.connector.marketplace.PriceStockBatching;
import vn.ocop.hub.model.Listing;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /product/price_quantity/update}: price and sellable quantity of up to 50 SKUs in one
 * call, each named by ItemId and SkuId. Lazada counts it against the seller's inventory limit,
 * not the catalogue budget, and answers a call with one bad SKU with E501 and a detail per SKU.
 */
final class LazadaPriceQuantity implements PriceStockBatching {

    static final String PATH = "/product/price_quantity/update";
    /** Lazada: "do not update more than 50 SKUs at once" (code 4171 otherwise). */
    static final int MAX_SKUS = 50;

    private final LazadaClient client;
    private final LazadaMapper mapper;
    private final LazadaSkuIds skuIds;
    private final int perCall;

    LazadaPriceQuantity(LazadaClient client, LazadaMapper mapper, LazadaSkuIds skuIds, int perCall) {
        this.client = client;
        this.mapper = mapper;
        this.skuIds = skuIds;
        this.perCall = perCall;
    }

    @Override
    public int maxPerCall() {
        return perCall;
    }

    @Override
    public void update(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (changes.size() > MAX_SKUS) {
            throw new IllegalArgumentException(changes.size() + " SKUs in one call; Lazada takes at most " + MAX_SKUS);
        }
        List<LazadaMapper.SkuValues> skus = new ArrayList<>(changes.size());
        for (Change change : changes) {
            Listing listing = change.listing();
            String skuId = skuIds.find(change.itemId(), listing).orElseThrow(() -> missing(change.itemId(), listing, ""));
            skus.add(new LazadaMapper.SkuValues(change.itemId(), skuId, listing.sku(),
                    change.price() ? mapper.price(listing) : null, change.stock() ? mapper.quantity(listing) : null));
        }
        try {
            send(skus);
        } catch (LazadaRejection rejected) {
            if (!rejected.error().isItemMissing()) {
                throw rejected;
            }
            if (changes.size() == 1) {
                // which SKU is gone is only certain for one; a batch is sent again one by one
                skuIds.forget(changes.get(0).itemId());
                throw missing(changes.get(0).itemId(), changes.get(0).listing(), ": " + rejected.getMessage());
            }
            throw new ItemMissingException("Lazada no longer has an item of this batch: " + rejected.getMessage());
        }
    }

    /** Values already resolved to SkuIds, e.g. right after a content update. */
    void send(List<LazadaMapper.SkuValues> skus) {
        client.call(LazadaRequest.inventory(PATH, "payload", mapper.priceQuantity(skus)));
    }

    private static ItemMissingException missing(String itemId, Listing listing, String detail) {
        return new ItemMissingException("Lazada has no item " + itemId + " for " + listing.sku() + detail);
    }
}
