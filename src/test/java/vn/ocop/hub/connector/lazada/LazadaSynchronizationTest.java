package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.DeliveryFailedException;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.lazada.FakeLazadaItem;
import vn.ocop.hub.fakes.lazada.FakeLazadaRequest;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.support.TestListings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing changes through the real MarketplaceSynchronizer and Lazada adapter to {@link FakeLazada}. */
class LazadaSynchronizationTest {

    /** Sample 0: CBT-200, a 4-star green tea (BEVERAGE), 120,000 VND, 480 in stock, three images. */
    private static final String SKU = "CBT-200";

    private static Listing tea(Consumer<ObjectNode> edit) {
        return TestListings.sample(0, edit);
    }

    private static Listing tea() {
        return tea(n -> {
        });
    }

    @Test
    void createUpdatePriceStockWithdrawLeavesOneItemWithTheLatestState() {
        try (LazadaRig rig = LazadaRig.start()) {
            FakeLazada lazada = rig.lazada;
            Listing v1 = tea();
            rig.created(v1, 1);

            FakeLazadaItem created = lazada.item(SKU).orElseThrow();
            Binding bound = rig.binding(v1);
            assertThat(bound.state()).isEqualTo(BindingState.SYNCED);
            assertThat(bound.live()).isTrue();
            assertThat(bound.partnerItemId()).isEqualTo(created.itemId());
            assertThat(bound.partnerRef()).as("Lazada's SkuId is kept").isEqualTo(created.skuId());
            assertThat(created.name()).isEqualTo("Chè búp khô Ba Trại");
            assertThat(created.primaryCategory()).isEqualTo("10000321"); // BEVERAGE in lazada.yaml
            assertThat(created.brand()).isEqualTo("Chè Ba Trại");
            assertThat(created.price()).isEqualTo(120_000);
            assertThat(created.quantity()).isEqualTo(480);
            assertThat(created.packageWeight()).isEqualTo("0.23");
            assertThat(created.packageLength()).isEqualTo("18");
            assertThat(created.images()).hasSize(3).allMatch(url -> url.startsWith("https://vn-live-02.slatic.net/p/"));
            assertThat(created.status()).isEqualTo("Active");

            String newImage = "https://cdn.ocop.hanoi.example/img/HN-2025-0101-4.jpg";
            Listing v2 = tea(n -> {
                n.put("version", 3);
                ((ObjectNode) n.get("name")).put("vi", "Chè búp Ba Trại hảo hạng");
                ((ArrayNode) n.get("images")).add(newImage);
            });
            rig.deliver(v2, 2, ChangeType.UPDATED, Aspect.CONTENT);

            Listing v3 = tea(n -> {
                n.put("version", 4);
                ((ObjectNode) n.get("price")).put("retail", 135_500);
            });
            rig.deliver(v3, 3, ChangeType.PRICE_CHANGED, Aspect.PRICE);
            Listing v4 = v3.withStock(12, 5);
            rig.deliver(v4, 4, ChangeType.STOCK_CHANGED, Aspect.STOCK);

            FakeLazadaItem latest = lazada.item(SKU).orElseThrow();
            assertThat(latest.itemId()).isEqualTo(created.itemId());
            assertThat(latest.name()).isEqualTo("Chè búp Ba Trại hảo hạng");
            assertThat(latest.images()).hasSize(4);
            assertThat(latest.contentUpdates()).isEqualTo(1);
            assertThat(latest.price()).as("rounded up to 1,000 VND").isEqualTo(136_000);
            assertThat(latest.quantity()).isEqualTo(12);
            assertThat(lazada.migrationsOf(v1.images().get(0))).as("hosted URL cached").isEqualTo(1);
            assertThat(lazada.migrationsOf(newImage)).isEqualTo(1);
            assertThat(lazada.requests(FakeLazada.PRICE_QUANTITY)).extracting(r -> r.param("payload"))
                    .as("content update, then price alone, then stock alone")
                    .satisfiesExactly(
                            p -> assertThat(p).contains("<Price>120000</Price>", "<Quantity>480</Quantity>"),
                            p -> assertThat(p).contains("<Price>136000</Price>").doesNotContain("Quantity"),
                            p -> assertThat(p).contains("<Quantity>12</Quantity>").doesNotContain("Price"));
            assertThat(rig.binding(v4).deliveredRevision()).isEqualTo(4);

            rig.deliver(v4, 5, ChangeType.WITHDRAWN);

            assertThat(lazada.item(SKU).orElseThrow().status()).isEqualTo("InActive");
            Binding withdrawn = rig.binding(v4);
            assertThat(withdrawn.state()).isEqualTo(BindingState.WITHDRAWN);
            assertThat(withdrawn.live()).isFalse();
            assertThat(lazada.items()).as("exactly one item").hasSize(1);
            assertThat(lazada.requestCount(FakeLazada.CREATE)).isEqualTo(1);
            assertThat(lazada.requests()).allMatch(FakeLazadaRequest::succeeded);
        }
    }

