package vn.ocop.hub.connector.shopee;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * An encoded query string. Shopee reads the common parameters (partner_id, timestamp,
 * access_token, shop_id, sign) from the query of every call, and GET calls carry their business
 * parameters there too, repeating a name for a list ({@code item_status=NORMAL&item_status=UNLIST}).
 */
final class ShopeeQuery {

    private final StringJoiner parts = new StringJoiner("&");

    ShopeeQuery add(String name, Object value) {
        parts.add(encode(name) + "=" + encode(String.valueOf(value)));
        return this;
    }

    ShopeeQuery addAll(ShopeeQuery other) {
        if (other != null && other.parts.length() > 0) {
            parts.add(other.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return parts.toString();
    }

    private static String encode(String text) {
        // URLEncoder is form encoding: a space must be %20 in a query, not +
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
