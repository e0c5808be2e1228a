package vn.ocop.hub.connector;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.support.TestListings;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ListingRulesTest {

    private static ConnectorConfig config(ConnectorConfig.PriceRules price, ConnectorConfig.StockRules stock) {
        return new ConnectorConfig("p", "P", ConnectorConfig.PartnerKind.MARKETPLACE, "x", true,
                new ConnectorConfig.Toggles(true, true, true, true), null, null, price, stock, null, null, null, null,
                null, null, null);
    }

    @Test
    void markupIsAddedAndRoundedUpToTheStep() {
        Listing l = TestListings.sample(0, n -> n.with("price").put("retail", 123_456));
        ConnectorConfig c = config(new ConnectorConfig.PriceRules(new BigDecimal("10"), 1000L), null);
        // 123,456 × 1.10 = 135,801.6 → next 1,000
        assertThat(ListingRules.price(c, l)).isEqualTo(136_000);
        assertThat(ListingRules.price(config(null, null), l)).isEqualTo(123_456);
    }

    @Test
    void stockKeepsBufferAndSafetyAndNeverGoesNegative() {
        Listing l = TestListings.sample(0, n -> n.put("stock", 100));
        assertThat(ListingRules.stock(config(null, new ConnectorConfig.StockRules(new BigDecimal("15"), 5, null)), l))
                .isEqualTo(80);
        assertThat(ListingRules.stock(config(null, new ConnectorConfig.StockRules(null, 0, 30)), l)).isEqualTo(30);
        Listing few = TestListings.sample(0, n -> n.put("stock", 3));
        assertThat(ListingRules.stock(config(null, new ConnectorConfig.StockRules(null, 5, null)), few)).isZero();
    }
}
