package vn.ocop.hub.fakes.lazada;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code /product/create} or {@code /product/update} JSON payload, checked the way Lazada
 * checks it (codes from the APIs' error tables) before anything is stored. Fields an update
 * leaves out are null.
 */
record FakeLazadaProduct(String itemId, String primaryCategory, List<String> images, String name, String description,
                         String shortDescription, String brand, String sellerSku, String skuId, Long price,
                         Integer quantity, String skuStatus, String packageWeight, String packageLength,
                         String packageWidth, String packageHeight, String packageContent) {

    private static final int MAX_IMAGES = 8;
    private static final BigDecimal MAX_WEIGHT_KG = BigDecimal.valueOf(40);
    private static final BigDecimal MAX_SIZE_SUM_CM = BigDecimal.valueOf(300);
    private static final Set<String> SKU_STATUSES = Set.of("active", "inactive", "deleted");

    static FakeLazadaProduct forCreate(String payload, Set<String> nonLeafCategories) {
        JsonNode product = product(payload);
        String category = category(product, nonLeafCategories, true);
        List<String> images = images(product, true);
        JsonNode attributes = product.path("Attributes");
        String name = requiredText(attributes, "name");
        String description = requiredText(attributes, "description");
        if (text(attributes, "brand") == null && text(attributes, "brand_id") == null) {
            throw FakeLazadaRefusal.isv("4108", "CHK_BASIC_REQUIRED: brand is mandatory");
        }
        JsonNode sku = onlySku(product);
        String sellerSku = text(sku, "SellerSku");
        if (sellerSku == null) {
            throw FakeLazadaRefusal.mandatory("SellerSku");
        }
        if (text(sku, "price") == null) {
            throw FakeLazadaRefusal.mandatory("price");
        }
        if (text(sku, "quantity") == null) {
            throw FakeLazadaRefusal.mandatory("quantity");
        }
        for (String field : List.of("package_weight", "package_length", "package_width", "package_height")) {
            if (text(sku, field) == null) {
                throw FakeLazadaRefusal.mandatory(field);
            }
        }
        return fields(null, category, images, name, description, text(attributes, "short_description"),
                brand(attributes), sellerSku, null, sku);
    }

    static FakeLazadaProduct forUpdate(String payload, Set<String> nonLeafCategories) {
        JsonNode product = product(payload);
        String itemId = text(product, "ItemId");
        if (itemId == null) {
            throw FakeLazadaRefusal.mandatory("ItemId");
        }
        String category = category(product, nonLeafCategories, false);
        List<String> images = images(product, false);
        JsonNode attributes = product.path("Attributes");
        for (String field : List.of("name", "description")) {
            if (attributes.has(field) && text(attributes, field) == null) {
                throw FakeLazadaRefusal.isv("4108", "CHK_BASIC_REQUIRED: " + field + " is mandatory");
            }
        }
        JsonNode sku = onlySku(product);
        String skuId = text(sku, "SkuId");
        if (skuId == null) {
            throw FakeLazadaRefusal.isv("4216", "skuId is a mandatory field and must be filled in.");
        }
        String status = text(sku, "Status");
        if (status != null && !SKU_STATUSES.contains(status)) {
            throw FakeLazadaRefusal.isv("5", "E005: Invalid Request Format: Status " + status);
        }
        return fields(itemId, category, images, text(attributes, "name"), text(attributes, "description"),
                text(attributes, "short_description"), brand(attributes), text(sku, "SellerSku"), skuId, sku);
    }

    /** Lazada sells in whole dong in Vietnam: a price with decimals fails its precision check. */
    static long price(String text, String sellerSku) {
        BigDecimal price = number(text, "price");
        if (price.signum() <= 0) {
            throw FakeLazadaRefusal.isv("4118", "BIZ_CHECK_PRICE_IS_ZERO: price of " + sellerSku + " must not be 0");
        }
        if (price.stripTrailingZeros().scale() > 0) {
            throw FakeLazadaRefusal.isv("4104", "BIZ_CHECK_PRICE_PRECISION_INVALID: price " + text
                    + " of " + sellerSku + " has decimals; VND prices are whole numbers");
        }
        return price.longValueExact();
    }

    static int quantity(String text, String sellerSku) {
        BigDecimal quantity = number(text, "quantity");
        if (quantity.signum() < 0 || quantity.stripTrailingZeros().scale() > 0) {
            throw FakeLazadaRefusal.isv("4152", "THD_INVENTORY_ERR_INV_PARAM_ILLEGAL:illegal parameter:quantity of "
                    + sellerSku);
        }
        return quantity.intValueExact();
    }

    private static FakeLazadaProduct fields(String itemId, String category, List<String> images, String name,
                                            String description, String shortDescription, String brand,
                                            String sellerSku, String skuId, JsonNode sku) {
        String label = sellerSku != null ? sellerSku : skuId;
        Long price = text(sku, "price") == null ? null : price(text(sku, "price"), label);
        Integer quantity = text(sku, "quantity") == null ? null : quantity(text(sku, "quantity"), label);
        String weight = packageValue(sku, "package_weight");
        String length = packageValue(sku, "package_length");
        String width = packageValue(sku, "package_width");
        String height = packageValue(sku, "package_height");
        if (weight != null && new BigDecimal(weight).compareTo(MAX_WEIGHT_KG) > 0) {
            throw FakeLazadaRefusal.isv("4164", "BIZ_CHECK_MAX_PACKAGE_WEIGHT: The package weight exceeds 40kg");
        }
        if (length != null && width != null && height != null && new BigDecimal(length).add(new BigDecimal(width))
                .add(new BigDecimal(height)).compareTo(MAX_SIZE_SUM_CM) > 0) {
            throw FakeLazadaRefusal.isv("4165", "BIZ_CHECK_MAX_PACKAGE_DIMENISIONS: The Package dimension"
                    + "(Length+Width+Height) exceeds 300cm");
        }
        return new FakeLazadaProduct(itemId, category, images, name, description, shortDescription, brand, sellerSku,
                skuId, price, quantity, text(sku, "Status"), weight, length, width, height,
                text(sku, "package_content"));
    }

    private static JsonNode product(String payload) {
        if (payload == null || payload.isBlank()) {
            throw FakeLazadaRefusal.missing("payload");
        }
        JsonNode root;
        try {
            root = FakeLazadaAnswer.JSON.readTree(payload);
        } catch (Exception notJson) {
            throw FakeLazadaRefusal.isv("1001", "The parameters are not in JSON format");
        }
        JsonNode product = root.path("Request").path("Product");
        if (!product.isObject()) {
            throw FakeLazadaRefusal.isv("5", "E005: Invalid Request Format: Request.Product is missing");
        }
        return product;
    }

    private static String category(JsonNode product, Set<String> nonLeafCategories, boolean required) {
        String category = text(product, "PrimaryCategory");
        if (category == null) {
            if (required) {
                throw FakeLazadaRefusal.mandatory("PrimaryCategory");
            }
            return null;
        }
        if (!category.matches("\\d{1,12}")) {
            throw FakeLazadaRefusal.isv("201", "E201: " + category + " Invalid CategoryId");
        }
        if (nonLeafCategories.contains(category)) {
            throw FakeLazadaRefusal.isv("4134", "Please select the last level category.");
        }
        return category;
    }

    private static List<String> images(JsonNode product, boolean required) {
        JsonNode images = product.path("Images");
        if (images.isMissingNode()) {
            if (required) {
                throw FakeLazadaRefusal.isv("4139", "BIZ_CHECK_MAIN_IMAGE_REQUIRE:Main image is require");
            }
            return null;
        }
        JsonNode list = images.path("Image");
        if (!list.isArray()) {
            throw FakeLazadaRefusal.isv("1001", "The parameters are not in JSON format: Images.Image must be an array");
        }
        if (list.isEmpty()) {
            throw FakeLazadaRefusal.isv("4139", "BIZ_CHECK_MAIN_IMAGE_REQUIRE:Main image is require");
        }
        if (list.size() > MAX_IMAGES) {
            throw FakeLazadaRefusal.isv("4169", "CHK_IMAGE_MAX_ITEMS: Upload a maximum of 8 pictures");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode image : list) {
            String url = image.asText();
            if (!lazadaHosted(url)) {
                throw FakeLazadaRefusal.isv("4138", "BIZ_CHECK_EXIST_OUTER_IMAGE: The image exists in the outer link: "
                        + url);
            }
            urls.add(url);
        }
        return urls;
    }

    private static JsonNode onlySku(JsonNode product) {
        JsonNode skus = product.path("Skus").path("Sku");
        if (skus.isMissingNode()) {
            throw FakeLazadaRefusal.mandatory("Skus");
        }
        if (!skus.isArray()) {
            throw FakeLazadaRefusal.isv("1001", "The parameters are not in JSON format: Skus.Sku must be an array");
        }
        if (skus.isEmpty()) {
            throw FakeLazadaRefusal.mandatory("Skus");
        }
        if (skus.size() > 1) {
            throw new IllegalStateException("the fake keeps one SKU per item; the hub never sends more");
        }
        return skus.get(0);
    }

    private static String packageValue(JsonNode sku, String field) {
        String value = text(sku, field);
        if (value == null) {
            return null;
        }
        BigDecimal number = number(value, field);
        if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 2) {
            throw FakeLazadaRefusal.isv("4149", "BIZ_CHECK_PACKAGE_DECIMAL_INVALID: " + field + " " + value
                    + " is not valid (at most two decimals)");
        }
        return value;
    }

    private static BigDecimal number(String text, String field) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw FakeLazadaRefusal.isv("5", "E005: Invalid Request Format: " + field + " '" + text + "'");
        }
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw FakeLazadaRefusal.isv("4108", "CHK_BASIC_REQUIRED: " + field + " is mandatory");
        }
        return value;
    }

    private static String brand(JsonNode attributes) {
        String brand = text(attributes, "brand");
        return brand != null ? brand : text(attributes, "brand_id");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static boolean lazadaHosted(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && host.endsWith(".slatic.net");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
