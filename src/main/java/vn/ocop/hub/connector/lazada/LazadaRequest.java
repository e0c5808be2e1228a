package vn.ocop.hub.connector.lazada;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Lazada API call before signing: the API path (also the signed name, e.g. "/product/create")
 * and its business parameters. {@code inventory} calls (price and quantity) fall under Lazada's
 * separate per-seller inventory limit, so they skip the content budget.
 */
record LazadaRequest(String method, String apiPath, Map<String, String> params, boolean inventory) {

    static LazadaRequest get(String apiPath, Map<String, String> params) {
        return new LazadaRequest("GET", apiPath, new LinkedHashMap<>(params), false);
    }

    static LazadaRequest post(String apiPath, String name, String value) {
        return new LazadaRequest("POST", apiPath, new LinkedHashMap<>(Map.of(name, value)), false);
    }

    static LazadaRequest inventory(String apiPath, String name, String value) {
        return new LazadaRequest("POST", apiPath, new LinkedHashMap<>(Map.of(name, value)), true);
    }
}
