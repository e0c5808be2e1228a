package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.DeliveryFailedException;
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.fakes.shopee.ShopeeExchange;
import vn.ocop.hub.fakes.shopee.ShopeeItem;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.support.TestListings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Listing changes through the real {@link vn.ocop.hub.connector.marketplace.MarketplaceSynchronizer}
 * and the Shopee adapter into a strict fake Shopee: what ends up in the shop, and on the binding.
 */
class ShopeeSynchronizationTest {

    private ShopeeTestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private ShopeeTestHub hub() {
        hub = new ShopeeTestHub();
        return hub;
    }

    /** Sample 0 (CBT-200, 120 000 VND, 480 in stock, three images, a GTIN, brand not registered). */
    private static Listing tea(long version, Consumer<ObjectNode> edit) {
        return TestListings.sample(0, n -> {
            n.put("version", version);
            edit.accept(n);
        });
    }

    private static Listing tea() {
        return tea(2, n -> {
        });
    }

    @Test
    void createUpdatePriceStockAndWithdrawLeaveOneItemWithTheLatestState() {
        ShopeeTestHub hub = hub();
        Listing v2 = tea();
        hub.deliver(v2, ChangeType.CREATED);

        ShopeeItem created = single(hub, v2.sku());
        assertThat(created.status()).isEqualTo("NORMAL");
        assertThat(created.originalPrice()).isEqualByComparingTo("120000");
        assertThat(created.stock()).isEqualTo(480);
        assertThat(created.imageIds()).hasSize(3);
        assertThat(created.weight()).isEqualByComparingTo("0.23");
        assertThat(created.dimensions()).containsExactly(18, 10, 5);
        assertThat(created.categoryId()).isEqualTo(100860); // BEVERAGE in shopee.yaml
        assertThat(created.logisticIds()).containsExactly(5001L);
        assertThat(created.gtinCode()).isEqualTo("8936814520019");
        assertThat(created.brandId()).isZero();
        assertThat(created.brandName()).isEqualTo("No Brand");
        assertThat(created.description()).startsWith(v2.description().vi())
                .contains("Sản phẩm OCOP 4 sao").contains("3292/QĐ-UBND").contains(v2.traceabilityUrl());
        Binding afterCreate = hub.binding(v2);
        assertThat(afterCreate.state()).isEqualTo(BindingState.SYNCED);
        assertThat(afterCreate.partnerItemId()).isEqualTo(String.valueOf(created.itemId()));

        Listing v3 = tea(3, n -> ((ObjectNode) n.get("description")).put("vi", "Chè búp Ba Trại, vụ xuân 2026."));
        hub.deliver(v3, ChangeType.UPDATED);
        Listing v4 = tea(4, n -> {
            ((ObjectNode) n.get("description")).put("vi", "Chè búp Ba Trại, vụ xuân 2026.");
            ((ObjectNode) n.get("price")).put("retail", 135_500);
        });
        hub.deliver(v4, ChangeType.PRICE_CHANGED);
        Listing v5 = tea(5, n -> {
            ((ObjectNode) n.get("description")).put("vi", "Chè búp Ba Trại, vụ xuân 2026.");
            ((ObjectNode) n.get("price")).put("retail", 135_500);
            n.put("stock", 37);
        });
        hub.deliver(v5, ChangeType.STOCK_CHANGED);

        ShopeeItem live = single(hub, v2.sku());
        assertThat(live.itemId()).isEqualTo(created.itemId());
        assertThat(live.description()).startsWith("Chè búp Ba Trại, vụ xuân 2026.");
        assertThat(live.originalPrice()).as("rounded up to 1 000 VND by shopee.yaml").isEqualByComparingTo("136000");
        assertThat(live.stock()).isEqualTo(37);
        assertThat(live.status()).isEqualTo("NORMAL");

        hub.deliver(v5, ChangeType.WITHDRAWN);

        ShopeeItem withdrawn = single(hub, v2.sku());
        assertThat(withdrawn.status()).isEqualTo("UNLIST");
        assertThat(withdrawn.originalPrice()).isEqualByComparingTo("136000");
        assertThat(withdrawn.stock()).isEqualTo(37);
        Binding binding = hub.binding(v2);
        assertThat(binding.state()).isEqualTo(BindingState.WITHDRAWN);
        assertThat(binding.live()).isFalse();
        assertThat(binding.partnerItemId()).isEqualTo(String.valueOf(created.itemId()));
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isEqualTo(1);
        // content once (v3, with its price and stock); then a price change and a stock change, one call each
        assertThat(hub.shopee.count(FakeShopee.UPDATE_ITEM)).isEqualTo(1);
        assertThat(hub.shopee.count(FakeShopee.UPDATE_PRICE)).isEqualTo(2);
        assertThat(hub.shopee.count(FakeShopee.UPDATE_STOCK)).isEqualTo(2);
        assertThat(hub.shopee.count(FakeShopee.UNLIST_ITEM)).isEqualTo(1);
    }

