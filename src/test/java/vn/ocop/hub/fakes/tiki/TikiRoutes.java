package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seller endpoints of Tiki's Open API that the fake serves, with the answers' documented
 * shapes (open.tiki.vn guides "Create new product request", "Tracking product request", "Manage
 * product request", "Manage product", "Update product information").
 */
final class TikiRoutes {

    private static final Pattern TRACKING = Pattern.compile("/integration/v2/tracking/([^/]+)");
    private static final Pattern REQUEST = Pattern.compile("/integration/v2/requests/([^/]+)");
    private static final Pattern PRODUCT = Pattern.compile("/integration/v2(?:\\.1)?/products/(\\d+)");
    private static final DateTimeFormatter TIKI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final TikiCatalogue catalogue;
    private final TikiCreateValidator createValidator;
    private final TikiSkuUpdateValidator skuValidator;
    private final ObjectMapper json;

    TikiRoutes(TikiCatalogue catalogue, TikiCreateValidator createValidator, TikiSkuUpdateValidator skuValidator,
               ObjectMapper json) {
        this.catalogue = catalogue;
        this.createValidator = createValidator;
        this.skuValidator = skuValidator;
        this.json = json;
    }

    TikiAnswer handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
        if (path.equals("/integration/v2.1/requests")) {
            return method.equals("POST") ? create(contentType, body) : notAllowed();
        }
        if (path.equals("/integration/v2/products/updateSku") || path.equals("/integration/v2.1/products/updateSku")) {
            return method.equals("PUT") ? updateSku(contentType, body) : notAllowed();
        }
        if (path.equals("/integration/v2/tracking")) {
            return method.equals("GET") ? trackingList(query) : notAllowed();
        }
        if (path.equals("/integration/v2/requests")) {
            return method.equals("GET") ? requestList(query) : notAllowed();
        }
        if (path.equals("/integration/v2/requests/findBy")) {
            return method.equals("GET") ? requestByTrack(query.get("track_id")) : notAllowed();
        }
        if (path.equals("/integration/v2/products/findBy")) {
            return method.equals("GET") ? productBySku(query.get("original_sku")) : notAllowed();
        }
        Matcher m = TRACKING.matcher(path);
        if (m.matches()) {
            return method.equals("GET") ? tracking(m.group(1)) : notAllowed();
        }
        m = REQUEST.matcher(path);
        if (m.matches()) {
            return switch (method) {
                case "GET" -> request(m.group(1));
                case "DELETE" -> deleteRequest(m.group(1));
                default -> notAllowed();
            };
        }
        m = PRODUCT.matcher(path);
        if (m.matches()) {
            return method.equals("GET") ? product(Long.parseLong(m.group(1))) : notAllowed();
        }
        return TikiAnswer.error(404, "Not found: " + path);
    }

    private TikiAnswer create(String contentType, byte[] bytes) {
        Optional<JsonNode> body = jsonBody(contentType, bytes);
        if (body.isEmpty()) {
            return TikiAnswer.error(400, "Payload is missing or invalid (expected a JSON object)");
        }
        List<String> errors = createValidator.check(body.get());
        if (!errors.isEmpty()) {
            return TikiAnswer.errors(400, errors);
        }
        FakeTikiRequest request = catalogue.submit(body.get());
        // Tiki answers at once, while the request is still queued
        return TikiAnswer.ok(json.createObjectNode().put("track_id", request.trackId()).put("state", "queuing"));
    }

    private TikiAnswer tracking(String trackId) {
        return catalogue.byTrack(trackId)
                .map(r -> TikiAnswer.ok(trackingJson(r)))
                .orElseGet(() -> TikiAnswer.error(404, "TrackId not found: " + trackId));
    }

    private TikiAnswer trackingList(Map<String, String> query) {
        int limit = intParam(query, "limit", 50);
        ArrayNode list = json.createArrayNode();
        List<FakeTikiRequest> all = catalogue.requests();
        for (int i = all.size() - 1; i >= 0 && list.size() < limit; i--) {
            list.add(trackingJson(all.get(i)));
        }
        return TikiAnswer.ok(list);
    }

    private TikiAnswer request(String requestId) {
        return catalogue.byRequestId(requestId)
                .map(r -> TikiAnswer.ok(requestJson(r)))
                .orElseGet(() -> TikiAnswer.error(404, "Request not found: " + requestId));
    }

    private TikiAnswer requestByTrack(String trackId) {
        if (trackId == null || trackId.isBlank()) {
            return TikiAnswer.error(400, "track_id is required");
        }
        return catalogue.byTrack(trackId)
                .map(r -> TikiAnswer.ok(requestJson(r)))
                .orElseGet(() -> TikiAnswer.error(404, "TrackId not found: " + trackId));
    }

    private TikiAnswer requestList(Map<String, String> query) {
        String state = query.get("state");
        List<FakeTikiRequest> all = catalogue.requests().stream()
                .filter(r -> state == null || r.state().equals(state)).toList();
        ArrayNode data = json.createArrayNode();
        for (int i = all.size() - 1; i >= 0; i--) {
            data.add(requestJson(all.get(i)));
        }
        return page(data, query);
    }

    private TikiAnswer deleteRequest(String requestId) {
        Optional<FakeTikiRequest> result = catalogue.delete(requestId);
        if (result.isEmpty()) {
            return TikiAnswer.error(404, "Request not found: " + requestId);
        }
        if (!result.get().state().equals("deleted")) {
            return TikiAnswer.error(400, "Request " + requestId + " is " + result.get().state() + " and cannot be deleted");
        }
        return TikiAnswer.ok(json.createObjectNode().put("request_id", requestId).put("state", "deleted"));
    }

    private TikiAnswer productBySku(String originalSku) {
        if (originalSku == null || originalSku.isBlank()) {
            return TikiAnswer.error(400, "original_sku is required");
        }
        ArrayNode data = json.createArrayNode();
        catalogue.productsBySku(originalSku).forEach(p -> data.add(productJson(p)));
        return page(data, Map.of());
    }

    private TikiAnswer product(long productId) {
        return catalogue.productById(productId)
                .map(p -> TikiAnswer.ok(productJson(p)))
                .orElseGet(() -> TikiAnswer.error(404, "Product not found: " + productId));
    }

    private TikiAnswer updateSku(String contentType, byte[] bytes) {
        Optional<JsonNode> parsed = jsonBody(contentType, bytes);
        if (parsed.isEmpty()) {
            return TikiAnswer.error(400, "Payload is missing or invalid (expected a JSON object)");
        }
        JsonNode body = parsed.get();
        List<String> errors = skuValidator.check(body);
        if (!errors.isEmpty()) {
            return TikiAnswer.errors(400, errors);
        }
        Optional<FakeTikiProduct> found = body.path("original_sku").isTextual()
                ? catalogue.productsBySku(body.get("original_sku").asText()).stream().findFirst()
                : catalogue.productById(body.path("product_id").asLong());
        if (found.isEmpty()) {
            return TikiAnswer.error(404, "Product not found: " + (body.has("original_sku")
                    ? "original_sku " + body.get("original_sku").asText() : "product_id " + body.get("product_id")));
        }
        FakeTikiProduct product = found.get();
        if (body.has("price")) {
            product = product.withPrice(body.get("price").asLong());
        }
        if (body.has("active")) {
            product = product.withActive(body.get("active").asInt());
        }
        for (JsonNode q : body.path("warehouse_quantities")) {
            product = product.withQuantity(q.path("warehouse_id").asLong(), q.path("qty_available").asInt());
        }
        catalogue.replace(product);
        return TikiAnswer.ok(json.createObjectNode().put("state", "approved"));
    }

    private Optional<JsonNode> jsonBody(String contentType, byte[] bytes) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private ObjectNode trackingJson(FakeTikiRequest r) {
        ObjectNode t = json.createObjectNode();
        t.put("track_id", r.trackId());
        t.put("request_id", r.requestId());
        t.put("state", r.state());
        t.put("reason", r.reason());
        return t;
    }

    private ObjectNode requestJson(FakeTikiRequest r) {
        ObjectNode q = json.createObjectNode();
        q.put("request_id", r.requestId());
        q.put("state", r.state());
        q.put("created_at", TIKI_TIME.format(r.createdAt()));
        q.put("created_by", "open-api");
        q.put("kind", "create_product");
        q.put("approved_at", r.state().equals("approved") ? TIKI_TIME.format(r.decidedAt()) : null);
        if (r.reason() == null) {
            q.putNull("reasons");
        } else {
            q.putArray("reasons").add(r.reason());
        }
        ArrayNode products = q.putArray("products");
        if (r.state().equals("approved")) {
            catalogue.products().stream().filter(p -> r.requestId().equals(p.requestId()))
                    .forEach(p -> products.add(productJson(p)));
        }
        return q;
    }

    private ObjectNode productJson(FakeTikiProduct p) {
        ObjectNode o = json.createObjectNode();
        o.put("product_id", p.productId());
        o.put("sku", p.tikiSku());
        o.put("name", p.name());
        o.put("original_sku", p.originalSku());
        o.put("price", p.price());
        o.put("market_price", p.marketPrice());
        o.put("active", p.active());
        o.put("created_at", TIKI_TIME.format(p.createdAt()));
        ArrayNode quantities = o.putObject("inventory").putArray("warehouse_quantities");
        p.quantities().forEach((warehouse, qty) -> quantities.addObject().put("warehouse_id", warehouse)
                .put("qty_available", qty));
        return o;
    }

    private TikiAnswer page(ArrayNode all, Map<String, String> query) {
        int limit = Math.max(1, intParam(query, "limit", 20));
        int page = Math.max(1, intParam(query, "page", 1));
        ArrayNode data = json.createArrayNode();
        for (int i = (page - 1) * limit; i < Math.min(all.size(), page * limit); i++) {
            data.add(all.get(i));
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("data", data);
        answer.putObject("paging").put("total", all.size()).put("current_page", page).put("per_page", limit)
                .put("last_page", Math.max(1, (all.size() + limit - 1) / limit));
        return TikiAnswer.ok(answer);
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static TikiAnswer notAllowed() {
        return TikiAnswer.error(405, "Method Not Allowed");
    }
}
