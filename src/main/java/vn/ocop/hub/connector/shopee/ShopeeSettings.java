package vn.ocop.hub.connector.shopee;

import vn.ocop.hub.connector.ConnectorConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shopee's part of {@code connectors-config/shopee.yaml}: the transport credentials and the
 * {@code profile} settings that only this connector reads.
 *
 * @param problem set when a setting cannot be used (a non-numeric shop id, say). The adapter is
 *                still built, so one partner's typo never stops the hub from starting; every
 *                call then fails as transient with this text and is parked for replay.
 */
record ShopeeSettings(long partnerId, String partnerKey, long shopId, String configuredRefreshToken,
                      List<Long> logisticIds, boolean freeShipping, int descriptionMaxLength,
                      Duration tokenRefreshMargin, String problem) {

    static final int DEFAULT_DESCRIPTION_MAX = 3000;
    static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(15);

    static ShopeeSettings from(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        long partnerId = number(config.transport("partnerId"), "SHOPEE_PARTNER_ID", problems);
        long shopId = number(config.transport("shopId"), "SHOPEE_SHOP_ID", problems);
        Map<String, Object> profile = config.profile() == null ? Map.of() : config.profile();
        List<Long> logistics = new ArrayList<>();
        for (String id : text(profile.get("logisticIds"), "").split(",")) {
            if (!id.isBlank()) {
                logistics.add(number(id.trim(), "profile.logisticIds", problems));
            }
        }
        if (logistics.isEmpty()) {
            problems.add("profile.logisticIds names no logistics channel (SHOPEE_LOGISTIC_IDS)");
        }
        int descriptionMax = (int) number(text(profile.get("descriptionMaxLength"),
                String.valueOf(DEFAULT_DESCRIPTION_MAX)), "profile.descriptionMaxLength", problems);
        Duration margin = DEFAULT_REFRESH_MARGIN;
        try {
            margin = Duration.parse(text(profile.get("tokenRefreshMargin"), DEFAULT_REFRESH_MARGIN.toString()));
        } catch (DateTimeParseException e) {
            problems.add("profile.tokenRefreshMargin is not an ISO-8601 duration");
        }
        return new ShopeeSettings(partnerId, config.transport("partnerKey"), shopId,
                config.transport("refreshToken"), List.copyOf(logistics),
                Boolean.parseBoolean(text(profile.get("freeShipping"), "false")), descriptionMax, margin,
                problems.isEmpty() ? null : "Shopee configuration: " + String.join("; ", problems));
    }

    private static long number(String value, String name, List<String> problems) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a number");
            return 0;
        }
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
