package vn.ocop.hub.fakes.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The product module (v2.product.*) with the checks Shopee documents: required fields (answered
 * as "invalid field X: value must  Not Null"), JSON types, batch lengths 1–50, integer VND prices,
 * known image ids and enabled logistics channels. Refusals come under HTTP 200 with an error code.
 */
final class FakeShopeeProducts {

    /** item_name limit for Vietnam; longer names are refused (error_title_exceeds_max_length). */
    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 3000;
    static final int MAX_BATCH = 50;
    static final Set<String> STATUSES = Set.of("NORMAL", "BANNED", "UNLIST", "REVIEWING", "SELLER_DELETE",
            "SHOPEE_DELETE");

    /** A check failed: this is the answer. */
    static final class Refused extends RuntimeException {
        final ShopeeReply reply;

        Refused(ShopeeReply reply) {
            super(reply.body(), null, false, false);
            this.reply = reply;
        }
    }

    private final FakeShopeeCatalogue catalogue;
    private final ObjectMapper json;
    private final Set<Long> enabledChannels;
    private volatile boolean refuseDuplicateSku;

    FakeShopeeProducts(FakeShopeeCatalogue catalogue, ObjectMapper json, Set<Long> enabledChannels) {
        this.catalogue = catalogue;
        this.json = json;
        this.enabledChannels = Set.copyOf(enabledChannels);
    }

    void refuseDuplicateSku(boolean refuse) {
        this.refuseDuplicateSku = refuse;
    }

    // ---- writes -------------------------------------------------------------------------------

    ShopeeReply addItem(JsonNode b) {
        String name = text(b, "item_name", true);
        String description = text(b, "description", true);
        BigDecimal price = number(b, "original_price", true);
        BigDecimal weight = number(b, "weight", true);
        long category = integer(b, "category_id", true);
        checkName(name);
        checkDescription(description);
        checkPrice(price);
        checkWeight(weight);
        List<String> images = images(b, true);
        List<Long> logistics = logistics(b, true);
        JsonNode brand = b.get("brand");
        if (brand == null || brand.isNull()) {
            throw refused("product.error_invalid_brand", "Brand information required");
        }
        String sku = text(b, "item_sku", false);
        String status = enumText(b, "item_status", Set.of("NORMAL", "UNLIST"));
        String condition = enumText(b, "condition", Set.of("NEW", "USED"));
        long stock = 0;
        if (b.has("seller_stock")) {
            ArrayNode sellerStock = array(b, "seller_stock", true);
            for (JsonNode entry : sellerStock) {
                stock += nonNegative(integer(entry, "stock", true), "stock");
            }
        }
        if (refuseDuplicateSku && catalogue.hasLiveSku(sku)) {
            throw refused("product.error_repeated_mtsku", "A similar product has already been uploaded");
        }
        long id = catalogue.nextItemId();
        catalogue.put(new ShopeeItem(id, sku == null ? "" : sku, name, description, price, stock,
                status == null ? "NORMAL" : status, images, category, weight, brandId(brand), brandName(brand),
                gtin(b), logistics, dimensions(b), condition == null ? "NEW" : condition, null, null));
        ObjectNode response = json.createObjectNode().put("item_id", id).put("item_name", name)
                .put("item_status", status == null ? "NORMAL" : status);
        response.putObject("price_info").put("original_price", price).put("current_price", price);
        return ShopeeReply.ok(response);
    }

    ShopeeReply updateItem(JsonNode b) {
        long id = integer(b, "item_id", true);
        String name = text(b, "item_name", false);
        String description = text(b, "description", false);
        BigDecimal weight = number(b, "weight", false);
        Long category = b.has("category_id") ? integer(b, "category_id", true) : null;
        List<String> images = b.has("image") ? images(b, true) : null;
        List<Long> logistics = b.has("logistic_info") ? logistics(b, true) : null;
        JsonNode brand = b.get("brand");
        String sku = text(b, "item_sku", false);
        String status = enumText(b, "item_status", Set.of("NORMAL", "UNLIST"));
        String condition = enumText(b, "condition", Set.of("NEW", "USED"));
        String gtin = b.has("gtin_code") ? gtin(b) : null;
        List<Integer> dimensions = b.has("dimension") ? dimensions(b) : null;
        if (name != null) {
            checkName(name);
        }
        if (description != null) {
            checkDescription(description);
        }
        if (weight != null) {
            checkWeight(weight);
        }
        // original_price and seller_stock are not update_item parameters: ignored, as Shopee does
        Optional<ShopeeItem> changed = catalogue.change(id, i -> new ShopeeItem(i.itemId(),
                sku != null ? sku : i.itemSku(), name != null ? name : i.itemName(),
                description != null ? description : i.description(), i.originalPrice(), i.stock(),
                status != null ? status : i.status(), images != null ? images : i.imageIds(),
                category != null ? category : i.categoryId(), weight != null ? weight : i.weight(),
                brand != null ? brandId(brand) : i.brandId(), brand != null ? brandName(brand) : i.brandName(),
                gtin != null ? gtin : i.gtinCode(), logistics != null ? logistics : i.logisticIds(),
                dimensions != null ? dimensions : i.dimensions(), condition != null ? condition : i.condition(),
                i.createTime(), i.updateTime()));
        ShopeeItem item = changed.orElseThrow(() -> refused("product.error_item_not_found", "Item_id is not found."));
        return ShopeeReply.ok(json.createObjectNode().put("item_id", item.itemId()).put("item_name", item.itemName())
                .put("item_status", item.status()));
    }

