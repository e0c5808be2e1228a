package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Finds the shop's item for one of our SKUs, so an item whose creation was not recorded (lost
 * answer, crash, lost binding) is bound instead of created twice. Shopee's add_item is not
 * keyed by item_sku and does not refuse a second item with the same one.
 *
 * <p>{@code GET /api/v2/product/search_item?item_sku=} (item_sku since 2022-07-28) answers item
 * ids only, and its matching is not documented as exact; the candidates' item_sku is therefore
 * read back with {@code get_item_base_info} and compared exactly, so "TEA-1" never binds "TEA-10".
 *
 * <p>A search may not see an item created a moment ago (a search index catches up later), so
 * right after a create with no answer the items changed since then are also read with
 * {@code get_item_list?update_time_from=}, which reads the shop's own records.
 */
final class ShopeeItemLookup {

    static final String SEARCH_PATH = "/api/v2/product/search_item";
    static final String BASE_INFO_PATH = "/api/v2/product/get_item_base_info";
    static final String ITEM_LIST_PATH = "/api/v2/product/get_item_list";

    /** Deleted items are gone for good; every other status is still the shop's item for the SKU. */
    private static final List<String> LIVE_STATUSES = List.of("NORMAL", "UNLIST", "REVIEWING", "BANNED");
    private static final int PAGE_SIZE = 50;
    /** get_item_base_info takes at most 50 ids per call. */
    private static final int BASE_INFO_BATCH = 50;
    /** A SKU shared by more items than this is a data problem to look at, not to page through. */
    private static final int MAX_PAGES = 4;

    private static final Logger log = LoggerFactory.getLogger(ShopeeItemLookup.class);

    private final ShopeeClient client;
    private final Clock clock;

    ShopeeItemLookup(ShopeeClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The shop's item with exactly this SKU, by search. */
    Optional<String> find(String sku) {
        return exactMatch(sku, search(sku));
    }

    /** The shop's item with exactly this SKU, by search, or else among the items changed since then. */
    Optional<String> findCreatedSince(String sku, Instant since) {
        Optional<String> found = find(sku);
        return found.isPresent() ? found : exactMatch(sku, changedSince(since));
    }

    private Optional<String> exactMatch(String sku, List<Long> candidates) {
        List<Long> exact = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += BASE_INFO_BATCH) {
            List<Long> batch = candidates.subList(from, Math.min(candidates.size(), from + BASE_INFO_BATCH));
            StringJoiner ids = new StringJoiner(",");
            batch.forEach(id -> ids.add(String.valueOf(id)));
            JsonNode info = client.get(BASE_INFO_PATH, new ShopeeQuery().add("item_id_list", ids),
                    "item look-up for SKU " + sku);
            for (JsonNode item : info.path("item_list")) {
                if (sku.equals(item.path("item_sku").asText(null))
                        && LIVE_STATUSES.contains(item.path("item_status").asText("NORMAL"))) {
                    exact.add(item.path("item_id").asLong());
                }
            }
        }
        if (exact.size() > 1) {
            log.warn("Shopee has {} items with SKU {}: {}; binding the oldest", exact.size(), sku, exact);
        }
        return exact.stream().min(Long::compare).map(String::valueOf);
    }

    private List<Long> changedSince(Instant since) {
        List<Long> ids = new ArrayList<>();
        long offset = 0;
        long to = clock.instant().getEpochSecond() + 60; // the shop's clock may run a little ahead of ours
        for (int page = 0; page < MAX_PAGES; page++) {
            ShopeeQuery query = new ShopeeQuery().add("offset", offset).add("page_size", 100)
                    .add("update_time_from", since.getEpochSecond()).add("update_time_to", to);
            LIVE_STATUSES.forEach(status -> query.add("item_status", status));
            JsonNode answer = client.get(ITEM_LIST_PATH, query, "items changed since " + since);
            answer.path("item").forEach(item -> ids.add(item.path("item_id").asLong()));
            if (!answer.path("has_next_page").asBoolean(false)) {
                break;
            }
            offset = answer.path("next_offset").asLong(offset + 100);
        }
        return ids;
    }

    private List<Long> search(String sku) {
        List<Long> ids = new ArrayList<>();
        String offset = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            ShopeeQuery query = new ShopeeQuery().add("page_size", PAGE_SIZE).add("item_sku", sku);
            if (!offset.isEmpty()) {
                query.add("offset", offset);
            }
            LIVE_STATUSES.forEach(status -> query.add("item_status", status));
            JsonNode answer = client.get(SEARCH_PATH, query, "search for SKU " + sku);
            answer.path("item_id_list").forEach(id -> ids.add(id.asLong()));
            offset = answer.path("next_offset").asText("");
            int total = answer.path("total_count").asInt(ids.size());
            if (offset.isEmpty() || answer.path("item_id_list").isEmpty() || ids.size() >= total) {
                break;
            }
        }
        return ids;
    }
}
