package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lazada's failure envelope {@code {type, code, message, detail, request_id}}, usually under
 * HTTP 200, and what it means for the hub. {@code type} is ISV (the request), ISP (Lazada's
 * backend) or SYSTEM (the platform); {@code code} is a platform code ("IllegalAccessToken",
 * "ApiCallLimit") or the numeric code of the API's error table ("500", "4105", "E0002"), and
 * 500/501 are summaries whose cause is in {@code detail}.
 */
record LazadaError(String type, String code, String message, String requestId, List<String> details) {

    /** Lazada's backend is busy or throttling us: the same request can succeed a moment later. */
    private static final Set<String> BUSY = Set.of(
            "ApiCallLimit",             // per-API limit, "this ban will last 1 seconds"
            "E901", "901",              // "Limit service request speed in server side temporarily"
            "SYS_REQUEST_TOO_FAST", "4154",
            "998",                      // campaign-time downgrade of an API
            "ServiceTimeout",           // too much in one call, or a slow backend
            "6", "E006", "E0006",       // "Unexpected internal error"
            "513",                      // "Internal call exception ... a small number of occurrences are normal"
            "1000",                     // "Internal Application Error"
            "4159");                    // IC_EXCEPTION: item centre unavailable

    /**
     * The hub's own credentials, clock or request framing, not the listing's content: retried and
     * then parked for replay once the operator fixed it, rather than shown as a content rejection.
     * InvalidTimestamp is our name for the clock-skew refusal (Lazada documents the 7200 s window,
     * not its code).
     */
    private static final Set<String> HUB_SIDE = Set.of(
            "IncompleteSignature", "MissingParameter", "IllegalRefreshToken", "InvalidTimestamp",
            "AUTH_TYPE_UNSUPPORTED", "InvalidAppKey", "AppWhiteIpLimit");

    private static final Set<String> DUPLICATE_SELLER_SKU = Set.of("4105", "4126", "4141");
    private static final Set<String> ITEM_MISSING = Set.of("207", "208", "4136", "4137", "E0002", "E0003");

    private static final Pattern BAN_SECONDS = Pattern.compile("last\\s+(\\d+)\\s+second", Pattern.CASE_INSENSITIVE);

    static LazadaError from(JsonNode body) {
        List<String> details = new ArrayList<>();
        for (JsonNode d : body.path("detail")) {
            if (d.isObject()) {
                String field = d.path("field").asText("");
                String text = d.path("message").asText(d.toString());
                details.add(field.isEmpty() ? text : field + ": " + text);
            } else {
                details.add(d.asText());
            }
        }
        return new LazadaError(body.path("type").asText(""), body.path("code").asText(""),
                body.path("message").asText(""), body.path("request_id").asText(""), List.copyOf(details));
    }

    boolean accessTokenRejected() {
        return "IllegalAccessToken".equals(code);
    }

    boolean isTransient() {
        if (isDuplicateSellerSku() || isItemMissing()) {
            return false; // facts about the item, whatever the type says: the adapter acts on them
        }
        return "ISP".equalsIgnoreCase(type) || "SYSTEM".equalsIgnoreCase(type) || BUSY.contains(code)
                || HUB_SIDE.contains(code) || mentions("SYS_REQUEST_TOO_FAST");
    }

    boolean isHubSide() {
        return HUB_SIDE.contains(code);
    }

    boolean isDuplicateSellerSku() {
        return DUPLICATE_SELLER_SKU.contains(code) || mentions("BIZ_CHECK_SELLER_SKU_DUPLICATE")
                || mentions("F_IC_INFRA_PRODUCT_036");
    }

    boolean isItemMissing() {
        return ITEM_MISSING.contains(code) || mentions("ITEM_NOT_FOUND") || mentions("SKU_NOT_FOUND");
    }

    /** Deactivating an item that is already offline. */
    boolean isAlreadyOffline() {
        return "E0004".equals(code);
    }

    /** Lazada gives no Retry-After header; its throttling message says how long the ban lasts. */
    Duration retryAfter() {
        Matcher m = BAN_SECONDS.matcher(message);
        if (m.find()) {
            return Duration.ofSeconds(Long.parseLong(m.group(1)));
        }
        return BUSY.contains(code) && !"ServiceTimeout".equals(code) ? Duration.ofSeconds(1) : null;
    }

    /** Lazada's own words, which is what the operator needs on the listing's status. */
    String describe() {
        StringBuilder text = new StringBuilder(message.isBlank() ? code : message);
        if (!details.isEmpty()) {
            text.append(" (").append(String.join("; ", details)).append(')');
        }
        text.append(" [").append(type.isBlank() ? "" : type + " ").append("code ").append(code);
        if (!requestId.isBlank()) {
            text.append(", request ").append(requestId);
        }
        return text.append(']').toString();
    }

    private boolean mentions(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        if (message.toUpperCase(Locale.ROOT).contains(upper)) {
            return true;
        }
        return details.stream().anyMatch(d -> d.toUpperCase(Locale.ROOT).contains(upper));
    }
}