    ShopeeReply updatePrice(JsonNode b, String entryFailure) {
        long id = integer(b, "item_id", true);
        ArrayNode list = batch(b, "price_list");
        existing(id);
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("failure_list");
        ArrayNode successes = response.putArray("success_list");
        for (JsonNode entry : list) {
            long model = entry.has("model_id") ? integer(entry, "model_id", true) : 0;
            BigDecimal price = number(entry, "original_price", true);
            String problem = entryFailure != null ? entryFailure
                    : model != 0 ? "Wrong model_id."
                    : !isInteger(price) || price.signum() <= 0 ? "Invalid price, please use the correct format" : null;
            if (problem != null) {
                failures.addObject().put("model_id", model).put("failed_reason", problem);
            } else {
                catalogue.change(id, i -> i.withPrice(price));
                successes.addObject().put("model_id", model).put("original_price", price);
            }
        }
        return ShopeeReply.ok(response);
    }

    ShopeeReply updateStock(JsonNode b, String entryFailure) {
        long id = integer(b, "item_id", true);
        ArrayNode list = batch(b, "stock_list");
        existing(id);
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("failure_list");
        ArrayNode successes = response.putArray("success_list");
        for (JsonNode entry : list) {
            long model = entry.has("model_id") ? integer(entry, "model_id", true) : 0;
            // normal_stock went offline on 2022-10-31: only seller_stock counts
            ArrayNode sellerStock = array(entry, "seller_stock", true);
            long stock = 0;
            for (JsonNode s : sellerStock) {
                stock += integer(s, "stock", true);
            }
            String problem = entryFailure != null ? entryFailure
                    : model != 0 ? "Wrong model_id."
                    : stock < 0 ? "Stock should be larger than reserved stock." : null;
            if (problem != null) {
                failures.addObject().put("model_id", model).put("failed_reason", problem);
            } else {
                long total = stock;
                catalogue.change(id, i -> i.withStock(total));
                successes.addObject().put("model_id", model).put("stock", total);
            }
        }
        return ShopeeReply.ok(response);
    }

    ShopeeReply unlistItem(JsonNode b, String entryFailure) {
        ArrayNode list = batch(b, "item_list");
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("failure_list");
        ArrayNode successes = response.putArray("success_list");
        for (JsonNode entry : list) {
            long id = integer(entry, "item_id", true);
            boolean unlist = bool(entry, "unlist");
            Optional<ShopeeItem> item = catalogue.find(id).filter(i -> !i.deleted());
            String problem = entryFailure != null ? entryFailure
                    : item.isEmpty() ? "Product not found"
                    : Set.of("BANNED", "REVIEWING").contains(item.get().status())
                    ? "Banned and Reviewing Products cannot be delisted" : null;
            if (problem != null) {
                failures.addObject().put("item_id", id).put("failed_reason", problem);
            } else {
                catalogue.change(id, i -> i.withStatus(unlist ? "UNLIST" : "NORMAL"));
                successes.addObject().put("item_id", id).put("unlist", unlist);
            }
        }
        return ShopeeReply.ok(response);
    }

    // ---- reads --------------------------------------------------------------------------------

    ShopeeReply searchItem(ShopeeCall call) {
        String pageSize = call.param("page_size");
        if (pageSize == null || pageSize.isEmpty()) {
            throw new Refused(ShopeeReply.missing("page_size"));
        }
        int size = (int) queryInt(pageSize, "page_size");
        if (size < 1 || size > 100) {
            throw refused("product.error_param", "Wrong parameters, detail: page_size should be between 1 and 100.");
        }
        String sku = call.param("item_sku");
        String name = call.param("item_name");
        if (sku == null && name == null && call.param("attribute_status") == null) {
            throw refused("product.error_param", "request must set one of [item_name,attribute_status]");
        }
        List<String> statuses = call.params("item_status");
        for (String s : statuses) {
            if (!STATUSES.contains(s)) {
                throw refused("product.error_param", "Wrong parameters, detail: invalid item_status " + s + ".");
            }
        }
        int offset = call.param("offset") == null || call.param("offset").isEmpty() ? 0
                : (int) queryInt(call.param("offset"), "offset");
        List<Long> all = catalogue.search(sku, name, statuses);
        List<Long> page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        ObjectNode response = json.createObjectNode();
        ArrayNode ids = response.putArray("item_id_list");
        page.forEach(ids::add);
        response.put("total_count", all.size());
        response.put("next_offset", offset + size < all.size() ? String.valueOf(offset + size) : "");
        return ShopeeReply.ok(response);
    }

