package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.connector.ConnectorConfig;

import java.time.Duration;

/**
 * The {@code transport} part of connectors-config/lazada.yaml, read once.
 *
 * @param refreshBeforeExpiry how long before the access token's expiry a new one is fetched
 * @param contentPerSecond    Lazada's budget for catalogue calls (create, update, look-up, images);
 *                            inventory calls are only held by the partner-wide rate limit
 * @param skusPerCall         SKUs per price_quantity/update call, 1 to {@link LazadaPriceQuantity#MAX_SKUS}
 */
record LazadaSettings(String partner, String appKey, String appSecret, String accessToken, String refreshToken,
                      String authUrl, Duration refreshBeforeExpiry, double contentPerSecond, int skusPerCall) {

    static final Duration DEFAULT_REFRESH_BEFORE_EXPIRY = Duration.ofHours(24);
    static final double DEFAULT_CONTENT_PER_SECOND = 5;

    static LazadaSettings from(ConnectorConfig config) {
        return new LazadaSettings(
                config.partner(),
                required(config, "appKey"),
                required(config, "appSecret"),
                blankToNull(config.transport("accessToken")),
                blankToNull(config.transport("refreshToken")),
                required(config, "authUrl"),
                duration(config.transport("refreshBeforeExpiry")),
                perSecond(config.transport("contentRequestsPerSecond")),
                skusPerCall(config));
    }

    private static int skusPerCall(ConnectorConfig config) {
        String text = config.setting("priceStockSkusPerCall").orElse(String.valueOf(LazadaPriceQuantity.MAX_SKUS));
        int skus;
        try {
            skus = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            skus = -1;
        }
        if (skus < 1 || skus > LazadaPriceQuantity.MAX_SKUS) {
            throw new IllegalStateException(config.partner() + ": profile.priceStockSkusPerCall must be a whole number "
                    + "from 1 to " + LazadaPriceQuantity.MAX_SKUS + " (Lazada's limit per call), not '" + text + "'");
        }
        return skus;
    }

    private static String required(ConnectorConfig config, String key) {
        String value = config.transport(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(config.partner() + ": transport." + key + " is not set");
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Duration duration(String text) {
        return text == null || text.isBlank() ? DEFAULT_REFRESH_BEFORE_EXPIRY : Duration.parse(text.trim());
    }

    private static double perSecond(String text) {
        return text == null || text.isBlank() ? DEFAULT_CONTENT_PER_SECOND : Double.parseDouble(text.trim());
    }
}
