package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.model.Listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical listing → Tiki's bodies: the product request of {@code POST /integration/v2.1/requests}
 * and the {@code updateSku} body. Tiki files our SKU as the product's {@code original_sku}; in the
 * request it is the variant's {@code sku}.
 */
final class TikiMapper {

    private static final String VIETNAM = "Việt Nam";

    private final ConnectorConfig config;
    private final TikiSettings settings;
    private final ObjectMapper json;

    TikiMapper(ConnectorConfig config, TikiSettings settings, ObjectMapper json) {
        this.config = config;
        this.settings = settings;
        this.json = json;
    }

    /** A simple product (one variant, no option attributes) in the configured warehouse. */
    ObjectNode createRequest(Listing l) {
        long price = ListingRules.price(config, l);
        ObjectNode body = json.createObjectNode();
        body.put("category_id", category(l));
        body.put("name", l.name().vi());
        body.put("description", TikiDescription.html(l));
        body.put("market_price", price);
        body.set("attributes", attributes(l));
        body.put("image", l.images().get(0));
        ArrayNode gallery = body.putArray("images");
        l.images().stream().skip(1).forEach(gallery::add);
        body.putArray("option_attributes");
        ObjectNode variant = body.putArray("variants").addObject();
        variant.put("sku", l.sku());
        variant.put("price", price);
        variant.put("inventory_type", settings.inventoryType());
        variant.put("seller_warehouse", String.valueOf(settings.warehouseId()));
        ObjectNode stock = variant.putArray("warehouse_stocks").addObject();
        stock.put("warehouseId", settings.warehouseId());
        stock.put("qtyAvailable", ListingRules.stock(config, l));
        // the hub switches the product on itself once approved: a listing withdrawn while Tiki was
        // reviewing it must not go on sale by Tiki's hand
        body.putObject("meta_data").put("is_auto_turn_on", false);
        return body;
    }

    /**
     * What Tiki reviews, without price and stock (which updateSku changes without review): equal
     * fingerprints mean a pending request already carries this content.
     */
    String contentFingerprint(ObjectNode createRequest) {
        ObjectNode content = createRequest.deepCopy();
        content.remove("market_price");
        for (JsonNode variant : content.path("variants")) {
            ((ObjectNode) variant).remove("price");
            ((ObjectNode) variant).remove("warehouse_stocks");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode price(String sku, long price) {
        return sku(sku).put("price", price);
    }

    ObjectNode stock(String sku, int quantity) {
        ObjectNode body = sku(sku);
        warehouseQuantities(body, quantity);
        return body;
    }

    /** Puts the product on sale with what the hub wants it to show (price and stock as the toggles allow). */
    ObjectNode activate(String sku, Long price, Integer quantity) {
        ObjectNode body = sku(sku);
        if (price != null && toggles().price()) {
            body.put("price", price);
        }
        body.put("active", 1);
        if (quantity != null && toggles().stock()) {
            warehouseQuantities(body, quantity);
        }
        return body;
    }

    /** Tiki has no product delete: a withdrawn product is switched off. */
    ObjectNode deactivate(String sku) {
        return sku(sku).put("active", 0);
    }

    long price(Listing l) {
        return ListingRules.price(config, l);
    }

    int stock(Listing l) {
        return ListingRules.stock(config, l);
    }

    private ObjectNode sku(String sku) {
        return json.createObjectNode().put("original_sku", sku);
    }

    private void warehouseQuantities(ObjectNode body, int quantity) {
        ObjectNode entry = body.putArray("warehouse_quantities").addObject();
        entry.put("warehouse_id", settings.warehouseId());
        entry.put("qty_available", quantity);
    }

    private ObjectNode attributes(Listing l) {
        ObjectNode a = json.createObjectNode();
        a.put("brand", l.brand() == null || l.brand().isBlank() ? settings.defaultBrand() : l.brand());
        a.put("origin", VIETNAM);
        a.put("brand_origin", VIETNAM);
        a.put("manufacturer", l.producer().name());
        if (l.grossWeightGrams() != null) {
            // Tiki's shipping attributes are strings: kilograms and centimetres of the packed product
            a.put("product_weight_kg", decimal(BigDecimal.valueOf(l.grossWeightGrams()).movePointLeft(3)));
        }
        if (l.dimensionsCm() != null) {
            a.put("product_length", decimal(l.dimensionsCm().length()));
            a.put("product_width", decimal(l.dimensionsCm().width()));
            a.put("product_height", decimal(l.dimensionsCm().height()));
        }
        return a;
    }

    /** A sub-group's own category wins over its group's ("I.3.b" before "FOOD"). */
    private long category(Listing l) {
        String id = l.subgroup() == null ? null : config.mapped("category", l.subgroup());
        if (id == null) {
            id = config.mapped("category", l.group().name());
        }
        if (id == null || id.isBlank()) {
            throw new PermanentPartnerException("no Tiki category is configured for group " + l.group()
                    + (l.subgroup() == null ? "" : " / sub-group " + l.subgroup())
                    + " (connectors-config/tiki.yaml, mapping.category)");
        }
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new PermanentPartnerException("Tiki category for " + l.group() + " must be a number, got '" + id + "'");
        }
    }

    private ConnectorConfig.Toggles toggles() {
        return config.toggles() == null ? new ConnectorConfig.Toggles(true, true, true, true) : config.toggles();
    }

    private static String decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.setScale(Math.min(3, Math.max(0, value.stripTrailingZeros().scale())), RoundingMode.HALF_UP)
                .toPlainString();
    }
}
