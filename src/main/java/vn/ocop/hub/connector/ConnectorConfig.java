package vn.ocop.hub.connector;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.ocop.hub.model.ProductGroup;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One partner's {@code connectors-config/<partner>.yaml}, after {@code ${ENV:default}}
 * placeholders are resolved. Free-form parts ({@code transport}, {@code mapping},
 * {@code profile}) belong to the partner's connector; the rest is common to all eight.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConnectorConfig(
        String partner,
        String displayName,
        PartnerKind kind,
        /* which Adapter/Mapper implementation serves this partner; null = not built yet */
        String connector,
        boolean enabled,
        Toggles toggles,
        Eligibility eligibility,
        Map<String, Map<String, String>> mapping,
        PriceRules pricing,
        StockRules stock,
        Map<String, String> transport,
        /* settings that must be non-blank for the partner to run (credentials, base URL) */
        List<String> requires,
        Map<String, Object> profile,
        RateLimit rateLimit,
        RetryPolicy retry,
        Schedule schedule,
        Integer consumers) {

    public enum PartnerKind { MARKETPLACE, RETAIL_CHAIN }

    public record Toggles(boolean content, boolean price, boolean stock, boolean orders) {

        /** Whether a change of these aspects means anything to the partner (a chain takes no stock). */
        public boolean takesAny(java.util.Set<vn.ocop.hub.model.ChangeEvent.Aspect> aspects) {
            return (aspects.contains(vn.ocop.hub.model.ChangeEvent.Aspect.CONTENT) && content)
                    || (aspects.contains(vn.ocop.hub.model.ChangeEvent.Aspect.PRICE) && price)
                    || (aspects.contains(vn.ocop.hub.model.ChangeEvent.Aspect.STOCK) && stock);
        }
    }

    /**
     * @param includeTourism TOURISM listings are services: no partner takes them unless this says so
     */
    public record Eligibility(int minStars, Set<ProductGroup> groups, boolean gtinRequired, boolean includeTourism) {
    }

    /** Retail price sent = retail × (1 + markupPercent/100), rounded up to a multiple of roundTo VND. */
    public record PriceRules(BigDecimal markupPercent, Long roundTo) {
    }

    /** Listed stock = min(maxListed, floor(stock × (1 − bufferPercent/100)) − safetyStock), never below 0. */
    public record StockRules(BigDecimal bufferPercent, Integer safetyStock, Integer maxListed) {
    }

    public record RateLimit(double requestsPerSecond, Integer burst) {
    }

    /** Transient failures: attempts in all, first delay, multiplier, cap. Jitter is applied on top. */
    public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
    }

    /**
     * @param deltaEvery       how often a chain's waiting changes become a delta file
     * @param fullCron         Spring cron for the full snapshot (nightly by default)
     * @param archiveAfterDays files older than this move to outbox/archive/yyyyMMdd/
     * @param approvalPollEvery how often to ask a reviewing marketplace about pending items
     * @param inboxPollEvery    how often to look for files a retail chain dropped into its inbox
     * @param priceStockEvery   how often a marketplace that batches price and stock sends what is staged
     */
    public record Schedule(Duration deltaEvery, String fullCron, Integer archiveAfterDays, Duration approvalPollEvery,
                           Duration inboxPollEvery, Duration priceStockEvery) {
    }

    /** A connector setting from {@code profile}, trimmed; empty when absent or blank (an unset placeholder). */
    public java.util.Optional<String> setting(String key) {
        Object value = profile == null ? null : profile.get(key);
        return value == null || value.toString().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(value.toString().trim());
    }

    public String transport(String key) {
        return transport == null ? null : transport.get(key);
    }

    public String mapped(String table, String key) {
        if (mapping == null || mapping.get(table) == null) {
            return null;
        }
        return mapping.get(table).get(key);
    }

    public int consumerCount() {
        return consumers == null ? 1 : consumers;
    }
}
