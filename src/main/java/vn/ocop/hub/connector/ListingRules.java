package vn.ocop.hub.connector;

import vn.ocop.hub.model.Listing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A partner's price and stock rules from its configuration, applied to a canonical listing. */
public final class ListingRules {

    private ListingRules() {
    }

    /** Integer VND: retail plus markup, rounded up to the partner's step. */
    public static long price(ConnectorConfig config, Listing listing) {
        long retail = listing.price().retail();
        ConnectorConfig.PriceRules rules = config.pricing();
        if (rules == null) {
            return retail;
        }
        BigDecimal price = BigDecimal.valueOf(retail);
        if (rules.markupPercent() != null && rules.markupPercent().signum() != 0) {
            price = price.multiply(BigDecimal.ONE.add(rules.markupPercent().movePointLeft(2)));
        }
        long step = rules.roundTo() == null || rules.roundTo() < 1 ? 1 : rules.roundTo();
        BigDecimal steps = price.divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING);
        return steps.longValueExact() * step;
    }

    /** What the partner may sell: keeps a buffer for the producer's other channels. */
    public static int stock(ConnectorConfig config, Listing listing) {
        ConnectorConfig.StockRules rules = config.stock();
        int stock = listing.stock();
        if (rules == null) {
            return stock;
        }
        if (rules.bufferPercent() != null && rules.bufferPercent().signum() > 0) {
            stock = BigDecimal.valueOf(stock)
                    .multiply(BigDecimal.ONE.subtract(rules.bufferPercent().movePointLeft(2)))
                    .setScale(0, RoundingMode.FLOOR).intValue();
        }
        if (rules.safetyStock() != null) {
            stock -= rules.safetyStock();
        }
        if (rules.maxListed() != null) {
            stock = Math.min(stock, rules.maxListed());
        }
        return Math.max(0, stock);
    }
}
