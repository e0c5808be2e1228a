package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.DeliveryFailedException;
import vn.ocop.hub.connector.marketplace.MarketplaceSynchronizer;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.fakes.tiki.FakeTikiCall;
import vn.ocop.hub.fakes.tiki.FakeTikiProduct;
import vn.ocop.hub.fakes.tiki.FakeTikiRequest;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.support.TestListings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A listing's life at Tiki through the hub's real synchronizer, against a fake Tiki that reviews
 * product requests only when the test says so.
 */
class TikiSynchronizationTest {

    private static final String SKU = "CBT-200";
    private static final String OCOP_ID = "HN-2025-0101";

    private TikiHarness hub;
    private MarketplaceSynchronizer sync;
    private FakeTiki tiki;

    @BeforeEach
    void start() {
        hub = new TikiHarness();
        sync = hub.synchronizer(hub.adapter());
        tiki = hub.tiki;
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aNewListingWaitsForTikisReviewAndGoesOnSaleWhenApproved() {
        sync.synchronize(hub.created(listing(n -> { })), false);

        FakeTikiRequest request = onlyRequest();
        Binding pending = hub.binding(OCOP_ID);
        assertThat(pending.state()).isEqualTo(BindingState.PENDING_APPROVAL);
        assertThat(pending.partnerRef()).isEqualTo(request.trackId());
        assertThat(pending.partnerItemId()).isNull();
        assertThat(pending.live()).isFalse();
        JsonNode body = request.body();
        assertThat(body.path("category_id").asLong()).isEqualTo(TikiHarness.BEVERAGE_CATEGORY);
        assertThat(body.path("name").asText()).isEqualTo("Chè búp khô Ba Trại");
        JsonNode variant = body.path("variants").get(0);
        assertThat(variant.path("sku").asText()).isEqualTo(SKU);
        assertThat(variant.path("price").asLong()).isEqualTo(120_000);
        assertThat(variant.at("/warehouse_stocks/0/warehouseId").asLong()).isEqualTo(TikiHarness.WAREHOUSE);
        assertThat(variant.at("/warehouse_stocks/0/qtyAvailable").asInt()).isEqualTo(480);

        assertThat(sync.pollApprovals(100)).as("Tiki has not decided yet").isZero();
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);

        FakeTikiProduct approved = tiki.approve(request.trackId()).get(0);
        assertThat(approved.isActive()).as("Tiki switches approved products off").isFalse();
        assertThat(sync.pollApprovals(100)).isEqualTo(1);

        Binding synced = hub.binding(OCOP_ID);
        assertThat(synced.state()).isEqualTo(BindingState.SYNCED);
        assertThat(synced.partnerItemId()).isEqualTo(String.valueOf(approved.productId()));
        assertThat(synced.live()).isTrue();
        FakeTikiProduct onSale = tiki.product(SKU).orElseThrow();
        assertThat(onSale.isActive()).isTrue();
        assertThat(onSale.price()).isEqualTo(120_000);
        assertThat(onSale.quantity()).isEqualTo(480);
        assertThat(tiki.count("POST", FakeTiki.CREATE_PATH)).isEqualTo(1);
    }

