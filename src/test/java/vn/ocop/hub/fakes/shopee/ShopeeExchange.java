package vn.ocop.hub.fakes.shopee;

import java.util.List;
import java.util.Map;

/**
 * One request the fake received and how it answered it.
 *
 * @param status  HTTP status answered; 0 when the connection was dropped without an answer
 * @param error   the envelope's error code, "" on success
 * @param query   decoded query parameters, repeated names kept
 * @param body    the request body as text (multipart bodies included, as Latin-1 garbage)
 */
public record ShopeeExchange(String method, String path, Map<String, List<String>> query, String body, int status,
                             String error) {

    public ShopeeExchange {
        query = Map.copyOf(query);
    }

    public boolean succeeded() {
        return status == 200 && error.isEmpty();
    }

    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