    @Test
    void aListingThatComesBackReactivatesItsItemInsteadOfCreatingAnother() {
        try (LazadaRig rig = LazadaRig.start()) {
            Listing v1 = tea();
            rig.created(v1, 1);
            rig.deliver(v1, 2, ChangeType.WITHDRAWN);
            assertThat(rig.lazada.item(SKU).orElseThrow().active()).isFalse();

            Listing back = tea(n -> n.put("version", 5));
            rig.deliver(back, 3, ChangeType.UPDATED, Aspect.CONTENT);

            assertThat(rig.lazada.item(SKU).orElseThrow().active()).isTrue();
            assertThat(rig.lazada.items()).hasSize(1);
            assertThat(rig.binding(back).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.binding(back).live()).isTrue();
        }
    }

    @Test
    void anAccessTokenThatExpiresMidRunIsRefreshedAndTheRotatedRefreshTokenIsKept() {
        try (LazadaRig rig = LazadaRig.start()) {
            Listing v1 = tea();
            rig.created(v1, 1);
            assertThat(rig.lazada.refreshes()).isZero();

            rig.lazada.expireAccessToken();
            Listing cheaper = tea(n -> ((ObjectNode) n.get("price")).put("retail", 99_000).put("version", 3));
            rig.deliver(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE);

            assertThat(rig.binding(cheaper).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.lazada.item(SKU).orElseThrow().price()).isEqualTo(99_000);
            assertThat(rig.lazada.refreshes()).isEqualTo(1);
            assertThat(rig.lazada.requests(FakeLazada.PRICE_QUANTITY)).extracting(FakeLazadaRequest::code)
                    .as("refused once, then accepted with the new token").endsWith("IllegalAccessToken", "0");
            assertThat(rig.pauses).as("refreshed at once, not via a retry").isEmpty();
            String rotated = rig.lazada.currentRefreshToken();
            assertThat(rotated).isNotEqualTo(LazadaRig.SEED_REFRESH);
            assertThat(rig.credentials.find("lazada", "refresh_token")).hasValueSatisfying(c ->
                    assertThat(c.value()).isEqualTo(rotated));
            assertThat(rig.credentials.find("lazada", "access_token")).hasValueSatisfying(c -> {
                assertThat(c.value()).isNotEqualTo(LazadaRig.SEED_ACCESS);
                assertThat(c.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));
            });

            Listing restocked = cheaper.withStock(7, 4);
            rig.deliver(restocked, 3, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            assertThat(rig.lazada.item(SKU).orElseThrow().quantity()).isEqualTo(7);
            assertThat(rig.lazada.refreshes()).as("the new token is reused").isEqualTo(1);
        }
    }

