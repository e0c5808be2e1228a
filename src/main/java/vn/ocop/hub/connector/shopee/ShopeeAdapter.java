package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.Published;
import vn.ocop.hub.model.Listing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Shopee Open Platform v2 for one shop. add_item is not idempotent and not keyed by our SKU,
 * so a create whose answer never arrived is looked up by SKU before it is tried again, here and
 * (after a restart) by the synchronizer through {@link #findItemId}.
 */
final class ShopeeAdapter implements MarketplaceAdapter, ShopeeOrderApi {

    static final String ADD_ITEM = "/api/v2/product/add_item";
    static final String UPDATE_ITEM = "/api/v2/product/update_item";
    static final String UPDATE_PRICE = "/api/v2/product/update_price";
    static final String UPDATE_STOCK = "/api/v2/product/update_stock";
    static final String UNLIST_ITEM = "/api/v2/product/unlist_item";

    private static final Logger log = LoggerFactory.getLogger(ShopeeAdapter.class);

    private final ConnectorConfig config;
    private final ShopeeClient client;
    private final ShopeeMapper mapper;
    private final ShopeeImages images;
    private final ShopeeItemLookup lookup;
    /**
     * SKUs whose add_item got no clear answer (timeout, dropped connection, 5xx), with when it was
     * sent: Shopee may have the item. Kept in memory: after a restart the synchronizer's look-up
     * before a create covers the same case.
     */
    private final Map<String, Instant> unconfirmedCreates = new ConcurrentHashMap<>();
    private final Clock clock;

    ShopeeAdapter(ConnectorConfig config, ShopeeClient client, ShopeeMapper mapper, ShopeeImages images,
                  ShopeeItemLookup lookup, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.client = client;
        this.mapper = mapper;
        this.images = images;
        this.lookup = lookup;
    }

    @Override
    public Optional<String> findItemId(Listing listing) {
        return lookup.find(listing.sku());
    }

    @Override
    public Published upsert(Listing listing, String itemId) {
        String known = itemId;
        Instant sent = known == null ? unconfirmedCreates.get(listing.sku()) : null;
        if (sent != null) {
            // a minute of slack for the shop's clock, which stamps update_time
            known = lookup.findCreatedSince(listing.sku(), sent.minusSeconds(60)).orElse(null);
            unconfirmedCreates.remove(listing.sku());
            if (known != null) {
                log.info("Shopee created item {} for SKU {} although the answer was lost; binding it",
                        known, listing.sku());
            }
        }
        if (known != null && replace(Long.parseLong(known), listing)) {
            return Published.live(known);
        }
        return Published.live(create(listing));
    }

    @Override
    public void updatePrice(String itemId, Listing listing) {
        long id = Long.parseLong(itemId);
        String what = "price of item " + itemId;
        checkEntries(postForItem(UPDATE_PRICE, mapper.price(id, listing), what, itemId), what, false);
    }

    @Override
    public void updateStock(String itemId, Listing listing) {
        long id = Long.parseLong(itemId);
        String what = "stock of item " + itemId;
        checkEntries(postForItem(UPDATE_STOCK, mapper.stock(id, listing), what, itemId), what, false);
    }

    @Override
    public void withdraw(String itemId, Listing listing) {
        String what = "unlisting of item " + itemId;
        try {
            JsonNode answer = client.post(UNLIST_ITEM, mapper.unlist(Long.parseLong(itemId), true), what);
            checkEntries(answer, what, true);
        } catch (ShopeeRejectedException refused) {
            if (!refused.itemMissing()) {
                throw refused;
            }
            log.info("Shopee no longer has item {} for SKU {}: nothing to unlist", itemId, listing.sku());
        }
    }

    @Override
    public JsonNode orderDetail(String orderSn) {
        return client.get(ORDER_DETAIL, new ShopeeQuery().add("order_sn_list", orderSn)
                .add("response_optional_fields", "item_list"), "order " + orderSn);
    }

    @Override
    public JsonNode lostPushMessages() {
        return client.getPublic(LOST_PUSH, null, "the lost pushes");
    }

    @Override
    public void confirmConsumedLostPush(long lastMessageId) {
        client.postPublic(CONFIRM_LOST_PUSH, mapper.confirmLostPush(lastMessageId),
                "the confirmation of lost pushes up to " + lastMessageId);
    }

    private String create(Listing listing) {
        String what = "new item for SKU " + listing.sku();
        JsonNode answer;
        Instant sent = clock.instant();
        try {
            answer = withImages(listing, ids -> {
                try {
                    return client.post(ADD_ITEM, mapper.addItem(listing, ids), what);
                } catch (TransientPartnerException unknownOutcome) {
                    // Shopee may have stored it before the answer was lost: look before adding again
                    unconfirmedCreates.put(listing.sku(), sent);
                    throw unknownOutcome;
                }
            });
        } catch (ShopeeRejectedException refused) {
            if (refused.similarItemExists()) {
                Optional<String> ours = lookup.find(listing.sku());
                if (ours.isPresent() && replace(Long.parseLong(ours.get()), listing)) {
                    return ours.get();
                }
            }
            throw refused;
        }
        long itemId = answer.path("item_id").asLong(0);
        if (itemId <= 0) {
            unconfirmedCreates.put(listing.sku(), sent);
            throw new TransientPartnerException("Shopee's add_item answer for SKU " + listing.sku() + " has no item_id");
        }
        return String.valueOf(itemId);
    }

    /** Content, then price and stock (update_item takes neither). False when Shopee no longer has the item. */
    private boolean replace(long itemId, Listing listing) {
        String what = "update of item " + itemId;
        try {
            withImages(listing, ids -> client.post(UPDATE_ITEM, mapper.updateItem(itemId, listing, ids), what));
            if (config.toggles().price()) {
                updatePrice(String.valueOf(itemId), listing);
            }
            if (config.toggles().stock()) {
                updateStock(String.valueOf(itemId), listing);
            }
            return true;
        } catch (ShopeeRejectedException refused) {
            if (!refused.itemMissing()) {
                throw refused;
            }
        } catch (ItemMissingException gone) {
            // fall through: re-created below
        }
        log.info("Shopee no longer has item {} for SKU {}: creating it again", itemId, listing.sku());
        return false;
    }

    /** Remembered image ids can expire at Shopee ("Image not exist."): upload again and retry once. */
    private JsonNode withImages(Listing listing, Function<List<String>, JsonNode> call) {
        try {
            return call.apply(images.imageIds(listing.images()));
        } catch (ShopeeRejectedException refused) {
            if (!refused.imageMissing()) {
                throw refused;
            }
            log.info("Shopee forgot images of SKU {}: uploading them again", listing.sku());
            return call.apply(images.uploadAgain(listing.images()));
        }
    }

    private JsonNode postForItem(String path, JsonNode body, String what, String itemId) {
        try {
            return client.post(path, body, what);
        } catch (ShopeeRejectedException refused) {
            if (refused.itemMissing()) {
                throw new ItemMissingException("Shopee has no item " + itemId + ": " + refused.getMessage());
            }
            throw refused;
        }
    }

    /**
     * Batch calls (update_price, update_stock, unlist_item) report each entry in failure_list,
     * and a failed entry comes with an empty {@code error}: the envelope alone proves nothing.
     */
    private static void checkEntries(JsonNode response, String what, boolean missingIsFine) {
        for (JsonNode failure : response.path("failure_list")) {
            String reason = failure.path("failed_reason").asText("no reason given");
            if (ShopeeErrors.meansItemMissing("", reason)) {
                if (missingIsFine) {
                    continue;
                }
                throw new ItemMissingException("Shopee: " + what + " failed: " + reason);
            }
            if (ShopeeErrors.classify("", reason) == ShopeeErrors.Kind.TRANSIENT) {
                throw new TransientPartnerException("Shopee could not apply " + what + ": " + reason);
            }
            throw new ShopeeRejectedException(what, "failure_list", reason, reason);
        }
    }
}
