package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks Tiki makes on {@code POST /integration/v2.1/requests} before queuing a product
 * request: the fields its reference marks required, the category's required attributes, a price
 * above zero, and warehouses the seller owns. Message wording follows the examples Tiki publishes.
 */
final class TikiCreateValidator {

    static final Set<String> INVENTORY_TYPES = Set.of("instock", "backorder", "seller_backorder", "dropship",
            "cross_border", "preorder");

    private final Set<Long> warehouses;
    private final Map<Long, Set<String>> requiredAttributes;

    TikiCreateValidator(Set<Long> warehouses, Map<Long, Set<String>> requiredAttributes) {
        this.warehouses = warehouses;
        this.requiredAttributes = requiredAttributes;
    }

    List<String> check(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return List.of("Payload is missing or invalid");
        }
        long category = positiveInteger(body, "category_id", errors);
        text(body, "name", errors);
        text(body, "description", errors);
        if (body.has("market_price") && !nonNegativeInteger(body.get("market_price"))) {
            errors.add("market_price must be an integer >= 0");
        }
        JsonNode attributes = body.path("attributes");
        if (!attributes.isObject()) {
            errors.add("attributes is required");
        } else {
            for (String code : requiredAttributes.getOrDefault(category, Set.of())) {
                if (attributes.path(code).asText("").isBlank()) {
                    errors.add("Attribute " + code + " is required for category " + category);
                }
            }
        }
        if (!url(body.path("image"))) {
            errors.add("image must be a http(s) url");
        }
        if (!body.path("images").isArray()) {
            errors.add("images must be a list of urls");
        } else {
            body.path("images").forEach(i -> {
                if (!url(i)) {
                    errors.add("images contains an invalid url: " + i);
                }
            });
        }
        if (!body.path("option_attributes").isArray()) {
            errors.add("option_attributes is required (empty for a simple product)");
        }
        variants(body, errors);
        return errors;
    }

    private void variants(JsonNode body, List<String> errors) {
        JsonNode variants = body.path("variants");
        if (!variants.isArray() || variants.isEmpty()) {
            errors.add("variants is required");
            return;
        }
        int options = body.path("option_attributes").size();
        if (options == 0 && variants.size() > 1) {
            errors.add("variants don't match with option_attributes => a simple product has one variant");
        }
        for (JsonNode v : variants) {
            String sku = v.path("sku").asText("");
            String which = "variant " + (sku.isBlank() ? "?" : sku);
            if (sku.isBlank()) {
                errors.add("variants should have sku");
            }
            if (!v.path("price").canConvertToLong() || !v.path("price").isIntegralNumber() || v.path("price").asLong() <= 0) {
                errors.add("variants should have price > 0");
            }
            if (!INVENTORY_TYPES.contains(v.path("inventory_type").asText(""))) {
                errors.add(which + ": inventory_type must be one of " + INVENTORY_TYPES);
            }
            Set<Long> declared = sellerWarehouses(v.path("seller_warehouse").asText(""), which, errors);
            JsonNode stocks = v.path("warehouse_stocks");
            if (!stocks.isArray() || stocks.isEmpty()) {
                errors.add(which + ": warehouse_stocks is required");
                continue;
            }
            for (JsonNode stock : stocks) {
                JsonNode id = stock.path("warehouseId");
                if (!id.isIntegralNumber() || !warehouses.contains(id.asLong())) {
                    errors.add("Warehouse '[" + id.asText() + "]' are not found");
                } else if (!declared.contains(id.asLong())) {
                    errors.add(which + ": warehouse " + id.asText() + " is not in seller_warehouse");
                }
                if (!nonNegativeInteger(stock.path("qtyAvailable"))) {
                    errors.add(which + ": qtyAvailable must be an integer >= 0");
                }
            }
        }
    }

    private Set<Long> sellerWarehouses(String list, String which, List<String> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        if (list.isBlank()) {
            errors.add(which + ": seller_warehouse is required");
            return ids;
        }
        for (String part : list.split(",")) {
            try {
                long id = Long.parseLong(part.trim());
                if (!warehouses.contains(id)) {
                    errors.add("Warehouse '[" + id + "]' are not found");
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                errors.add(which + ": seller_warehouse must list warehouse ids, got '" + list + "'");
            }
        }
        return ids;
    }

    private static long positiveInteger(JsonNode body, String field, List<String> errors) {
        JsonNode value = body.path(field);
        if (!value.isIntegralNumber() || value.asLong() <= 0) {
            errors.add(field + " is required");
            return -1;
        }
        return value.asLong();
    }

    private static void text(JsonNode body, String field, List<String> errors) {
        if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
            errors.add(field + " is required");
        }
    }

    static boolean nonNegativeInteger(JsonNode value) {
        return value.isIntegralNumber() && value.asLong() >= 0;
    }

    private static boolean url(JsonNode value) {
        String text = value.asText("");
        return value.isTextual() && (text.startsWith("https://") || text.startsWith("http://")) && text.length() > 8;
    }
}
