package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.model.Listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical listing → Lazada's payloads: the JSON product for {@code /product/create} and
 * {@code /product/update}, and the XML bodies of the image, price/quantity and deactivate calls.
 * Numbers are sent as strings, as in Lazada's own examples; prices are integer VND.
 */
final class LazadaMapper {

    /** Lazada refuses more than 8 product images (CHK_IMAGE_MAX_ITEMS); the canonical model allows 9. */
    static final int MAX_IMAGES = 8;
    static final String DEFAULT_BRAND = "No Brand";

    private static final BigDecimal GRAMS_PER_KG = BigDecimal.valueOf(1000);
    private static final BigDecimal SMALLEST = new BigDecimal("0.01");

    private final ConnectorConfig config;
    private final ObjectMapper json;

    LazadaMapper(ConnectorConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    String createPayload(Listing l, List<String> lazadaImages) {
        ObjectNode product = json.createObjectNode();
        product.put("PrimaryCategory", category(l));
        fill(product, l, lazadaImages);
        ObjectNode sku = skuArray(product).addObject();
        sku.put("SellerSku", l.sku());
        sku.put("quantity", Integer.toString(quantity(l)));
        sku.put("price", Long.toString(price(l)));
        putPackage(sku, l);
        return request(product);
    }

    /** Content only: price and stock go through price_quantity, as Lazada recommends. */
    String updatePayload(Listing l, List<String> lazadaImages, String itemId, String skuId) {
        ObjectNode product = json.createObjectNode();
        product.put("ItemId", itemId);
        product.put("PrimaryCategory", category(l));
        fill(product, l, lazadaImages);
        ObjectNode sku = skuArray(product).addObject();
        sku.put("SkuId", skuId);
        sku.put("Status", "active"); // also brings back an item the hub deactivated earlier
        putPackage(sku, l);
        return request(product);
    }

    /** One SKU's line of {@code /product/price_quantity/update}; a null price or quantity is left as it is. */
    record SkuValues(String itemId, String skuId, String sellerSku, Long price, Integer quantity) {
    }

    String priceQuantity(String itemId, String skuId, String sellerSku, Long price, Integer quantity) {
        return priceQuantity(List.of(new SkuValues(itemId, skuId, sellerSku, price, quantity)));
    }

    /** The {@code payload} of {@code /product/price_quantity/update}: every SKU under one {@code <Skus>}. */
    String priceQuantity(List<SkuValues> skus) {
        StringBuilder xml = new StringBuilder("<Request><Product><Skus>");
        for (SkuValues sku : skus) {
            xml.append("<Sku>");
            element(xml, "ItemId", sku.itemId());
            element(xml, "SkuId", sku.skuId());
            element(xml, "SellerSku", sku.sellerSku());
            if (sku.price() != null) {
                element(xml, "Price", Long.toString(sku.price()));
            }
            if (sku.quantity() != null) {
                element(xml, "Quantity", Integer.toString(sku.quantity()));
            }
            xml.append("</Sku>");
        }
        return xml.append("</Skus></Product></Request>").toString();
    }

    /** {@code apiRequestBody} of {@code /product/deactivate}: without Skus the whole item goes offline. */
    String deactivate(String itemId) {
        StringBuilder xml = new StringBuilder("<Request><Product>");
        element(xml, "ItemId", itemId);
        return xml.append("</Product></Request>").toString();
    }

    String migrateImage(String sourceUrl) {
        StringBuilder xml = new StringBuilder("<Request><Image>");
        element(xml, "Url", sourceUrl);
        return xml.append("</Image></Request>").toString();
    }

    long price(Listing l) {
        return ListingRules.price(config, l);
    }

    int quantity(Listing l) {
        return ListingRules.stock(config, l);
    }

    /** Lazada's leaf category: the most specific sub-group in the mapping ("I.3.b", then "I.3", "I"), else the group's. */
    String category(Listing l) {
        String subgroup = l.subgroup();
        while (subgroup != null && !subgroup.isBlank()) {
            String mapped = config.mapped("category", subgroup);
            if (mapped != null && !mapped.isBlank()) {
                return mapped;
            }
            int dot = subgroup.lastIndexOf('.');
            subgroup = dot < 0 ? null : subgroup.substring(0, dot);
        }
        String byGroup = config.mapped("category", l.group().name());
        if (byGroup == null || byGroup.isBlank()) {
            throw new PermanentPartnerException("no Lazada category is mapped for group " + l.group()
                    + " in connectors-config/" + config.partner() + ".yaml (mapping.category)");
        }
        return byGroup;
    }

    String brand(Listing l) {
        if (l.brand() != null && !l.brand().isBlank()) {
            return l.brand();
        }
        String configured = config.mapped("brand", "default");
        return configured == null || configured.isBlank() ? DEFAULT_BRAND : configured;
    }

    private void fill(ObjectNode product, Listing l, List<String> lazadaImages) {
        ArrayNode images = product.putObject("Images").putArray("Image");
        lazadaImages.stream().limit(MAX_IMAGES).forEach(images::add);
        ObjectNode attributes = product.putObject("Attributes");
        attributes.put("name", l.name().vi());
        attributes.put("description", LazadaText.description(l));
        attributes.put("short_description", LazadaText.highlights(l));
        attributes.put("brand", brand(l));
        categoryAttributes(product.path("PrimaryCategory").asText()).forEach(attributes::put);
    }

    /** Attributes a category makes mandatory (found with /category/attributes/get), from the profile. */
    private Map<String, String> categoryAttributes(String category) {
        if (config.profile() == null || !(config.profile().get("categoryAttributes") instanceof Map<?, ?> all)
                || !(all.get(category) instanceof Map<?, ?> forCategory)) {
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        forCategory.forEach((k, v) -> attributes.put(String.valueOf(k), String.valueOf(v)));
        return attributes;
    }

    private void putPackage(ObjectNode sku, Listing l) {
        BigDecimal kg = BigDecimal.valueOf(l.grossWeightGrams()).divide(GRAMS_PER_KG, 2, RoundingMode.CEILING)
                .max(SMALLEST);
        BigDecimal[] size = packageSize(l);
        sku.put("package_weight", plain(kg));
        sku.put("package_length", plain(size[0]));
        sku.put("package_width", plain(size[1]));
        sku.put("package_height", plain(size[2]));
        sku.put("package_content", LazadaText.packageContent(l));
    }

    /** Lazada needs a package size; the profile's default stands in when the listing has none. */
    private BigDecimal[] packageSize(Listing l) {
        Listing.Dimensions d = l.dimensionsCm();
        if (d != null && d.length() != null && d.width() != null && d.height() != null) {
            return new BigDecimal[] {cm(d.length()), cm(d.width()), cm(d.height())};
        }
        if (config.profile() != null && config.profile().get("defaultPackageCm") instanceof Map<?, ?> fallback
                && fallback.get("length") != null && fallback.get("width") != null && fallback.get("height") != null) {
            return new BigDecimal[] {cm(fallback.get("length")), cm(fallback.get("width")), cm(fallback.get("height"))};
        }
        throw new PermanentPartnerException("Lazada needs the package size: the listing has no dimensionsCm and "
                + "connectors-config/" + config.partner() + ".yaml has no profile.defaultPackageCm");
    }

    private static BigDecimal cm(Object value) {
        BigDecimal cm = value instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(value));
        return cm.setScale(2, RoundingMode.CEILING).max(SMALLEST); // Lazada takes at most two decimals
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static ArrayNode skuArray(ObjectNode product) {
        return product.putObject("Skus").putArray("Sku");
    }

    private String request(ObjectNode product) {
        ObjectNode root = json.createObjectNode();
        root.putObject("Request").set("Product", product);
        return root.toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(LazadaText.escape(value)).append("</").append(name).append('>');
    }
}
