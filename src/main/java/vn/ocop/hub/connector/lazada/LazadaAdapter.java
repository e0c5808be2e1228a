package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.ApprovalTracking;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.PriceStockBatching;
import vn.ocop.hub.connector.marketplace.Published;
import vn.ocop.hub.model.Listing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lazada's API client for one seller. {@code /product/create} is not keyed by our SKU, so a
 * lost answer could make a second item: the synchronizer looks the SKU up before creating, and
 * a create refused as a duplicate SellerSku binds the item Lazada already has.
 */
final class LazadaAdapter implements MarketplaceAdapter, LazadaOrderApi {

    static final String CREATE = "/product/create";
    static final String UPDATE = "/product/update";
    static final String PRICE_QUANTITY = LazadaPriceQuantity.PATH;
    static final String DEACTIVATE = "/product/deactivate";

    private static final Logger log = LoggerFactory.getLogger(LazadaAdapter.class);

    private final LazadaClient client;
    private final LazadaMapper mapper;
    private final LazadaImages images;
    private final LazadaLookup lookup;
    private final LazadaSkuIds skuIds;
    private final LazadaQualityControl qualityControl;
    private final LazadaPriceQuantity priceQuantity;

    LazadaAdapter(LazadaClient client, LazadaMapper mapper, LazadaImages images, LazadaLookup lookup,
                  LazadaSkuIds skuIds, int skusPerCall) {
        this.client = client;
        this.mapper = mapper;
        this.images = images;
        this.lookup = lookup;
        this.skuIds = skuIds;
        this.qualityControl = new LazadaQualityControl(lookup);
        this.priceQuantity = new LazadaPriceQuantity(client, mapper, skuIds, skusPerCall);
    }

    @Override
    public Optional<String> findItemId(Listing listing) {
        Optional<LazadaProduct> found = lookup.bySellerSku(listing.sku());
        found.ifPresent(p -> skuIds.remember(p.itemId(), p.skuId()));
        return found.map(LazadaProduct::itemId);
    }

    @Override
    public Optional<ApprovalTracking> approvals() {
        return Optional.of(qualityControl);
    }

    @Override
    public Published upsert(Listing listing, String itemId) {
        if (itemId == null) {
            return create(listing);
        }
        Optional<String> skuId = skuIds.find(itemId, listing);
        if (skuId.isEmpty()) {
            log.info("Lazada no longer has item {} for {}: creating it again", itemId, listing.sku());
            return create(listing);
        }
        return update(listing, itemId, skuId.get());
    }

    /** Price and stock of up to 50 listings per call: the hub stages such changes and sends them together. */
    @Override
    public Optional<PriceStockBatching> priceStockBatching() {
        return Optional.of(priceQuantity);
    }

    @Override
    public void updatePrice(String itemId, Listing listing) {
        priceQuantity.update(List.of(new PriceStockBatching.Change(itemId, listing, true, false)));
    }

    @Override
    public void updateStock(String itemId, Listing listing) {
        priceQuantity.update(List.of(new PriceStockBatching.Change(itemId, listing, false, true)));
    }

    @Override
    public void withdraw(String itemId, Listing listing) {
        try {
            client.call(LazadaRequest.post(DEACTIVATE, "apiRequestBody", mapper.deactivate(itemId)));
        } catch (LazadaRejection rejected) {
            if (!rejected.error().isItemMissing() && !rejected.error().isAlreadyOffline()) {
                throw rejected;
            }
            log.info("Lazada item {} for {} is already gone or offline", itemId, listing.sku());
        }
    }

    @Override
    public JsonNode orderItems(String orderId) {
        return client.call(LazadaRequest.get(ORDER_ITEMS, Map.of("order_id", orderId))).path("data");
    }

    private Published create(Listing listing) {
        List<String> hosted = images.hosted(listing);
        JsonNode answer;
        try {
            answer = client.call(LazadaRequest.post(CREATE, "payload", mapper.createPayload(listing, hosted)));
        } catch (LazadaRejection rejected) {
            if (!rejected.error().isDuplicateSellerSku()) {
                throw rejected;
            }
            // an earlier create went through although its answer was lost, or the look-up had not caught up
            LazadaProduct existing = lookup.bySellerSku(listing.sku())
                    .orElseThrow(() -> new TransientPartnerException("Lazada says SellerSku " + listing.sku()
                            + " exists but does not list it yet", null, rejected));
            log.info("Lazada already has SellerSku {} as item {}: binding it", listing.sku(), existing.itemId());
            skuIds.remember(existing.itemId(), existing.skuId());
            return update(listing, existing.itemId(), existing.skuId());
        }
        JsonNode data = answer.path("data");
        String itemId = data.path("item_id").asText("");
        String skuId = skuIdOf(data, listing.sku());
        if (itemId.isBlank() || skuId == null) {
            throw new TransientPartnerException("Lazada's answer to " + CREATE + " has no item_id or sku_id for "
                    + listing.sku());
        }
        skuIds.remember(itemId, skuId);
        return published(itemId, skuId, data.path("item_status").asText(""));
    }

    private Published update(Listing listing, String itemId, String skuId) {
        List<String> hosted = images.hosted(listing);
        JsonNode answer;
        try {
            answer = client.call(LazadaRequest.post(UPDATE, "payload",
                    mapper.updatePayload(listing, hosted, itemId, skuId)));
        } catch (LazadaRejection rejected) {
            if (!rejected.error().isItemMissing()) {
                throw rejected;
            }
            skuIds.forget(itemId);
            log.info("Lazada no longer has item {} for {}: creating it again", itemId, listing.sku());
            return create(listing);
        }
        priceQuantity.send(List.of(new LazadaMapper.SkuValues(itemId, skuId, listing.sku(), mapper.price(listing),
                mapper.quantity(listing))));
        return published(itemId, skuId, answer.path("data").path("item_status").asText(""));
    }

    /** Lazada reviews some new or changed items (QC) before they go live. */
    private static Published published(String itemId, String skuId, String itemStatus) {
        if (itemStatus.toLowerCase(Locale.ROOT).contains("pending")) {
            return Published.awaitingApproval(itemId, skuId);
        }
        return Published.live(itemId, skuId);
    }

    private static String skuIdOf(JsonNode data, String sellerSku) {
        for (JsonNode sku : data.path("sku_list")) {
            if (sellerSku.equals(sku.path("seller_sku").asText())) {
                return sku.path("sku_id").asText();
            }
        }
        return null;
    }
}
