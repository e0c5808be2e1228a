package vn.ocop.hub.fakes.shopee;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as the fake received it: the raw path (what Shopee signs), the decoded query
 * parameters with repeated names kept ({@code item_status=NORMAL&item_status=UNLIST}), the
 * Content-Type and the raw body.
 */
record ShopeeCall(String method, String path, Map<String, List<String>> query, String contentType, byte[] body) {

    static ShopeeCall of(String method, String rawPath, String rawQuery, String contentType, byte[] body) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new ShopeeCall(method, rawPath, query, contentType == null ? "" : contentType, body);
    }

    /** The first value, or null when the parameter is absent. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        // a '+' in a query is a literal plus for Shopee's gateway, only %20 is a space
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
