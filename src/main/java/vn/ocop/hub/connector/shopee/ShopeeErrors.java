package vn.ocop.hub.connector.shopee;

import java.util.Locale;
import java.util.Set;

/**
 * Which of Shopee's error codes are worth retrying. Codes come from the error tables of the
 * v2 API reference (the same common block heads every product API's table).
 */
final class ShopeeErrors {

    enum Kind {
        /** error_auth: refresh the access token and try once more. */
        AUTH,
        /** Shopee's own "try later" family, or a credential/clock problem the listing cannot fix. */
        TRANSIENT,
        /** Shopee refused the content: the binding shows REJECTED with Shopee's message. */
        PERMANENT
    }

    private static final Set<String> RETRYABLE = Set.of("error_server", "error_inner", "error_network",
            "error_system_busy", "error_get_shop_fail");

    /**
     * The gateway's own checks (signature, partner id, timestamp, shop) answer error_param or
     * error_sign too, but say nothing about the listing: a wrong key or a skewed clock must park
     * the change for replay once fixed, not mark every listing REJECTED.
     */
    private static final Set<String> GATEWAY_MESSAGES = Set.of("partner_id", "timestamp", "no sign",
            "wrong sign", "access_token", "shop_id", "shopid", "request not from gateway", "illegal request");

    private ShopeeErrors() {
    }

    static Kind classify(String code, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code.equals("error_auth")) {
            return Kind.AUTH;
        }
        if (RETRYABLE.contains(code) || text.contains("try later") || text.contains("try again later")) {
            return Kind.TRANSIENT;
        }
        if (code.equals("error_sign") || code.equals("error_shop") || code.startsWith("error_param_shop")
                || code.equals("error_auth_shop_not_found")) {
            return Kind.TRANSIENT;
        }
        if (code.equals("error_param") && GATEWAY_MESSAGES.stream().anyMatch(text::contains)) {
            return Kind.TRANSIENT;
        }
        return Kind.PERMANENT;
    }

    /**
     * error_auth also carries content problems ("Stock should be larger than reserved stock"):
     * after a fresh token is refused again, only a token or permission message stays transient.
     */
    static boolean isCredentialProblem(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return text.contains("access_token") || text.contains("permission") || text.contains("shop")
                || text.contains("partner");
    }

    /** error_item_not_found, "Item_id is not found.", "Product not found", per-entry reasons alike. */
    static boolean meansItemMissing(String code, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return code.equals("error_item_not_found") || code.equals("error_item_not_belong_shop")
                || text.contains("item_id is not found") || text.contains("product not found")
                || text.contains("item not found") || text.contains("not belong to shop");
    }
}