    @Test
    void aListingThatComesBackAfterAWithdrawalIsListedAgainNotCreatedAgain() {
        ShopeeTestHub hub = hub();
        Listing v2 = tea();
        hub.deliver(v2, ChangeType.CREATED);
        hub.deliver(v2, ChangeType.WITHDRAWN);
        assertThat(single(hub, v2.sku()).status()).isEqualTo("UNLIST");

        Listing v3 = tea(3, n -> n.put("stock", 12));
        hub.deliver(v3, ChangeType.UPDATED);

        ShopeeItem back = single(hub, v2.sku());
        assertThat(back.status()).isEqualTo("NORMAL");
        assertThat(back.stock()).isEqualTo(12);
        assertThat(hub.binding(v3).state()).isEqualTo(BindingState.SYNCED);
        assertThat(hub.binding(v3).live()).isTrue();
    }

    @Test
    void imagesAreUploadedOncePerUrlAcrossUpdates() {
        ShopeeTestHub hub = hub();
        Listing v2 = tea();
        hub.deliver(v2, ChangeType.CREATED);
        assertThat(hub.shopee.imageUploads()).isEqualTo(3);

        hub.deliver(tea(3, n -> n.put("storage", "Bảo quản nơi khô ráo")), ChangeType.UPDATED);
        hub.deliver(tea(4, n -> ((ObjectNode) n.get("name")).put("vi", "Chè búp khô Ba Trại 200g")), ChangeType.UPDATED);

        assertThat(hub.shopee.imageUploads()).as("no image changed: nothing uploaded again").isEqualTo(3);
        v2.images().forEach(url -> assertThat(hub.images.fetches(url)).as(url).isEqualTo(1));
        ShopeeItem item = single(hub, v2.sku());
        assertThat(item.itemName()).isEqualTo("Chè búp khô Ba Trại 200g");

        String added = "https://cdn.ocop.hanoi.example/img/HN-2025-0101-4.jpg";
        hub.deliver(tea(5, n -> ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("images")).add(added)), ChangeType.UPDATED);