    /** v2.product.get_item_list: offset, page_size (max 100) and item_status are required. */
    ShopeeReply itemList(ShopeeCall call) {
        for (String required : List.of("offset", "page_size", "item_status")) {
            if (call.param(required) == null || call.param(required).isEmpty()) {
                throw new Refused(ShopeeReply.missing(required));
            }
        }
        int offset = (int) queryInt(call.param("offset"), "offset");
        int size = (int) queryInt(call.param("page_size"), "page_size");
        if (size < 1 || size > 100) {
            throw refused("product.error_param", "Wrong parameters, detail: page_size should be between 1 and 100.");
        }
        List<String> statuses = call.params("item_status");
        for (String s : statuses) {
            if (!STATUSES.contains(s)) {
                throw refused("product.error_param", "Wrong parameters, detail: invalid item_status " + s + ".");
            }
        }
        java.time.Instant from = call.param("update_time_from") == null ? null
                : java.time.Instant.ofEpochSecond(queryInt(call.param("update_time_from"), "update_time_from"));
        java.time.Instant to = call.param("update_time_to") == null ? null
                : java.time.Instant.ofEpochSecond(queryInt(call.param("update_time_to"), "update_time_to"));
        List<ShopeeItem> all = catalogue.changedBetween(from, to, statuses);
        List<ShopeeItem> page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        ObjectNode response = json.createObjectNode();
        ArrayNode items = response.putArray("item");
        page.forEach(i -> items.addObject().put("item_id", i.itemId()).put("item_status", i.status())
                .put("update_time", i.updateTime().getEpochSecond()));
        response.put("total_count", all.size());
        response.put("has_next_page", offset + size < all.size());
        response.put("next_offset", offset + size);
        return ShopeeReply.ok(response);
    }

    ShopeeReply itemBaseInfo(ShopeeCall call) {
        String list = call.param("item_id_list");
        if (list == null || list.isBlank()) {
            throw new Refused(ShopeeReply.missing("item_id_list"));
        }
        String[] ids = list.split(",");
        if (ids.length > MAX_BATCH) {
            throw refused("product.error_param", "Wrong parameters, detail: item_id_list limit [0,50].");
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode items = response.putArray("item_list");
        for (String id : ids) {
            catalogue.find(queryInt(id.trim(), "item_id_list")).ifPresent(i -> {
                ObjectNode item = items.addObject().put("item_id", i.itemId()).put("item_sku", i.itemSku())
                        .put("item_name", i.itemName()).put("item_status", i.status())
                        .put("category_id", i.categoryId()).put("description", i.description())
                        .put("weight", i.weight());
                item.putArray("price_info").addObject().put("currency", "VND")
                        .put("original_price", i.originalPrice()).put("current_price", i.originalPrice());
                ArrayNode images = item.putObject("image").putArray("image_id_list");
                i.imageIds().forEach(images::add);
            });
        }
        return ShopeeReply.ok(response);
    }

    // ---- checks -------------------------------------------------------------------------------

    private void existing(long id) {
        if (catalogue.find(id).filter(i -> !i.deleted()).isEmpty()) {
            throw refused("product.error_item_not_found", "Item_id is not found.");
        }
    }

    private static void checkName(String name) {
        if (name.isBlank()) {
            throw refused("product.error_item_name_empty", "Item name could not be empty.");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw refused("product.error_title_exceeds_max_length", "The length of item_name is bigger than max limit.");
        }
    }

    private static void checkDescription(String description) {
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw refused("product.error_param",
                    "Parameter is not match the constraints, description is longer than " + MAX_DESCRIPTION + ".");
        }
    }

    private static void checkPrice(BigDecimal price) {
        // Vietnam takes integer prices only (update_price: only SG/MY/BR/MX/PL/ES/AR allow decimals)
        if (price.signum() <= 0 || !isInteger(price)) {
            throw refused("product.error_invalid_price", "Invalid price, please use the correct format");
        }
    }

    private static void checkWeight(BigDecimal weight) {
        if (weight.signum() <= 0) {
            throw refused("product.error_param", "Invalid Weight.");
        }
    }