    @Test
    void aListingWithdrawnDuringTikisReviewHasItsRequestDeleted() {
        Listing v1 = listing(n -> { });
        sync.synchronize(hub.created(v1), false);
        String track = onlyRequest().trackId();

        sync.synchronize(hub.withdrawn(v1, "certificate revoked"), false);

        assertThat(tiki.request(track).orElseThrow().state()).isEqualTo("deleted");
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.WITHDRAWN);
        assertThat(tiki.products(SKU)).isEmpty();
    }

    @Test
    void aListingWithdrawnJustAfterTikiApprovedItKeepsTheProductOffSale() {
        Listing v1 = listing(n -> { });
        sync.synchronize(hub.created(v1), false);
        tiki.approve(onlyRequest().trackId()); // decided before the hub polled

        sync.synchronize(hub.withdrawn(v1, "certificate revoked"), false);

        assertThat(tiki.product(SKU).orElseThrow().isActive()).isFalse();
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.WITHDRAWN);
        assertThat(sync.pollApprovals(100)).as("a withdrawn listing's review is not followed").isZero();
        assertThat(tiki.product(SKU).orElseThrow().isActive()).isFalse();
    }

    @Test
    void aRejectionShowsTikisReasonAndOnlyALaterVersionIsSentAsANewRequest() {
        Listing v1 = listing(n -> { });
        sync.synchronize(hub.created(v1), false);
        String firstTrack = onlyRequest().trackId();
        tiki.reject(firstTrack, "Hình ảnh sản phẩm không rõ nét");

        assertThat(sync.pollApprovals(100)).isEqualTo(1);
        Binding rejected = hub.binding(OCOP_ID);
        assertThat(rejected.state()).isEqualTo(BindingState.REJECTED);
        assertThat(rejected.reason()).isEqualTo("Hình ảnh sản phẩm không rõ nét");

        // a stock change of the same version would only be refused again
        sync.synchronize(hub.stockChanged(v1.withStock(300, v1.version())), false);
        assertThat(tiki.requests()).hasSize(1);
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.REJECTED);
        assertThat(hub.binding(OCOP_ID).reason()).contains("Hình ảnh sản phẩm không rõ nét");

        Listing v3 = listing(n -> {
            n.put("version", 3);
            n.putArray("images").add("https://cdn.ocop.hanoi.example/img/HN-2025-0101-hd.jpg");
        });
        sync.synchronize(hub.updated(v3), false);

        assertThat(tiki.requests()).hasSize(2);
        FakeTikiRequest second = tiki.requests().get(1);
        assertThat(second.trackId()).isNotEqualTo(firstTrack);
        assertThat(second.body().path("image").asText()).endsWith("-hd.jpg");
        Binding pending = hub.binding(OCOP_ID);
        assertThat(pending.state()).isEqualTo(BindingState.PENDING_APPROVAL);
        assertThat(pending.partnerRef()).isEqualTo(second.trackId());

        tiki.approve(second.trackId());
        sync.pollApprovals(100);
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.SYNCED);
        assertThat(tiki.products(SKU)).hasSize(1);
    }

    @Test
    void priceStockAndWithdrawalAreUpdateSkuCallsAndWithdrawalSwitchesTheProductOff() {
        approvedAndOnSale();
        int creates = tiki.count("POST", FakeTiki.CREATE_PATH);

        Listing pricier = listing(n -> ((ObjectNode) n.get("price")).put("retail", 135_500));
        sync.synchronize(hub.priceChanged(pricier), false);
        assertThat(tiki.product(SKU).orElseThrow().price()).as("rounded up to 1000 VND").isEqualTo(136_000);

        sync.synchronize(hub.stockChanged(pricier.withStock(12, pricier.version())), false);
        FakeTikiProduct afterStock = tiki.product(SKU).orElseThrow();
        assertThat(afterStock.quantities()).containsEntry(TikiHarness.WAREHOUSE, 12);
        assertThat(afterStock.price()).isEqualTo(136_000);
        assertThat(afterStock.isActive()).isTrue();
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.SYNCED);

        sync.synchronize(hub.withdrawn(pricier.withStock(12, pricier.version()), "certificate revoked"), false);

        FakeTikiProduct withdrawn = tiki.product(SKU).orElseThrow();
        assertThat(withdrawn.isActive()).isFalse();
        assertThat(withdrawn.price()).isEqualTo(136_000);
        assertThat(withdrawn.quantity()).isEqualTo(12);
        Binding binding = hub.binding(OCOP_ID);
        assertThat(binding.state()).isEqualTo(BindingState.WITHDRAWN);
        assertThat(binding.live()).isFalse();
        assertThat(binding.reason()).isEqualTo("certificate revoked");
        List<FakeTikiCall> updates = tiki.calls().stream().filter(c -> c.is("PUT", FakeTiki.UPDATE_SKU_PATH)).toList();
        assertThat(updates).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.body()).contains("\"original_sku\":\"" + SKU + "\"");
        });
        assertThat(updates.get(updates.size() - 1).body()).contains("\"active\":0");
        assertThat(tiki.count("POST", FakeTiki.CREATE_PATH)).as("no new product request").isEqualTo(creates);
    }

    @Test
    void whenTikiExpiresTheTokenMidRunTheHubGetsANewOneAndCarriesOn() {
        sync.synchronize(hub.created(listing(n -> { })), false);
        assertThat(tiki.tokensIssued()).isEqualTo(1);
        tiki.approve(onlyRequest().trackId());

        tiki.expireTokens();
        sync.pollApprovals(100);

        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.SYNCED);
        assertThat(tiki.tokensIssued()).isEqualTo(2);
        assertThat(tiki.calls()).filteredOn(c -> c.status() == 401).hasSize(1);
        assertThat(tiki.product(SKU).orElseThrow().isActive()).isTrue();
        assertThat(hub.retryDelays).as("a refused token is not a failed attempt").isEmpty();
    }

    @Test
    void throttledCallsAreRetriedAfterTikisRetryAfterAndDelivered() {
        tiki.throttleNext("POST", FakeTiki.CREATE_PATH, 2);

        sync.synchronize(hub.created(listing(n -> { })), false);

        assertThat(tiki.calls()).filteredOn(c -> c.status() == 429).hasSize(2);
        assertThat(tiki.requests()).as("created once").hasSize(1);
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);
        assertThat(hub.retryDelays).hasSize(2).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorsOnTheCreateAreRetriedAndTheRequestIsSentOnce() {
        tiki.failNext("POST", FakeTiki.CREATE_PATH, 2, 503);

        sync.synchronize(hub.created(listing(n -> { })), false);

        assertThat(tiki.count("POST", FakeTiki.CREATE_PATH)).isEqualTo(3);
        assertThat(tiki.requests()).hasSize(1);
        assertThat(hub.binding(OCOP_ID).partnerRef()).isEqualTo(onlyRequest().trackId());
    }

    @Test
    void aLostAnswerToTheCreateNeverLeadsToASecondRequestOrProduct() {
        tiki.loseNextCreateAnswer();

        sync.synchronize(hub.created(listing(n -> { })), false);

        FakeTikiRequest queued = onlyRequest();
        Binding pending = hub.binding(OCOP_ID);
        assertThat(pending.state()).isEqualTo(BindingState.PENDING_APPROVAL);
        assertThat(pending.partnerRef()).startsWith("unconfirmed-create@");
        assertThat(tiki.calls()).filteredOn(c -> c.is("POST", FakeTiki.CREATE_PATH))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(FakeTikiCall.LOST));

        // the same change redelivered, and a stock change while Tiki reviews: still one request
        sync.synchronize(hub.created(listing(n -> { })), true);
        Listing fewer = listing(n -> n.put("stock", 40));
        sync.synchronize(hub.stockChanged(fewer), false);
        assertThat(sync.pollApprovals(100)).isZero();
        assertThat(tiki.requests()).hasSize(1);

        FakeTikiProduct approved = tiki.approve(queued.trackId()).get(0);
        assertThat(sync.pollApprovals(100)).isEqualTo(1);

        Binding synced = hub.binding(OCOP_ID);
        assertThat(synced.state()).isEqualTo(BindingState.SYNCED);
        assertThat(synced.partnerItemId()).isEqualTo(String.valueOf(approved.productId()));
        assertThat(tiki.products(SKU)).hasSize(1);
        FakeTikiProduct onSale = tiki.product(SKU).orElseThrow();
        assertThat(onSale.isActive()).isTrue();
        assertThat(onSale.quantity()).as("the stock of the latest revision").isEqualTo(40);
        assertThat(tiki.count("POST", FakeTiki.CREATE_PATH)).isEqualTo(1);
    }

    @Test
    void aCreateThatTimesOutAfterTikiQueuedItIsNotSentAgain() {
        tiki.delayNext("POST", FakeTiki.CREATE_PATH, 1, TikiHarness.HTTP_TIMEOUT.multipliedBy(2));

        sync.synchronize(hub.created(listing(n -> { })), false);

        assertThat(tiki.requests()).hasSize(1);
        assertThat(tiki.count("POST", FakeTiki.CREATE_PATH)).isEqualTo(1);
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);
    }

    @Test
    void aGatewayTimeoutOnTheCreateIsWaitedOutThenShownAsRejectedUntilANewVersion() {
        try (TikiHarness quick = new TikiHarness(Map.of("TIKI_UNCONFIRMED_CREATE_EXPIRY", "PT1H"))) {
            MarketplaceSynchronizer s = quick.synchronizer(quick.adapter());
            // a gateway's 504 may hide a request Tiki queued: not sent again (here it did not arrive)
            quick.tiki.failNext("POST", FakeTiki.CREATE_PATH, 1, 504);

            Listing v2 = listing(n -> { });
            s.synchronize(quick.created(v2), false);
            assertThat(quick.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);
            assertThat(s.pollApprovals(100)).isZero();
            assertThat(quick.tiki.count("POST", FakeTiki.CREATE_PATH)).isEqualTo(1);

            quick.clock.advance(Duration.ofHours(2));
            assertThat(s.pollApprovals(100)).isEqualTo(1);
            Binding gaveUp = quick.binding(OCOP_ID);
            assertThat(gaveUp.state()).isEqualTo(BindingState.REJECTED);
            assertThat(gaveUp.reason()).contains("Tiki never confirmed the product request").contains("PT1H");

            s.synchronize(quick.stockChanged(v2.withStock(9, v2.version())), false);
            assertThat(quick.tiki.count("POST", FakeTiki.CREATE_PATH)).as("same version: not resent").isEqualTo(1);

            s.synchronize(quick.updated(listing(n -> n.put("version", 3))), false);
            assertThat(quick.tiki.requests()).hasSize(1);
            assertThat(quick.binding(OCOP_ID).partnerRef()).isEqualTo(quick.tiki.requests().get(0).trackId());
        }
    }

    @Test
    void newContentWaitsUntilTikiHasTakenTheOldRequestOffItsQueue() {
        tiki.holdRequestsInQueue(true);
        sync.synchronize(hub.created(listing(n -> { })), false);
        String first = onlyRequest().trackId();

        // Tiki cannot delete a request it has not numbered yet: retried, then parked for replay
        assertThatThrownBy(() -> sync.synchronize(hub.updated(listing(n -> {
            n.put("version", 3);
            ((ObjectNode) n.get("description")).put("vi", "Mô tả mới của chè búp.");
        })), false)).isInstanceOf(DeliveryFailedException.class).hasMessageContaining("off its queue");

        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);
        assertThat(hub.binding(OCOP_ID).partnerRef()).isEqualTo(first);
        assertThat(tiki.requests()).hasSize(1);
        assertThat(hub.retryDelays).hasSize(hub.config.retry().maxAttempts() - 1);
    }

    @Test
    void aCrashBetweenTikisAnswerAndTheBindingDoesNotSendTheRequestAgain() {
        Listing listing = listing(n -> { });
        // Tiki answered, then the hub died before the binding was saved
        hub.adapter().upsert(listing, null);
        assertThat(hub.bindings.find(OCOP_ID, "tiki")).isEmpty();

        MarketplaceSynchronizer restarted = hub.synchronizer(hub.adapter());
        restarted.synchronize(hub.created(listing), false);

        FakeTikiRequest request = onlyRequest();
        assertThat(hub.binding(OCOP_ID).partnerRef()).isEqualTo(request.trackId());
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);
    }

    @Test
    void newContentDuringTheReviewReplacesTheRequestAndPriceOrStockDoNot() {
        sync.synchronize(hub.created(listing(n -> { })), false);
        FakeTikiRequest first = onlyRequest();

        sync.synchronize(hub.priceChanged(listing(n -> ((ObjectNode) n.get("price")).put("retail", 99_000))), false);
        assertThat(tiki.requests()).as("price waits for the approval").hasSize(1);

        Listing reworded = listing(n -> {
            n.put("version", 3);
            ((ObjectNode) n.get("price")).put("retail", 99_000);
            ((ObjectNode) n.get("description")).put("vi", "Chè búp Ba Trại, hái một tôm hai lá, sao tay.");
        });
        sync.synchronize(hub.updated(reworded), false);

        assertThat(tiki.requests()).hasSize(2);
        assertThat(tiki.request(first.trackId()).orElseThrow().state()).isEqualTo("deleted");
        FakeTikiRequest second = tiki.requests().get(1);
        assertThat(second.body().path("description").asText()).contains("sao tay");
        assertThat(hub.binding(OCOP_ID).partnerRef()).isEqualTo(second.trackId());

        sync.synchronize(hub.stockChanged(reworded.withStock(7, reworded.version())), false);
        assertThat(tiki.requests()).hasSize(2);
        tiki.approve(second.trackId());
        sync.pollApprovals(100);

        FakeTikiProduct onSale = tiki.product(SKU).orElseThrow();
        assertThat(onSale.price()).isEqualTo(99_000);
        assertThat(onSale.quantity()).isEqualTo(7);
        assertThat(onSale.isActive()).isTrue();
    }

    @Test
    void contentTikiRefusesIsRejectedWithTikisMessagesAndNotRetried() {
        tiki.requireAttributes(TikiHarness.BEVERAGE_CATEGORY, "brand", "origin", "volume_ml");

        sync.synchronize(hub.created(listing(n -> { })), false);

        Binding rejected = hub.binding(OCOP_ID);
        assertThat(rejected.state()).isEqualTo(BindingState.REJECTED);
        assertThat(rejected.reason()).contains("Attribute volume_ml is required for category 4424");
        assertThat(tiki.count("POST", FakeTiki.CREATE_PATH)).isEqualTo(1);
        assertThat(tiki.requests()).isEmpty();
        assertThat(hub.retryDelays).isEmpty();

        // nothing was queued, so once Tiki's rule is met the listing is sent normally
        tiki.requireAttributes(TikiHarness.BEVERAGE_CATEGORY, "brand", "origin");
        sync.synchronize(hub.updated(listing(n -> n.put("version", 3))), false);
        assertThat(tiki.requests()).hasSize(1);
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.PENDING_APPROVAL);
    }

    @Test
    void aSlowLookUpIsRetriedAfterTheTimeout() {
        tiki.delayNext("GET", "/integration/v2/products/findBy", 1, TikiHarness.HTTP_TIMEOUT.multipliedBy(2));

        sync.synchronize(hub.created(listing(n -> { })), false);

        assertThat(tiki.count("GET", "/integration/v2/products/findBy")).isEqualTo(2);
        assertThat(hub.retryDelays).hasSize(1);
        assertThat(tiki.requests()).hasSize(1);
    }

    @Test
    void anExistingProductWithOurSkuIsBoundInsteadOfRequestedAgain() {
        approvedAndOnSale();
        hub.jdbc.update("delete from binding where ocop_id = ?", OCOP_ID);
        hub.jdbc.update("delete from partner_credential where partner = 'tiki'");

        sync.synchronize(hub.updated(listing(n -> n.put("stock", 5))), false);

        Binding rebound = hub.binding(OCOP_ID);
        assertThat(rebound.state()).isEqualTo(BindingState.SYNCED);
        assertThat(rebound.partnerItemId()).isEqualTo(String.valueOf(tiki.product(SKU).orElseThrow().productId()));
        assertThat(tiki.requests()).hasSize(1);
        assertThat(tiki.product(SKU).orElseThrow().quantity()).isEqualTo(5);
    }

    private void approvedAndOnSale() {
        sync.synchronize(hub.created(listing(n -> { })), false);
        tiki.approve(onlyRequest().trackId());
        sync.pollApprovals(100);
        assertThat(hub.binding(OCOP_ID).state()).isEqualTo(BindingState.SYNCED);
    }

    private FakeTikiRequest onlyRequest() {
        assertThat(tiki.requests()).hasSize(1);
        return tiki.requests().get(0);
    }

    private static Listing listing(Consumer<ObjectNode> edit) {
        return TestListings.sample(0, edit);
    }
}