        assertThat(hub.shopee.imageUploads()).as("only the new URL").isEqualTo(4);
        assertThat(single(hub, v2.sku()).imageIds()).hasSize(4).startsWith(item.imageIds().toArray(String[]::new));
    }

    @Test
    void imageIdsShopeeForgotAreUploadedAgainAndTheUpdateGoesThrough() {
        ShopeeTestHub hub = hub();
        hub.deliver(tea(), ChangeType.CREATED);
        hub.shopee.forgetImages();

        Listing v3 = tea(3, n -> ((ObjectNode) n.get("name")).put("vi", "Chè búp Ba Trại"));
        hub.deliver(v3, ChangeType.UPDATED);

        assertThat(hub.binding(v3).state()).isEqualTo(BindingState.SYNCED);
        assertThat(single(hub, v3.sku()).itemName()).isEqualTo("Chè búp Ba Trại");
        assertThat(hub.shopee.imageUploads()).isEqualTo(6);
    }

    @Test
    void anImageShopeeCannotTakeRejectsTheListingAndNoItemIsCreated() {
        ShopeeTestHub hub = hub();
        Listing listing = tea(2, n -> ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("images"))
                .add("https://cdn.ocop.hanoi.example/img/banner.gif"));

        hub.deliver(listing, ChangeType.CREATED);

        Binding binding = hub.binding(listing);
        assertThat(binding.state()).isEqualTo(BindingState.REJECTED);
        assertThat(binding.reason()).contains("JPG or PNG").contains("banner.gif");
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isZero();
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundAndBoundOnTheRetryNotCreatedTwice() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        hub.shopee.loseNextAnswer(FakeShopee.ADD_ITEM);

        hub.deliver(listing, ChangeType.CREATED);

        ShopeeItem item = single(hub, listing.sku());
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isEqualTo(1);
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM, e -> e.status() == 0)).as("the lost answer").isEqualTo(1);
        Binding binding = hub.binding(listing);
        assertThat(binding.state()).isEqualTo(BindingState.SYNCED);
        assertThat(binding.partnerItemId()).isEqualTo(String.valueOf(item.itemId()));
    }

    @Test
    void aLostCreateIsFoundEvenWhileShopeesSearchDoesNotShowItYet() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        hub.shopee.searchLag(Duration.ofHours(1));
        hub.shopee.loseNextAnswer(FakeShopee.ADD_ITEM);

        hub.deliver(listing, ChangeType.CREATED);

        ShopeeItem item = single(hub, listing.sku());
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isEqualTo(1);
        assertThat(hub.shopee.count(FakeShopee.ITEM_LIST)).as("read from the shop's records").isPositive();
        assertThat(hub.binding(listing).partnerItemId()).isEqualTo(String.valueOf(item.itemId()));
    }

    @Test
    void aCreateThatTimesOutIsFoundAndBoundOnTheRetry() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        hub.shopee.delayNext(FakeShopee.ADD_ITEM, ShopeeTestHub.RESPONSE_TIMEOUT.plusSeconds(1));

        hub.deliver(listing, ChangeType.CREATED);

        ShopeeItem item = single(hub, listing.sku());
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isEqualTo(1);
        assertThat(hub.binding(listing).partnerItemId()).isEqualTo(String.valueOf(item.itemId()));
    }

    @Test
    void aLostCreateRedeliveredAfterARestartBindsTheExistingItem() {
        // one attempt only: the message fails and is redelivered later, to a restarted hub
        hub = new ShopeeTestHub(new ConnectorConfig.RetryPolicy(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10)));
        Listing listing = tea();
        ChangeEvent created = hub.event(listing, ChangeType.CREATED);
        hub.shopee.loseNextAnswer(FakeShopee.ADD_ITEM);

        assertThatThrownBy(() -> hub.deliver(created)).isInstanceOf(DeliveryFailedException.class);
        assertThat(hub.bindings.find(listing.ocopId(), ShopeeTestHub.PARTNER)).isEmpty();

        hub.restart();
        hub.deliver(created);

        ShopeeItem item = single(hub, listing.sku());
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isEqualTo(1);
        assertThat(hub.binding(listing).state()).isEqualTo(BindingState.SYNCED);
        assertThat(hub.binding(listing).partnerItemId()).isEqualTo(String.valueOf(item.itemId()));
        // the redelivered content still reached the item
        assertThat(item.stock()).isEqualTo(480);
    }

    @Test
    void anItemTheSellerCreatedByHandIsBoundByExactSkuNotBySimilarOnes() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        ShopeeItem similar = hub.shopee.seedItem(listing.sku() + "-KM", "Combo khuyến mãi");
        ShopeeItem ours = hub.shopee.seedItem(listing.sku(), "Chè nhập tay");

        hub.deliver(listing, ChangeType.CREATED);

        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isZero();
        assertThat(hub.binding(listing).partnerItemId()).isEqualTo(String.valueOf(ours.itemId()));
        ShopeeItem updated = hub.shopee.item(ours.itemId());
        assertThat(updated.itemName()).isEqualTo(listing.name().vi());
        assertThat(updated.originalPrice()).isEqualByComparingTo("120000");
        assertThat(updated.stock()).isEqualTo(480);
        assertThat(hub.shopee.item(similar.itemId()).itemName()).isEqualTo("Combo khuyến mãi");
        // the search did ask Shopee by item_sku
        assertThat(hub.shopee.exchanges()).filteredOn(e -> e.path().equals(FakeShopee.SEARCH_ITEM))
                .extracting(e -> e.param("item_sku")).containsOnly(listing.sku());
    }

    @Test
    void aSkuWithSpacesPlusAndVietnameseLettersReachesShopeeIntact() {
        ShopeeTestHub hub = hub();
        Listing listing = tea(2, n -> n.put("sku", "Chè búp 200g+1/hộp"));
        ShopeeItem ours = hub.shopee.seedItem("Chè búp 200g+1/hộp", "Chè nhập tay");

        hub.deliver(listing, ChangeType.CREATED);

        assertThat(hub.shopee.exchanges()).filteredOn(e -> e.path().equals(FakeShopee.SEARCH_ITEM))
                .extracting(e -> e.param("item_sku")).containsOnly("Chè búp 200g+1/hộp");
        assertThat(hub.binding(listing).partnerItemId()).isEqualTo(String.valueOf(ours.itemId()));
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isZero();
    }

    @Test
    void aSimilarSkuAloneDoesNotStopTheCreate() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        hub.shopee.seedItem(listing.sku() + "0", "Chè khác");

        hub.deliver(listing, ChangeType.CREATED);

        assertThat(single(hub, listing.sku()).itemName()).isEqualTo(listing.name().vi());
    }

    @Test
    void shopeesRefusalOfASimilarItemBindsOursWhenTheShopHasIt() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        ShopeeItem ours = hub.shopee.seedItem(listing.sku(), "Chè nhập tay");
        hub.shopee.refuseDuplicateSku(true);

        // the adapter alone, as when the look-up before the create was skipped or missed it
        String itemId = hub.adapter().upsert(listing, null).itemId();

        assertThat(itemId).isEqualTo(String.valueOf(ours.itemId()));
        assertThat(hub.shopee.itemsWithSku(listing.sku())).hasSize(1);
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM, e -> e.error().endsWith("error_repeated_mtsku"))).isEqualTo(1);
    }

    @Test
    void aRefusalEndsRejectedWithShopeesMessageWithoutRetryUntilANewVersion() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        hub.shopee.refuseNext(FakeShopee.ADD_ITEM, 1, "product.error_less_required_attribute",
                "Mandatory attribute information required");

        hub.deliver(listing, ChangeType.CREATED);

        Binding rejected = hub.binding(listing);
        assertThat(rejected.state()).isEqualTo(BindingState.REJECTED);
        assertThat(rejected.reason()).contains("Mandatory attribute information required")
                .contains("error_less_required_attribute");
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).as("not retried").isEqualTo(1);
        assertThat(hub.shopee.itemsWithSku(listing.sku())).isEmpty();

        Listing v3 = tea(3, n -> n.put("storage", "Để nơi thoáng mát"));
        hub.deliver(v3, ChangeType.UPDATED);

        assertThat(hub.binding(v3).state()).isEqualTo(BindingState.SYNCED);
        assertThat(hub.shopee.itemsWithSku(listing.sku())).hasSize(1);
    }

    @Test
    void aFailedEntryInABatchAnswerIsAFailureEvenWithAnEmptyError() {
        ShopeeTestHub hub = hub();
        hub.deliver(tea(), ChangeType.CREATED);
        hub.shopee.failEntriesNext(FakeShopee.UPDATE_STOCK, "Normal_stock cannot be edited when item is under promotion.");

        Listing v3 = tea(3, n -> n.put("stock", 5));
        hub.deliver(v3, ChangeType.STOCK_CHANGED);

        ShopeeExchange answer = hub.shopee.exchanges().stream()
                .filter(e -> e.path().equals(FakeShopee.UPDATE_STOCK)).reduce((a, b) -> b).orElseThrow();
        assertThat(answer.succeeded()).as("Shopee's envelope said OK").isTrue();
        Binding binding = hub.binding(v3);
        assertThat(binding.state()).isEqualTo(BindingState.REJECTED);
        assertThat(binding.reason()).contains("under promotion");
        assertThat(single(hub, v3.sku()).stock()).isEqualTo(480);
    }

    @Test
    void serverErrorsAndShopeesBusyAnswersAreRetriedAndDelivered() {
        ShopeeTestHub hub = hub();
        Listing listing = tea();
        hub.shopee.failNext(FakeShopee.ADD_ITEM, 1, 503);
        hub.shopee.refuseNext(FakeShopee.ADD_ITEM, 1, "error_system_busy",
                "Our system is taking some time to respond, please try later.");

        hub.deliver(listing, ChangeType.CREATED);

        assertThat(hub.binding(listing).state()).isEqualTo(BindingState.SYNCED);
        assertThat(hub.shopee.itemsWithSku(listing.sku())).hasSize(1);
        assertThat(hub.shopee.count(FakeShopee.ADD_ITEM)).isEqualTo(3);
    }

    @Test
    void throttledRequestsAreRetriedUntilDelivered() {
        // retries long enough to outlast Shopee's one-second window
        hub = new ShopeeTestHub(new ConnectorConfig.RetryPolicy(8, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1)));
        hub.shopee.throttleAbove(3);
        Listing listing = tea();

        hub.deliver(listing, ChangeType.CREATED);
        hub.deliver(tea(3, n -> n.put("stock", 9)), ChangeType.STOCK_CHANGED);

        assertThat(hub.shopee.throttled()).as("the hub did run into the limit").isPositive();
        ShopeeItem item = single(hub, listing.sku());
        assertThat(item.stock()).isEqualTo(9);
        assertThat(hub.binding(listing).state()).isEqualTo(BindingState.SYNCED);
    }

    @Test
    void pricesGoToShopeeAsWholeDong() {
        ShopeeTestHub hub = hub();
        hub.deliver(tea(), ChangeType.CREATED);
        hub.deliver(tea(3, n -> ((ObjectNode) n.get("price")).put("retail", 99_001)), ChangeType.PRICE_CHANGED);

        ShopeeExchange update = hub.shopee.exchanges().stream()
                .filter(e -> e.path().equals(FakeShopee.UPDATE_PRICE)).findFirst().orElseThrow();
        assertThat(update.body()).contains("\"original_price\":100000").doesNotContain(".");
        assertThat(single(hub, "CBT-200").originalPrice()).isEqualTo(new BigDecimal("100000"));
    }

    private static ShopeeItem single(ShopeeTestHub hub, String sku) {
        List<ShopeeItem> items = hub.shopee.itemsWithSku(sku);
        assertThat(items).as("items with SKU %s", sku).hasSize(1);
        return items.get(0);
    }
}
