package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.Eligibility;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.lazada.FakeLazadaItem;
import vn.ocop.hub.fakes.lazada.FakeLazadaRequest;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.samples.ListingGenerator;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.support.TestListings;
import vn.ocop.hub.validation.ListingValidator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lazada's price_quantity/update takes up to 50 SKUs: price- and stock-only changes are staged by
 * the listing consumers and sent in batches, in order with the listing's other changes.
 */
class LazadaPriceStockBatchTest {


    @Test
    void oneHundredTwentyStockChangesGoAsThreeCallsOfAtMostFifty() {
        try (LazadaRig rig = LazadaRig.start(Map.of("LAZADA_RATE_LIMIT", "2000", "LAZADA_RATE_BURST", "100"), false)) {
            List<Listing> listings = eligible(rig, 120);
            for (Listing l : listings) {
                rig.created(l, 1);
            }
            int creates = rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY);

            for (int i = 0; i < listings.size(); i++) {
                rig.consume(listings.get(i).withStock(1000 + i, 5), 2, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            }

            assertThat(rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY)).as("nothing sent by the consumers")
                    .isEqualTo(creates);
            assertThat(rig.priceStock.count("lazada")).as("staged durably").isEqualTo(120);
            Binding waiting = rig.binding(listings.get(0));
            assertThat(waiting.state()).isEqualTo(BindingState.PENDING);
            assertThat(waiting.reason()).contains("queued");
            assertThat(waiting.deliveredRevision()).as("not delivered yet").isEqualTo(1);

            assertThat(rig.flush()).isEqualTo(120);

            List<FakeLazadaRequest> batches = rig.lazada.requests(FakeLazada.PRICE_QUANTITY)
                    .subList(creates, rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY));
            assertThat(batches).extracting(FakeLazadaRequest::skus).containsExactly(50, 50, 20);
            assertThat(batches).allMatch(FakeLazadaRequest::succeeded);
            assertThat(batches).extracting(r -> r.param("payload")).allSatisfy(p -> assertThat(p)
                    .contains("<Quantity>").doesNotContain("<Price>"));
            for (int i = 0; i < listings.size(); i++) {
                Listing l = listings.get(i);
                assertThat(rig.lazada.item(l.sku()).orElseThrow().quantity()).as(l.sku()).isEqualTo(1000 + i);
                Binding done = rig.binding(l);
                assertThat(done.state()).isEqualTo(BindingState.SYNCED);
                assertThat(done.deliveredRevision()).isEqualTo(2);
                assertThat(done.reason()).isNull();
            }
            assertThat(rig.priceStock.count("lazada")).isZero();
            assertThat(rig.flush()).as("nothing left").isZero();
            assertThat(rig.lazada.items()).hasSize(120);
        }
    }

    @Test
    void aPriceAndThenAStockChangeGoAsOneSkuCarryingBothLatestValues() {
        try (LazadaRig rig = LazadaRig.start()) {
            Listing v1 = TestListings.sample(0);
            rig.created(v1, 1);
            int before = rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY);

            Listing cheaper = TestListings.sample(0, n -> ((ObjectNode) n.get("price")).put("retail", 99_000)
                    .put("version", 3));
            rig.consume(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE);
            rig.consume(cheaper.withStock(7, 4), 3, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            rig.consume(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE); // a redelivered older message
            rig.flush();

            assertThat(rig.lazada.requests(FakeLazada.PRICE_QUANTITY)).hasSize(before + 1).last()
                    .satisfies(r -> assertThat(r.param("payload")).contains("<Price>99000</Price>",
                            "<Quantity>7</Quantity>"));
            FakeLazadaItem item = rig.lazada.item(v1.sku()).orElseThrow();
            assertThat(item.price()).isEqualTo(99_000);
            assertThat(item.quantity()).isEqualTo(7);
            assertThat(rig.binding(v1).deliveredRevision()).isEqualTo(3);
            assertThat(rig.binding(v1).state()).isEqualTo(BindingState.SYNCED);
        }
    }

    @Test
    void aContentUpdateSupersedesAStagedPriceAndCarriesTheNewerOne() {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.created(TestListings.sample(0), 1);
            Listing cheaper = TestListings.sample(0, n -> ((ObjectNode) n.get("price")).put("retail", 99_000)
                    .put("version", 3));
            rig.consume(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE);
            Listing renamed = TestListings.sample(0, n -> {
                ((ObjectNode) n.get("price")).put("retail", 101_000);
                ((ObjectNode) n.get("name")).put("vi", "Chè búp Ba Trại hảo hạng");
                n.put("version", 4);
            });
            rig.consume(renamed, 3, ChangeType.UPDATED, Aspect.CONTENT, Aspect.PRICE);
            int afterContent = rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY);

            assertThat(rig.priceStock.count("lazada")).as("the staged price was superseded").isZero();
            assertThat(rig.flush()).isZero();
            assertThat(rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY)).isEqualTo(afterContent);
            assertThat(rig.lazada.item(renamed.sku()).orElseThrow().price()).isEqualTo(101_000);
            assertThat(rig.binding(renamed).deliveredRevision()).isEqualTo(3);
        }
    }

    @Test
    void aContentUpdateWaitsForABatchInFlightSoTheOlderPriceCannotLandLast() throws Exception {
        try (LazadaRig rig = LazadaRig.start()) {
            rig.created(TestListings.sample(0), 1);
            Listing cheaper = TestListings.sample(0, n -> ((ObjectNode) n.get("price")).put("retail", 99_000)
                    .put("version", 3));
            rig.consume(cheaper, 2, ChangeType.PRICE_CHANGED, Aspect.PRICE);
            rig.lazada.holdNext(FakeLazada.PRICE_QUANTITY, 1, Duration.ofMillis(1500));
            Thread batchSender = new Thread(rig::flush);
            batchSender.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rig.lazada.arrivalLog().arrivals(FakeLazada.PRICE_QUANTITY::equals).isEmpty()) {
                assertThat(System.nanoTime()).as("the batch reached Lazada").isLessThan(deadline);
                Thread.sleep(10);
            }

            Listing dearer = TestListings.sample(0, n -> {
                ((ObjectNode) n.get("price")).put("retail", 140_000);
                ((ObjectNode) n.get("name")).put("vi", "Chè búp Ba Trại hảo hạng");
                n.put("version", 4);
            });
            rig.consume(dearer, 3, ChangeType.UPDATED, Aspect.CONTENT, Aspect.PRICE);
            batchSender.join();

            assertThat(rig.lazada.item(dearer.sku()).orElseThrow().price()).as("the newer price, applied last")
                    .isEqualTo(140_000);
            assertThat(rig.lazada.requests(FakeLazada.PRICE_QUANTITY)).extracting(r -> r.param("payload"))
                    .last().satisfies(p -> assertThat(p).contains("<Price>140000</Price>"));
            assertThat(rig.binding(dearer).deliveredRevision()).isEqualTo(3);
            assertThat(rig.binding(dearer).state()).isEqualTo(BindingState.SYNCED);
        }
    }

    @Test
    void aWithdrawalDiscardsStagedStockAndTheItemGoesOffline() {
        try (LazadaRig rig = LazadaRig.start()) {
            Listing tea = TestListings.sample(0);
            rig.created(tea, 1);
            int before = rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY);
            rig.consume(tea.withStock(3, 2), 2, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            rig.consume(tea, 3, ChangeType.WITHDRAWN);
            rig.flush();

            assertThat(rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY)).isEqualTo(before);
            assertThat(rig.lazada.item(tea.sku()).orElseThrow().status()).isEqualTo("InActive");
            assertThat(rig.binding(tea).state()).isEqualTo(BindingState.WITHDRAWN);
            assertThat(rig.priceStock.count("lazada")).isZero();
        }
    }

    @Test
    void aBatchWithAnItemTheSellerDeletedIsSentAgainOneByOneAndThatItemIsCreatedAgain() {
        try (LazadaRig rig = LazadaRig.start()) {
            List<Listing> three = List.of(TestListings.sample(0), TestListings.sample(1), TestListings.sample(2));
            three.forEach(l -> rig.created(l, 1));
            String deleted = three.get(1).sku();
            String firstId = rig.lazada.item(deleted).orElseThrow().itemId();
            rig.lazada.deleteInSellerCenter(deleted);
            int before = rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY);

            for (Listing l : three) {
                rig.consume(l.withStock(42, 2), 2, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            }
            assertThat(rig.flush()).isEqualTo(3);

            List<FakeLazadaRequest> sent = rig.lazada.requests(FakeLazada.PRICE_QUANTITY)
                    .subList(before, rig.lazada.requestCount(FakeLazada.PRICE_QUANTITY));
            assertThat(sent.get(0)).satisfies(batch -> {
                assertThat(batch.skus()).isEqualTo(3);
                assertThat(batch.code()).as("E501, naming the SKU").isEqualTo("501");
            });
            assertThat(sent.subList(1, sent.size())).allMatch(r -> r.skus() == 1);
            for (Listing l : three) {
                FakeLazadaItem item = rig.lazada.item(l.sku()).orElseThrow();
                assertThat(item.quantity()).as(l.sku()).isEqualTo(42);
                assertThat(item.active()).isTrue();
                assertThat(rig.binding(l).state()).isEqualTo(BindingState.SYNCED);
                assertThat(rig.binding(l).deliveredRevision()).isEqualTo(2);
            }
            assertThat(rig.lazada.item(deleted).orElseThrow().itemId()).as("created again").isNotEqualTo(firstId);
            assertThat(rig.binding(three.get(1)).partnerItemId()).isEqualTo(rig.lazada.item(deleted).orElseThrow().itemId());
            assertThat(rig.priceStock.count("lazada")).isZero();
        }
    }

    @Test
    void aBatchThatKeepsFailingStaysStagedAndIsSentAfterItsBackoff() {
        try (LazadaRig rig = LazadaRig.start(Map.of("LAZADA_RETRY_ATTEMPTS", "2"), false)) {
            Listing tea = TestListings.sample(0);
            rig.created(tea, 1);
            rig.consume(tea.withStock(9, 2), 2, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            rig.lazada.failNext(FakeLazada.PRICE_QUANTITY, 2, 503);

            assertThat(rig.flush()).isZero();

            assertThat(rig.priceStock.count("lazada")).as("kept, not dropped").isEqualTo(1);
            Binding failing = rig.binding(tea);
            assertThat(failing.reason()).contains("price/stock update failing", "attempt 1");
            assertThat(failing.deliveredRevision()).isEqualTo(1);
            assertThat(rig.flush()).as("waits out its backoff").isZero();

            rig.batchClock.advance(Duration.ofSeconds(31));
            assertThat(rig.flush()).isEqualTo(1);

            assertThat(rig.lazada.item(tea.sku()).orElseThrow().quantity()).isEqualTo(9);
            assertThat(rig.binding(tea).state()).isEqualTo(BindingState.SYNCED);
            assertThat(rig.binding(tea).reason()).isNull();
            assertThat(rig.priceStock.count("lazada")).isZero();
        }
    }

    @Test
    void aSkuLockedByACampaignIsRejectedWithLazadasWordsAndTheRestOfItsBatchIsDelivered() {
        try (LazadaRig rig = LazadaRig.start()) {
            Listing good = TestListings.sample(0);
            Listing other = TestListings.sample(1);
            rig.created(good, 1);
            rig.created(other, 1);
            rig.consume(good.withStock(5, 4), 2, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            rig.consume(other.withStock(6, 4), 2, ChangeType.STOCK_CHANGED, Aspect.STOCK);
            rig.lazada.lockForCampaign(other.sku());

            rig.flush();

            assertThat(rig.lazada.item(good.sku()).orElseThrow().quantity()).isEqualTo(5);
            assertThat(rig.binding(good).state()).isEqualTo(BindingState.SYNCED);
            Binding refused = rig.binding(other);
            assertThat(refused.state()).isEqualTo(BindingState.REJECTED);
            assertThat(refused.reason()).contains(other.sku(), "campaign", "4170");
            assertThat(refused.live()).as("still on sale at its old stock").isTrue();
            assertThat(rig.priceStock.count("lazada")).isZero();
        }
    }

    /** Generated listings Lazada's configuration takes, with their own SKUs and images. */
    private static List<Listing> eligible(LazadaRig rig, int count) {
        ListingValidator validator = ListingValidator.withSystemClock();
        ListingGenerator generator = new ListingGenerator(ListingGenerator.DEFAULT_SEED);
        List<Listing> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            Listing l = validator.validate(generator.listing(i, 1)).listing();
            if (l != null && Eligibility.whyNot(rig.config, l).isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }
}
