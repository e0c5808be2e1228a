package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.model.Listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Canonical listing → the bodies of Shopee's product APIs (v2.product.add_item, update_item,
 * update_price, update_stock, unlist_item). Items have no variants here, so model_id is 0.
 *
 * <p>update_item takes neither original_price nor seller_stock (they are not among its request
 * parameters): a content update is followed by update_price and update_stock.
 */
final class ShopeeMapper {

    /** Shopee's "no brand": brand_id 0 with this name (add_item, brand.original_brand_name). */
    static final String NO_BRAND = "No Brand";
    /** gtin_code "00" declares an item without GTIN. */
    static final String NO_GTIN = "00";
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ConnectorConfig config;
    private final ShopeeSettings settings;
    private final ObjectMapper json;

    ShopeeMapper(ConnectorConfig config, ShopeeSettings settings, ObjectMapper json) {
        this.config = config;
        this.settings = settings;
        this.json = json;
    }

    ObjectNode addItem(Listing l, List<String> imageIds) {
        ObjectNode item = content(json.createObjectNode(), l, imageIds);
        item.put("original_price", ListingRules.price(config, l));
        item.putArray("seller_stock").addObject().put("stock", ListingRules.stock(config, l));
        return item;
    }

    ObjectNode updateItem(long itemId, Listing l, List<String> imageIds) {
        ObjectNode item = json.createObjectNode().put("item_id", itemId);
        return content(item, l, imageIds);
    }

    ObjectNode price(long itemId, Listing l) {
        ObjectNode body = json.createObjectNode().put("item_id", itemId);
        body.putArray("price_list").addObject()
                .put("model_id", 0)
                .put("original_price", ListingRules.price(config, l)); // VND: integers only
        return body;
    }

    ObjectNode stock(long itemId, Listing l) {
        ObjectNode body = json.createObjectNode().put("item_id", itemId);
        body.putArray("stock_list").addObject()
                .put("model_id", 0)
                .putArray("seller_stock").addObject().put("stock", ListingRules.stock(config, l));
        return body;
    }

    ObjectNode unlist(long itemId, boolean unlist) {
        ObjectNode body = json.createObjectNode();
        body.putArray("item_list").addObject().put("item_id", itemId).put("unlist", unlist);
        return body;
    }

    ObjectNode confirmLostPush(long lastMessageId) {
        return json.createObjectNode().put("last_message_id", lastMessageId);
    }

    private ObjectNode content(ObjectNode item, Listing l, List<String> imageIds) {
        item.put("item_name", l.name().vi());
        item.put("description", description(l));
        item.put("item_sku", l.sku());
        item.put("category_id", categoryId(l));
        item.put("weight", kilograms(l.grossWeightGrams()));
        ArrayNode images = item.putObject("image").putArray("image_id_list");
        imageIds.forEach(images::add);
        ArrayNode logistics = item.putArray("logistic_info");
        for (Long channel : settings.logisticIds()) {
            logistics.addObject().put("logistic_id", channel).put("enabled", true)
                    .put("is_free", settings.freeShipping());
        }
        if (l.dimensionsCm() != null && l.dimensionsCm().length() != null && l.dimensionsCm().width() != null
                && l.dimensionsCm().height() != null) {
            item.putObject("dimension")
                    .put("package_length", centimetres(l.dimensionsCm().length()))
                    .put("package_width", centimetres(l.dimensionsCm().width()))
                    .put("package_height", centimetres(l.dimensionsCm().height()));
        }
        brand(item.putObject("brand"), l);
        item.put("gtin_code", l.hasGtin() ? l.gtin() : NO_GTIN);
        item.put("condition", "NEW");
        // also re-lists an item unlisted by an earlier withdrawal when the listing comes back
        item.put("item_status", "NORMAL");
        return item;
    }

    /**
     * The producer's description, then what makes it an OCOP product: buyers on Shopee see no
     * other place for the star rating, the certifying decision and the traceability link.
     */
    String description(Listing l) {
        StringBuilder ocop = new StringBuilder("\n\nSản phẩm OCOP ").append(l.stars()).append(" sao");
        if (l.potentialFiveStar()) {
            ocop.append(" (tiềm năng 5 sao)");
        }
        ocop.append(". Quyết định số ").append(l.certification().decisionNo()).append(" của ")
                .append(l.certification().issuer());
        if (l.certification().validUntil() != null) {
            ocop.append(", hiệu lực đến ").append(VIETNAMESE_DATE.format(l.certification().validUntil()));
        }
        ocop.append('.');
        if (l.origin() != null && l.origin().provinceName() != null) {
            ocop.append("\nXuất xứ: ").append(l.origin().addressText() != null ? l.origin().addressText()
                    : l.origin().provinceName()).append('.');
        }
        if (l.traceabilityUrl() != null) {
            ocop.append("\nTruy xuất nguồn gốc: ").append(l.traceabilityUrl());
        }
        String text = l.description().vi();
        int room = settings.descriptionMaxLength() - ocop.length();
        if (text.length() > room) {
            // the certification block is what must survive; the producer's prose is shortened
            text = text.substring(0, Math.max(0, room - 1)).stripTrailing() + "…";
        }
        return text + ocop;
    }

    /** A sub-group's own category wins over its group's ("I.3.b" before "FOOD"). */
    long categoryId(Listing l) {
        String id = l.subgroup() == null ? null : config.mapped("category", l.subgroup());
        if (id == null) {
            id = config.mapped("category", l.group().name());
        }
        if (id == null || !id.trim().matches("\\d+")) {
            throw new PermanentPartnerException("no Shopee category is mapped for group " + l.group()
                    + (l.subgroup() == null ? "" : " / sub-group " + l.subgroup())
                    + " (mapping.category in connectors-config/shopee.yaml)");
        }
        return Long.parseLong(id.trim());
    }

    /** Only a brand registered with Shopee has an id; any other is sold as "No Brand" rather than refused. */
    private void brand(ObjectNode brand, Listing l) {
        String id = l.brand() == null ? null : config.mapped("brand", l.brand());
        if (id != null && id.trim().matches("\\d+")) {
            brand.put("brand_id", Long.parseLong(id.trim())).put("original_brand_name", l.brand());
        } else {
            brand.put("brand_id", 0).put("original_brand_name", NO_BRAND);
        }
    }

    private static BigDecimal kilograms(Integer grams) {
        if (grams == null) {
            // Eligibility keeps listings without a weight away from marketplaces
            throw new PermanentPartnerException("grossWeightGrams is required for Shopee shipping");
        }
        BigDecimal kg = BigDecimal.valueOf(grams).movePointLeft(3).stripTrailingZeros();
        return kg.scale() < 0 ? kg.setScale(0) : kg; // 10000 g is 10, not 1E+1
    }

    /** Shopee takes whole centimetres; rounding up keeps the parcel from being declared too small. */
    private static int centimetres(BigDecimal cm) {
        return Math.max(1, cm.setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
