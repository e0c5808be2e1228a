package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of {@code PUT /integration/v2.1/products/updateSku}: the product named by
 * {@code original_sku} or {@code product_id}, something to change, an integer price above zero,
 * active 0 or 1, and warehouses the seller owns (Tiki's own wording for an unknown one:
 * {@code update error [Warehouse '[15936811]' are not found]}).
 */
final class TikiSkuUpdateValidator {

    private final Set<Long> warehouses;

    TikiSkuUpdateValidator(Set<Long> warehouses) {
        this.warehouses = warehouses;
    }

    List<String> check(JsonNode body) {
        if (body == null || !body.isObject()) {
            return List.of("Payload is missing or invalid");
        }
        List<String> errors = new ArrayList<>();
        boolean bySku = body.path("original_sku").isTextual() && !body.path("original_sku").asText().isBlank();
        boolean byId = body.path("product_id").isIntegralNumber();
        if (!bySku && !byId) {
            errors.add("original_sku or product_id is required");
        }
        if (!body.has("price") && !body.has("active") && !body.has("warehouse_quantities")) {
            errors.add("nothing to update: send price, active or warehouse_quantities");
        }
        if (body.has("price") && (!body.get("price").isIntegralNumber() || body.get("price").asLong() <= 0)) {
            errors.add("price must be an integer > 0");
        }
        if (body.has("active") && !(body.get("active").isIntegralNumber()
                && (body.get("active").asInt() == 0 || body.get("active").asInt() == 1))) {
            errors.add("active must be 1 (active) or 0 (inactive)");
        }
        if (body.has("warehouse_quantities")) {
            JsonNode quantities = body.get("warehouse_quantities");
            if (!quantities.isArray() || quantities.isEmpty()) {
                errors.add("warehouse_quantities must be a non-empty list");
            } else {
                for (JsonNode q : quantities) {
                    JsonNode id = q.path("warehouse_id");
                    if (!id.isIntegralNumber() || !warehouses.contains(id.asLong())) {
                        errors.add("update error [Warehouse '[" + id.asText() + "]' are not found]");
                    }
                    if (!TikiCreateValidator.nonNegativeInteger(q.path("qty_available"))) {
                        errors.add("qty_available must be an integer >= 0");
                    }
                }
            }
        }
        return errors;
    }
}