    @Test
    void aTokenCloseToExpiryIsRefreshedBeforeLazadaRefusesIt() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.credentials.save("lazada", "access_token", LazadaRig.SEED_ACCESS,
                    Instant.now().plus(Duration.ofMinutes(10)));
            rig.created(tea(), 1);

            assertThat(rig.binding(tea()).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.lazada.refreshes()).isEqualTo(1);
            assertThat(rig.lazada.requests()).noneMatch(r -> "IllegalAccessToken".equals(r.code()));
            assertThat(rig.lazada.requests(FakeLazada.PRODUCTS).get(0).param("access_token"))
                    .isNotEqualTo(LazadaRig.SEED_ACCESS);
        }
    }

    @Test
    void aStaleStoredRefreshTokenGivesWayToTheNewlyConfiguredOne() {
        try (LazadaRig rig = LazadaRig.start()) {
            // an earlier authorization's tokens, both dead; the operator has since configured new ones
            rig.credentials.save("lazada", "refresh_token", "refresh-from-an-old-authorization", null);
            rig.credentials.save("lazada", "access_token", "access-from-an-old-authorization",
                    Instant.now().minusSeconds(60));

            rig.created(tea(), 1);

            assertThat(rig.binding(tea()).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.lazada.requests(FakeLazada.REFRESH)).extracting(FakeLazadaRequest::code)
                    .containsExactly("IllegalRefreshToken", "0");
            assertThat(rig.credentials.find("lazada", "refresh_token").orElseThrow().value())
                    .isEqualTo(rig.lazada.currentRefreshToken());
        }
    }

    @Test
    void aRefusedRefreshTokenIsNotBlamedOnTheListing() {
        try (LazadaRig rig = LazadaRig.start(Map.of("LAZADA_REFRESH_TOKEN", "revoked-by-the-seller",
                "LAZADA_ACCESS_TOKEN", "expired-access", "LAZADA_RETRY_ATTEMPTS", "2"), false)) {
            assertThatThrownBy(() -> rig.created(tea(), 1))
                    .isInstanceOf(DeliveryFailedException.class)
                    .hasMessageContaining("IllegalRefreshToken");
            assertThat(rig.bindings.find(tea().ocopId(), "lazada")).as("parked for replay, not REJECTED").isEmpty();
            assertThat(rig.lazada.items()).isEmpty();
        }
    }

    @Test
    void aWrongAppSecretIsRetriedAndParkedRatherThanShownAsAContentRejection() {
        try (LazadaRig rig = LazadaRig.start(Map.of("LAZADA_APP_SECRET", "not-the-secret",
                "LAZADA_RETRY_ATTEMPTS", "2"), false)) {
            assertThatThrownBy(() -> rig.created(tea(), 1))
                    .isInstanceOf(DeliveryFailedException.class)
                    .hasMessageContaining("IncompleteSignature");
            assertThat(rig.lazada.requests()).hasSize(2).allMatch(r -> "IncompleteSignature".equals(r.code()));
            assertThat(rig.bindings.find(tea().ocopId(), "lazada")).isEmpty();
        }
    }

    @Test
    void aClockTooFarFromUtcIsRefusedAndParkedNotBlamedOnTheListing() {
        try (LazadaRig rig = LazadaRig.withClockSkew(Duration.ofHours(3))) {
            assertThatThrownBy(() -> rig.created(tea(), 1))
                    .isInstanceOf(DeliveryFailedException.class)
                    .hasMessageContaining("InvalidTimestamp");
            assertThat(rig.bindings.find(tea().ocopId(), "lazada")).isEmpty();
        }
        try (LazadaRig rig = LazadaRig.withClockSkew(Duration.ofMinutes(-90))) {
            rig.created(tea(), 1);
            assertThat(rig.binding(tea()).state()).as("within Lazada's 7200 s").isEqualTo(BindingState.SYNCED);
        }
    }

    @Test
    void throttlingAnswersAreRetriedAfterTheBanAndTheChangeIsDelivered() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.lazada.throttleNext(FakeLazada.CREATE, 2, FakeLazada.Throttle.API_CALL_LIMIT);
            rig.created(tea(), 1);

            assertThat(rig.lazada.requests(FakeLazada.CREATE)).extracting(FakeLazadaRequest::code)
                    .containsExactly("ApiCallLimit", "ApiCallLimit", "0");
            assertThat(rig.pauses).hasSize(2).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) >= 0,
                    "at least the one-second ban Lazada announced");

            rig.lazada.throttleNext(FakeLazada.PRICE_QUANTITY, 1, FakeLazada.Throttle.TOO_FAST);
            rig.lazada.throttleNext(FakeLazada.PRICE_QUANTITY, 1, FakeLazada.Throttle.E901);
            Listing cheaper = tea(n -> ((ObjectNode) n.get("price")).put("retail", 110_000).put("version", 3));
            rig.deliver(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE);

            assertThat(rig.lazada.requests(FakeLazada.PRICE_QUANTITY)).extracting(FakeLazadaRequest::code)
                    .containsExactly("4154", "901", "0");
            assertThat(rig.lazada.item(SKU).orElseThrow().price()).isEqualTo(110_000);
            assertThat(rig.binding(cheaper).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.lazada.items()).hasSize(1);
        }
    }

    @Test
    void lazadasPerApiLimitSlowsTheHubDownButEveryListingArrives() {
        try (LazadaRig rig = LazadaRig.start(Map.of(), true)) {
            rig.lazada.limitPerSecond(2);
            for (int i = 0; i < 2; i++) {
                rig.created(TestListings.sample(i), 1);
            }

            for (int i = 0; i < 2; i++) {
                Listing listing = TestListings.sample(i);
                assertThat(rig.binding(listing).state()).as(listing.sku()).isEqualTo(BindingState.SYNCED);
                assertThat(rig.lazada.item(listing.sku())).as(listing.sku()).isPresent();
            }
            assertThat(rig.lazada.requests()).as("the limit was hit").anyMatch(r -> "ApiCallLimit".equals(r.code()));
            assertThat(rig.lazada.items()).hasSize(2);
        }
    }

    @Test
    void aLostCreateAnswerFollowedByRedeliveryBindsTheExistingItem() {
        try (LazadaRig rig = LazadaRig.start(Map.of("LAZADA_RETRY_ATTEMPTS", "1"), false)) {
            rig.lazada.loseNextAnswer(FakeLazada.CREATE);
            Listing v1 = tea();
            assertThatThrownBy(() -> rig.created(v1, 1)).isInstanceOf(DeliveryFailedException.class);
            FakeLazadaItem stored = rig.lazada.item(SKU).orElseThrow(); // Lazada did create it

            rig.created(v1, 1); // the broker redelivers the same change

            Binding bound = rig.binding(v1);
            assertThat(bound.state()).isEqualTo(BindingState.SYNCED);
            assertThat(bound.partnerItemId()).isEqualTo(stored.itemId());
            assertThat(bound.partnerRef()).isEqualTo(stored.skuId());
            assertThat(rig.lazada.requests(FakeLazada.CREATE)).extracting(FakeLazadaRequest::code)
                    .containsExactly("DROPPED");
            assertThat(rig.lazada.items()).hasSize(1);
        }
    }

    @Test
    void aLostCreateAnswerRetriedInTheSameRunEndsWithOneItemEvenWhileTheLookUpLags() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.lazada.loseNextAnswer(FakeLazada.CREATE);
            rig.lazada.hideFromLookupNext(2);

            rig.created(tea(), 1);

            assertThat(rig.lazada.requests(FakeLazada.CREATE)).extracting(FakeLazadaRequest::code)
                    .as("dropped, then refused as a duplicate SellerSku until the look-up shows the item")
                    .containsExactly("DROPPED", "500", "500");
            FakeLazadaItem item = rig.lazada.item(SKU).orElseThrow();
            assertThat(rig.lazada.items()).hasSize(1);
            assertThat(rig.binding(tea()).partnerItemId()).isEqualTo(item.itemId());
            assertThat(rig.binding(tea()).state()).isEqualTo(BindingState.SYNCED);
        }
    }

    @Test
    void aSkuTheSellerListedByHandIsTakenOverNotDuplicated() {
        try (LazadaRig rig = LazadaRig.start()) {
            FakeLazadaItem manual = rig.lazada.listedInSellerCenter(SKU, "chè ba trại (đăng tay)", 99_000, 3);

            rig.created(tea(), 1);

            assertThat(rig.lazada.requestCount(FakeLazada.CREATE)).as("found by the look-up").isZero();
            FakeLazadaItem item = rig.lazada.item(SKU).orElseThrow();
            assertThat(item.itemId()).isEqualTo(manual.itemId());
            assertThat(item.name()).isEqualTo("Chè búp khô Ba Trại");
            assertThat(item.price()).isEqualTo(120_000);
            assertThat(item.quantity()).isEqualTo(480);
            assertThat(rig.binding(tea()).partnerItemId()).isEqualTo(manual.itemId());
        }
    }

    @Test
    void aDuplicateSellerSkuOnCreateBindsTheItemLazadaAlreadyHas() {
        try (LazadaRig rig = LazadaRig.start()) {
            FakeLazadaItem manual = rig.lazada.listedInSellerCenter(SKU, "chè ba trại (đăng tay)", 99_000, 3);
            rig.lazada.hideFromLookupNext(1); // the look-up before creating misses it

            rig.created(tea(), 1);

            assertThat(rig.lazada.requests(FakeLazada.CREATE)).extracting(FakeLazadaRequest::code).containsExactly("500");
            assertThat(rig.pauses).as("bound at once, no retry needed").isEmpty();
            assertThat(rig.lazada.items()).hasSize(1);
            assertThat(rig.binding(tea()).partnerItemId()).isEqualTo(manual.itemId());
            assertThat(rig.binding(tea()).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.lazada.item(SKU).orElseThrow().price()).isEqualTo(120_000);
        }
    }

    @Test
    void gatewayErrorsAndAnswersTooSlowToWaitForAreRetriedWithoutDuplicates() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.lazada.failNext(FakeLazada.PRODUCTS, 2, 503);
            rig.lazada.delayNext(FakeLazada.CREATE, 1, LazadaRig.CLIENT_TIMEOUT.plusSeconds(1));

            rig.created(tea(), 1);

            assertThat(rig.lazada.requests(FakeLazada.PRODUCTS)).extracting(FakeLazadaRequest::code)
                    .startsWith("HTTP503", "HTTP503", "0");
            assertThat(rig.lazada.items()).as("the slow create counted; the retry bound it").hasSize(1);
            assertThat(rig.binding(tea()).partnerItemId()).isEqualTo(rig.lazada.item(SKU).orElseThrow().itemId());
            assertThat(rig.binding(tea()).state()).isEqualTo(BindingState.SYNCED);
        }
    }

    @Test
    void aContentRejectionEndsRejectedWithLazadasMessageAndIsNotRetried() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.lazada.markNonLeafCategory("10000321");

            rig.created(tea(), 1);

            Binding rejected = rig.binding(tea());
            assertThat(rejected.state()).isEqualTo(BindingState.REJECTED);
            assertThat(rejected.reason()).contains("Please select the last level category.").contains("4134");
            assertThat(rejected.partnerItemId()).isNull();
            assertThat(rig.lazada.requestCount(FakeLazada.CREATE)).isEqualTo(1);
            assertThat(rig.pauses).isEmpty();
            assertThat(rig.lazada.items()).isEmpty();
        }
    }

    @Test
    void anImageLazadaCannotFetchRejectsTheListingNamingTheImage() {
        try (LazadaRig rig = LazadaRig.start()) {
            String unreachable = "https://cdn.ocop.hanoi.example:8443/img/HN-2025-0101-1.jpg";
            Listing listing = tea(n -> ((ArrayNode) n.get("images")).set(0, unreachable));

            rig.created(listing, 1);

            Binding rejected = rig.binding(listing);
            assertThat(rejected.state()).isEqualTo(BindingState.REJECTED);
            assertThat(rejected.reason()).contains("E302: Not supported URL").contains(unreachable);
            assertThat(rig.lazada.requestCount(FakeLazada.CREATE)).isZero();
        }
    }

    @Test
    void anItemTheSellerDeletedIsCreatedAgainWhenThePriceChanges() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.created(tea(), 1);
            String first = rig.lazada.item(SKU).orElseThrow().itemId();
            rig.lazada.deleteInSellerCenter(SKU);

            Listing cheaper = tea(n -> ((ObjectNode) n.get("price")).put("retail", 100_000).put("version", 3));
            rig.deliver(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE);

            FakeLazadaItem again = rig.lazada.item(SKU).orElseThrow();
            assertThat(again.itemId()).isNotEqualTo(first);
            assertThat(again.price()).isEqualTo(100_000);
            assertThat(again.active()).isTrue();
            assertThat(rig.binding(cheaper).partnerItemId()).isEqualTo(again.itemId());
            assertThat(rig.binding(cheaper).partnerRef()).isEqualTo(again.skuId());
            assertThat(rig.binding(cheaper).state()).isEqualTo(BindingState.SYNCED);
        }
    }

    @Test
    void aListingWithdrawnWhileLazadaReviewsItIsSwitchedOffAndStaysOffAfterQc() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.lazada.reviewNewItems(true);
            Listing v1 = tea();
            rig.created(v1, 1);
            assertThat(rig.binding(v1).state()).isEqualTo(BindingState.PENDING_APPROVAL);

            rig.deliver(v1, 2, ChangeType.WITHDRAWN);
            rig.lazada.passQc(SKU);

            assertThat(rig.lazada.requestCount(FakeLazada.DEACTIVATE)).isEqualTo(1);
            assertThat(rig.lazada.item(SKU).orElseThrow().status()).as("not on sale").isEqualTo("InActive");
            assertThat(rig.binding(v1).state()).isEqualTo(BindingState.WITHDRAWN);
            assertThat(rig.synchronizer.pollApprovals(10)).as("a withdrawn listing's review is not followed").isZero();
        }
    }

    @Test
    void itemsUnderQualityControlWaitForLazadasVerdict() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.lazada.reviewNewItems(true);
            Listing tea = tea();
            Listing vermicelli = TestListings.sample(2);
            rig.created(tea, 1);
            rig.created(vermicelli, 1);
            assertThat(rig.binding(tea).state()).isEqualTo(BindingState.PENDING_APPROVAL);
            assertThat(rig.binding(tea).partnerItemId()).isEqualTo(rig.lazada.item(SKU).orElseThrow().itemId());
            assertThat(rig.synchronizer.tracksApprovals()).isTrue();
            assertThat(rig.synchronizer.pollApprovals(10)).as("nothing decided yet").isZero();

            rig.lazada.passQc(SKU);
            rig.lazada.failQc(vermicelli.sku(), "Hình ảnh chứa logo của bên thứ ba");
            assertThat(rig.synchronizer.pollApprovals(10)).isEqualTo(2);

            assertThat(rig.binding(tea).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.binding(tea).live()).isTrue();
            Binding refused = rig.binding(vermicelli);
            assertThat(refused.state()).isEqualTo(BindingState.REJECTED);
            assertThat(refused.reason()).contains("Hình ảnh chứa logo của bên thứ ba");
        }
    }
}
