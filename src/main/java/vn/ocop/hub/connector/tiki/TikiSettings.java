package vn.ocop.hub.connector.tiki;

import vn.ocop.hub.connector.ConnectorConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Tiki's own settings from {@code connectors-config/tiki.yaml}, checked once when the adapter is
 * built so that a typo fails the start-up instead of every delivery.
 *
 * @param warehouseId             the seller warehouse whose stock the hub manages (Seller Center id)
 * @param inventoryType           Tiki's fulfilment model for new products (dropship, seller_backorder …)
 * @param defaultBrand            sent when a listing names no brand; Tiki requires the attribute
 * @param unconfirmedCreateExpiry how long a create whose answer was lost may stay unresolved before
 *                                the hub stops waiting for Tiki's product to appear
 */
record TikiSettings(String clientId, String clientSecret, long warehouseId, String inventoryType,
                    String defaultBrand, Duration unconfirmedCreateExpiry) {

    static final String DEFAULT_INVENTORY_TYPE = "dropship";
    static final String DEFAULT_BRAND = "OEM";
    static final Duration DEFAULT_UNCONFIRMED_EXPIRY = Duration.ofDays(7);

    static TikiSettings from(ConnectorConfig config) {
        Map<String, Object> profile = config.profile() == null ? Map.of() : config.profile();
        return new TikiSettings(
                required(config, "clientId"),
                required(config, "clientSecret"),
                warehouse(required(config, "warehouseId")),
                text(profile, "inventoryType", DEFAULT_INVENTORY_TYPE),
                text(profile, "defaultBrand", DEFAULT_BRAND),
                duration(text(profile, "unconfirmedCreateExpiry", null)));
    }

    /** Never prints the secret: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "TikiSettings[clientId=" + clientId + ", clientSecret=***, warehouseId=" + warehouseId
                + ", inventoryType=" + inventoryType + ", defaultBrand=" + defaultBrand
                + ", unconfirmedCreateExpiry=" + unconfirmedCreateExpiry + "]";
    }

    private static String required(ConnectorConfig config, String key) {
        String value = config.transport(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("connectors-config/tiki.yaml: transport." + key + " is not set");
        }
        return value.trim();
    }

    private static long warehouse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("TIKI_WAREHOUSE_ID must be Tiki's numeric warehouse id, got '" + value + "'");
        }
    }

    private static String text(Map<String, Object> profile, String key, String fallback) {
        Object value = profile.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static Duration duration(String value) {
        if (value == null) {
            return DEFAULT_UNCONFIRMED_EXPIRY;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("profile.unconfirmedCreateExpiry must be an ISO-8601 duration such as P7D, got '"
                    + value + "'");
        }
    }
}
