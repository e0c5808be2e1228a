package vn.ocop.hub.fakes.lazada;

import java.util.Map;

/**
 * One request the fake received and how it answered: {@code code} is Lazada's envelope code
 * ("0" on success), "HTTP5xx" for an injected gateway failure, "DROPPED" when the connection
 * was closed without an answer.
 */
public record FakeLazadaRequest(String method, String apiPath, Map<String, String> params, int httpStatus,
                                String code) {

    public boolean succeeded() {
        return "0".equals(code);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** How many {@code <Sku>} a price_quantity/update payload carried (0 for other calls). */
    public int skus() {
        String payload = params.get("payload");
        return payload == null ? 0 : payload.split("<Sku>", -1).length - 1;
    }
}
