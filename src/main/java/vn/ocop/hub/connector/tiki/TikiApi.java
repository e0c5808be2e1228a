package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Tiki Open API calls the connector makes, with the bearer token and Tiki's error classes:
 * 429 and 5xx are transient (PartnerHttp throws those), 401 gets a new token and one more try,
 * any other 4xx is Tiki refusing the content and becomes a {@link PermanentPartnerException}
 * carrying Tiki's own messages.
 */
final class TikiApi {

    static final String CREATE_REQUEST = "/integration/v2.1/requests";
    static final String TRACKING = "/integration/v2/tracking/";
    static final String REQUEST = "/integration/v2/requests/";
    static final String PRODUCT_BY_SKU = "/integration/v2/products/findBy";
    static final String UPDATE_SKU = "/integration/v2.1/products/updateSku";

    enum SkuUpdate { UPDATED, PRODUCT_NOT_FOUND }

    private final PartnerHttp http;
    private final TikiTokens tokens;
    private final ObjectMapper json;

    TikiApi(PartnerHttp http, TikiTokens tokens, ObjectMapper json) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
    }

    /** {@code POST /integration/v2.1/requests} → Tiki's track id for the new request. */
    String createRequest(ObjectNode body) {
        String token = tokens.bearer();
        PartnerHttp.Response r = sendCreate(body, token);
        if (r.status() == 401) {
            tokens.rejected(token);
            r = sendCreate(body, tokens.bearer());
            if (r.status() == 401) {
                throw new TransientPartnerException("Tiki refused a freshly issued token on POST " + CREATE_REQUEST
                        + ": " + TikiErrors.describe(r.body(), json));
            }
        }
        String accepted = ok(r, "the product request");
        String trackId;
        try {
            trackId = TikiJson.id(json.readTree(accepted), "track_id");
        } catch (Exception unreadable) {
            trackId = null;
        }
        if (trackId == null) {
            throw new TikiUnconfirmedCreateException("Tiki accepted a product request but sent no track_id: "
                    + TikiErrors.describe(r.body(), json), null);
        }
        return trackId;
    }

    /** Separates "never reached Tiki" (safe to send again) from "Tiki may have queued it" (not safe). */
    private PartnerHttp.Response sendCreate(ObjectNode body, String token) {
        try {
            return http.send(request("POST", CREATE_REQUEST, null, body, token));
        } catch (TransientPartnerException e) {
            if (TikiDelivery.mayHaveArrived(e)) {
                throw new TikiUnconfirmedCreateException("Tiki's answer to a product request was lost: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Empty when Tiki does not know the track id (never issued, or older than its 30 days). */
    Optional<TikiTracking> tracking(String trackId) {
        PartnerHttp.Response r = call("GET", TRACKING + segment(trackId), null, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        JsonNode t = TikiJson.read(json, ok(r, "tracking " + trackId), "tracking " + trackId);
        String reason = t.path("reason").isNull() || t.path("reason").isMissingNode() ? null : t.path("reason").asText();
        return Optional.of(new TikiTracking(trackId, TikiJson.id(t, "request_id"), t.path("state").asText(null), reason));
    }

    /**
     * The product an approved request became, from {@code GET /integration/v2/requests/{id}}: the
     * entry whose {@code original_sku} is ours (a request makes one product per variant).
     */
    Optional<TikiProduct> productOfRequest(String requestId, String sku) {
        PartnerHttp.Response r = call("GET", REQUEST + segment(requestId), null, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        JsonNode request = TikiJson.read(json, ok(r, "request " + requestId), "request " + requestId);
        for (JsonNode product : request.path("products")) {
            String originalSku = product.path("original_sku").asText(null);
            String productId = TikiJson.id(product, "product_id", "id");
            if (productId != null && (sku == null || sku.equals(originalSku))) {
                return Optional.of(new TikiProduct(productId, originalSku == null ? sku : originalSku));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code DELETE /integration/v2/requests/{id}}: withdraws a request Tiki is still reviewing.
     * Empty when deleted; otherwise Tiki's reason for refusing (it has decided on it already).
     */
    Optional<String> deleteRequest(String requestId) {
        PartnerHttp.Response r = call("DELETE", REQUEST + segment(requestId), null, null);
        if (r.ok()) {
            return Optional.empty();
        }
        return Optional.of("(" + r.status() + ") " + TikiErrors.describe(r.body(), json));
    }

    /** {@code GET /integration/v2/products/findBy?original_sku=}: only approved requests are products. */
    Optional<String> productIdBySku(String sku) {
        PartnerHttp.Response r = call("GET", PRODUCT_BY_SKU, "original_sku=" + query(sku), null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        JsonNode answer = TikiJson.read(json, ok(r, "the look-up of original_sku " + sku), "a product look-up");
        // the 2020 reference wraps the match in data[]; a bare product is accepted as well
        JsonNode candidates = answer.has("data") ? answer.path("data") : answer;
        if (candidates.isObject()) {
            return matching(candidates, sku);
        }
        for (JsonNode product : candidates) {
            Optional<String> id = matching(product, sku);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** {@code PUT /integration/v2.1/products/updateSku}; Tiki applies it at once ({@code state: approved}). */
    SkuUpdate updateSku(ObjectNode body) {
        PartnerHttp.Response r = call("PUT", UPDATE_SKU, null, body);
        if (r.status() == 404) {
            return SkuUpdate.PRODUCT_NOT_FOUND;
        }
        ok(r, "the update of " + body.path("original_sku").asText());
        return SkuUpdate.UPDATED;
    }

    JsonNode order(String orderCode) {
        String path = TikiOrderApi.ORDER + segment(orderCode);
        return TikiJson.read(json, ok(call("GET", path, null, null), "the look-up of order " + orderCode),
                "order " + orderCode);
    }

    JsonNode pullEvents(String queueCode, String ackId) {
        ObjectNode body = json.createObjectNode();
        if (ackId == null) {
            body.putNull("ack_id");
        } else {
            body.put("ack_id", ackId);
        }
        String path = TikiOrderApi.QUEUES + segment(queueCode) + "/events/pull";
        return TikiJson.read(json, ok(call("POST", path, null, body), "a pull from event queue " + queueCode),
                "events of queue " + queueCode);
    }

    private Optional<String> matching(JsonNode product, String sku) {
        String originalSku = product.path("original_sku").asText(null);
        if (originalSku != null && !originalSku.equals(sku)) {
            return Optional.empty();
        }
        return Optional.ofNullable(TikiJson.id(product, "product_id", "id"));
    }

    private PartnerHttp.Response call(String method, String path, String query, ObjectNode body) {
        String token = tokens.bearer();
        PartnerHttp.Response r = http.send(request(method, path, query, body, token));
        if (r.status() == 401) {
            // the token expired early or was revoked: one new token, one more try
            tokens.rejected(token);
            r = http.send(request(method, path, query, body, tokens.bearer()));
            if (r.status() == 401) {
                throw new TransientPartnerException("Tiki refused a freshly issued token on " + method + " " + path
                        + ": " + TikiErrors.describe(r.body(), json));
            }
        }
        return r;
    }

    private PartnerHttp.Request request(String method, String path, String query, ObjectNode body, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        return new PartnerHttp.Request(method, path, query, headers, "application/json; charset=UTF-8", bytes);
    }

    /** The body of a 2xx answer; any other 4xx is Tiki refusing what we sent. */
    private String ok(PartnerHttp.Response r, String what) {
        if (r.ok()) {
            return r.body();
        }
        throw new PermanentPartnerException("Tiki rejected " + what + " (" + r.status() + "): "
                + TikiErrors.describe(r.body(), json));
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