    private List<String> images(JsonNode b, boolean required) {
        JsonNode image = b.get("image");
        if (image == null || image.isNull()) {
            throw new Refused(ShopeeReply.missing("image"));
        }
        ArrayNode list = array(image, "image_id_list", required);
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isTextual()) {
                throw wrongType("image_id_list", "string[]");
            }
            if (!catalogue.imageExists(id.asText())) {
                throw refused("product.error_param", "Image not exist.");
            }
            ids.add(id.asText());
        }
        if (ids.isEmpty()) {
            throw refused("product.error_image_num_min", "At least one image is required.");
        }
        return ids;
    }

    private List<Long> logistics(JsonNode b, boolean required) {
        ArrayNode list = array(b, "logistic_info", required);
        List<Long> enabled = new ArrayList<>();
        for (JsonNode channel : list) {
            long id = integer(channel, "logistic_id", true);
            boolean on = bool(channel, "enabled");
            if (channel.has("is_free")) {
                bool(channel, "is_free");
            }
            if (!enabledChannels.contains(id)) {
                throw refused("product.error_param", "Invalid logistic info, channel " + id
                        + " is not enabled for this shop");
            }
            if (on) {
                enabled.add(id);
            }
        }
        if (enabled.isEmpty()) {
            throw refused("product.error_param", "Invalid logistic info, no channel enabled");
        }
        return enabled;
    }

    private long brandId(JsonNode brand) {
        long id = integer(brand, "brand_id", true);
        text(brand, "original_brand_name", true);
        if (id != 0) {
            throw refused("product.error_invalid_brand", "Invalid brand");
        }
        return id;
    }

    private static String brandName(JsonNode brand) {
        return brand.path("original_brand_name").asText();
    }

    private static String gtin(JsonNode b) {
        String gtin = text(b, "gtin_code", false);
        if (gtin == null || gtin.equals("00")) {
            return gtin;
        }
        if (!gtin.matches("\\d{8}|\\d{12,14}") || !checkDigitOk(gtin)) {
            throw refused("product.error_param_validate", "This is not a valid GTIN. Please, inform a valid number.");
        }
        return gtin;
    }

    private static List<Integer> dimensions(JsonNode b) {
        JsonNode d = b.get("dimension");
        if (d == null || d.isNull()) {
            return List.of();
        }
        List<Integer> cm = new ArrayList<>();
        for (String side : List.of("package_length", "package_width", "package_height")) {
            long value = integer(d, side, true);
            if (value < 1) {
                throw refused("product.error_param", "dimension is required");
            }
            cm.add((int) value);
        }
        return cm;
    }

    private static ArrayNode batch(JsonNode b, String field) {
        ArrayNode list = array(b, field, true);
        if (list.isEmpty() || list.size() > MAX_BATCH) {
            throw refused("product.error_param", "Parameter is not match the constraints, " + field
                    + " length should be between 1 to " + MAX_BATCH + ".");
        }
        return list;
    }

    static String text(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refused(ShopeeReply.missing(field));
            }
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "string");
        }
        return v.asText();
    }

    static long integer(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refused(ShopeeReply.missing(field));
            }
            return 0;
        }
        if (!v.isIntegralNumber()) {
            throw wrongType(field, "int");
        }
        return v.asLong();
    }

    private static BigDecimal number(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refused(ShopeeReply.missing(field));
            }
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(field, "float");
        }
        return v.decimalValue();
    }

    private static boolean bool(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            throw new Refused(ShopeeReply.missing(field));
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "boolean");
        }
        return v.asBoolean();
    }

    private static ArrayNode array(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refused(ShopeeReply.missing(field));
            }
            return new ObjectMapper().createArrayNode();
        }
        if (!v.isArray()) {
            throw wrongType(field, "object[]");
        }
        return (ArrayNode) v;
    }

    private static String enumText(JsonNode b, String field, Set<String> allowed) {
        String value = text(b, field, false);
        if (value != null && !allowed.contains(value)) {
            throw refused("product.error_param", "Wrong parameters, detail: " + field + " should be one of "
                    + allowed + ".");
        }
        return value;
    }

    private static long nonNegative(long value, String field) {
        if (value < 0) {
            throw refused("product.error_param", "Wrong parameters, detail: " + field + " must not be negative.");
        }
        return value;
    }

    private static long queryInt(String value, String field) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused("product.error_param", "Wrong parameters, detail: " + field + " should be int.");
        }
    }

    private static boolean isInteger(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }

    private static boolean checkDigitOk(String gtin) {
        int sum = 0;
        for (int i = 0; i < gtin.length() - 1; i++) {
            int digit = gtin.charAt(gtin.length() - 2 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10 == gtin.charAt(gtin.length() - 1) - '0';
    }

    static Refused wrongType(String field, String type) {
        return refused("product.error_param", "Wrong parameters, detail: " + field + " should be " + type + ".");
    }

    static Refused refused(String error, String message) {
        return new Refused(ShopeeReply.refused(error, message));
    }
}
