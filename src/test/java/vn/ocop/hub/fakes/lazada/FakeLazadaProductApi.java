package vn.ocop.hub.fakes.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The product APIs of the fake, each checking its payload as Lazada does and answering with the
 * codes of the API's error table: image migration, look-ups, create, update, price/quantity and
 * deactivate.
 */
final class FakeLazadaProductApi {

    private static final int MAX_SKUS_PER_CALL = 50;
    private static final Set<String> FILTERS = Set.of("all", "live", "inactive", "deleted", "pending", "rejected",
            "sold-out");

    private final FakeLazadaCatalogue catalogue;
    private final FakeLazadaFaults faults;
    private final Set<String> nonLeafCategories;
    private final Map<String, Integer> migrations;
    private final BooleanSupplier reviewNewItems;

    FakeLazadaProductApi(FakeLazadaCatalogue catalogue, FakeLazadaFaults faults, Set<String> nonLeafCategories,
                         Map<String, Integer> migrations, BooleanSupplier reviewNewItems) {
        this.catalogue = catalogue;
        this.faults = faults;
        this.nonLeafCategories = nonLeafCategories;
        this.migrations = migrations;
        this.reviewNewItems = reviewNewItems;
    }

    FakeLazadaAnswer answer(String apiPath, Map<String, String> params) {
        return switch (apiPath) {
            case FakeLazada.MIGRATE_IMAGE -> migrateImage(params);
            case FakeLazada.PRODUCTS -> products(params);
            case FakeLazada.ITEM -> item(params);
            case FakeLazada.CREATE -> create(params);
            case FakeLazada.UPDATE -> update(params);
            case FakeLazada.PRICE_QUANTITY -> priceQuantity(params);
            case FakeLazada.DEACTIVATE -> deactivate(params);
            default -> FakeLazadaAnswer.notFound(apiPath);
        };
    }

    private FakeLazadaAnswer migrateImage(Map<String, String> params) {
        Element image = FakeLazadaXml.child(FakeLazadaXml.parse("payload", params.get("payload")), "Image");
        String url = FakeLazadaXml.text(image, "Url");
        if (url == null) {
            throw FakeLazadaRefusal.isv("30", "E030: Empty Request");
        }
        if (!downloadable(url)) {
            throw FakeLazadaRefusal.isv("302", "E302: Not supported URL");
        }
        migrations.merge(url, 1, Integer::sum);
        String hash = md5(url);
        ObjectNode data = FakeLazadaAnswer.JSON.createObjectNode();
        ObjectNode hosted = data.putObject("image");
        hosted.put("url", "https://vn-live-02.slatic.net/p/" + hash + ".jpg");
        hosted.put("hash_code", hash);
        return FakeLazadaAnswer.ok(data);
    }

    private FakeLazadaAnswer products(Map<String, String> params) {
        String filter = params.get("filter");
        if (filter == null || !FILTERS.contains(filter)) {
            throw FakeLazadaRefusal.isv("36", "E036: Invalid status filter");
        }
        String limit = params.get("limit");
        if (limit != null && (!limit.matches("\\d{1,3}") || Integer.parseInt(limit) > 50)) {
            throw FakeLazadaRefusal.isv("19", "E019: \"" + limit + "\" Invalid Limit");
        }
        Set<String> skus = sellerSkuList(params.get("sku_seller_list"));
        ArrayNode products = FakeLazadaAnswer.JSON.createArrayNode();
        if (!faults.takeLookupLag()) {
            synchronized (catalogue) {
                for (FakeLazadaCatalogue.Item item : catalogue.all()) {
                    if ((skus == null || skus.contains(item.sellerSku)) && matchesFilter(item, filter)) {
                        products.add(itemJson(item));
                    }
                }
            }
        }
        ObjectNode data = FakeLazadaAnswer.JSON.createObjectNode();
        data.put("total_products", products.size());
        data.set("products", products);
        return FakeLazadaAnswer.ok(data);
    }

    private FakeLazadaAnswer item(Map<String, String> params) {
        String itemId = params.get("item_id");
        if (itemId == null) {
            throw FakeLazadaRefusal.isv("200", "E200: Empty SellerSku"); // Lazada's text for "no item id"
        }
        FakeLazadaCatalogue.Item item = catalogue.byItemId(itemId)
                .orElseThrow(() -> FakeLazadaRefusal.isv("208", "E208: Item not exist"));
        synchronized (catalogue) {
            return FakeLazadaAnswer.ok(itemJson(item));
        }
    }

    private FakeLazadaAnswer create(Map<String, String> params) {
        FakeLazadaProduct p = FakeLazadaProduct.forCreate(params.get("payload"), nonLeafCategories);
        FakeLazadaCatalogue.Item item;
        synchronized (catalogue) {
            if (catalogue.bySellerSku(p.sellerSku()).isPresent()) {
                return FakeLazadaAnswer.error("ISV", "500", "E500: Create product failed", List.of(
                        new FakeLazadaAnswer.Detail("SellerSku", p.sellerSku(),
                                "BIZ_CHECK_SELLER_SKU_DUPLICATE: SellerSku repeat")));
            }
            item = catalogue.add(p.sellerSku());
            apply(item, p);
            item.price = p.price();
            item.quantity = p.quantity();
            item.status = reviewNewItems.getAsBoolean() ? "Pending QC" : "Active";
        }
        ObjectNode data = FakeLazadaAnswer.JSON.createObjectNode();
        data.put("item_id", Long.parseLong(item.itemId));
        ObjectNode sku = data.putArray("sku_list").addObject();
        sku.put("seller_sku", item.sellerSku);
        sku.put("shop_sku", item.shopSku());
        sku.put("sku_id", Long.parseLong(item.skuId));
        data.put("item_status", item.status);
        return FakeLazadaAnswer.ok(data);
    }

    private FakeLazadaAnswer update(Map<String, String> params) {
        FakeLazadaProduct p = FakeLazadaProduct.forUpdate(params.get("payload"), nonLeafCategories);
        FakeLazadaCatalogue.Item item = catalogue.byItemId(p.itemId())
                .filter(i -> i.skuId.equals(p.skuId()))
                .orElseThrow(() -> FakeLazadaRefusal.isv("4137", "ITEM_NOT_FOUND: The item id entered in the request "
                        + "does not exist on the current country and store"));
        synchronized (catalogue) {
            apply(item, p);
            if (p.price() != null) {
                item.price = p.price();
            }
            if (p.quantity() != null) {
                item.quantity = p.quantity();
            }
            if ("active".equals(p.skuStatus()) && "InActive".equals(item.status)) {
                item.status = "Active";
            } else if ("inactive".equals(p.skuStatus())) {
                item.status = "InActive";
            } else if ("deleted".equals(p.skuStatus())) {
                item.status = "Deleted";
            }
            ObjectNode data = FakeLazadaAnswer.JSON.createObjectNode();
            data.put("item_status", item.status);
            return FakeLazadaAnswer.ok(data);
        }
    }

    /** All SKUs are checked first; any failure answers E501 with the per-SKU detail and changes nothing. */
    private FakeLazadaAnswer priceQuantity(Map<String, String> params) {
        Element product = FakeLazadaXml.child(FakeLazadaXml.parse("payload", params.get("payload")), "Product");
        List<Element> skus = FakeLazadaXml.children(FakeLazadaXml.child(product, "Skus"), "Sku");
        if (skus.isEmpty()) {
            throw FakeLazadaRefusal.mandatory("Skus");
        }
        if (skus.size() > MAX_SKUS_PER_CALL) {
            throw FakeLazadaRefusal.isv("4171", "The updated SKU quantity exceeds the maximum number 50, please do "
                    + "not update more than 50 SKUs at once");
        }
        List<FakeLazadaAnswer.Detail> failures = new ArrayList<>();
        Map<FakeLazadaCatalogue.Item, long[]> changes = new LinkedHashMap<>();
        for (Element sku : skus) {
            String itemId = FakeLazadaXml.text(sku, "ItemId");
            String skuId = FakeLazadaXml.text(sku, "SkuId");
            String sellerSku = FakeLazadaXml.text(sku, "SellerSku");
            if (itemId == null) {
                throw FakeLazadaRefusal.mandatory("ItemId");
            }
            if (skuId == null) {
                throw FakeLazadaRefusal.mandatory("SkuId");
            }
            Optional<FakeLazadaCatalogue.Item> item = catalogue.byItemId(itemId).filter(i -> i.skuId.equals(skuId));
            if (item.isEmpty()) {
                failures.add(new FakeLazadaAnswer.Detail("SkuId", sellerSku, "ITEM_NOT_FOUND: item " + itemId
                        + " has no SKU " + skuId));
                continue;
            }
            String label = sellerSku != null ? sellerSku : skuId;
            if (item.get().campaignLocked) {
                failures.add(new FakeLazadaAnswer.Detail(null, sellerSku, "4170 The SKU " + label
                        + " is in a running campaign; its price and stock are locked"));
                continue;
            }
            try {
                String price = FakeLazadaXml.text(sku, "Price");
                String quantity = FakeLazadaXml.text(sku, "Quantity");
                changes.put(item.get(), new long[] {
                        price == null ? -1 : FakeLazadaProduct.price(price, label),
                        quantity == null ? -1 : FakeLazadaProduct.quantity(quantity, label)});
            } catch (FakeLazadaRefusal invalid) {
                failures.add(new FakeLazadaAnswer.Detail(null, sellerSku, invalid.answer().code() + " "
                        + messageOf(invalid.answer())));
            }
        }
        if (!failures.isEmpty()) {
            return FakeLazadaAnswer.error("ISV", "501", "E501: Update product failed", failures);
        }
        synchronized (catalogue) {
            changes.forEach((item, change) -> {
                if (change[0] >= 0) {
                    item.price = change[0];
                }
                if (change[1] >= 0) {
                    item.quantity = (int) change[1];
                }
            });
        }
        return FakeLazadaAnswer.ok(FakeLazadaAnswer.JSON.createObjectNode());
    }

    private FakeLazadaAnswer deactivate(Map<String, String> params) {
        Element product = FakeLazadaXml.child(FakeLazadaXml.parse("apiRequestBody", params.get("apiRequestBody")),
                "Product");
        String itemId = FakeLazadaXml.text(product, "ItemId");
        if (itemId == null) {
            throw FakeLazadaRefusal.isv("E0001", "Parameter ItemId is mandatory");
        }
        Element skus = FakeLazadaXml.child(product, "Skus");
        if (skus != null && FakeLazadaXml.child(skus, "SellerSku") != null) {
            throw FakeLazadaRefusal.isv("4193", "The SellerSku parameter is no longer supported. Please update your "
                    + "parameter to use SkuId and try again");
        }
        FakeLazadaCatalogue.Item item = catalogue.byItemId(itemId)
                .orElseThrow(() -> FakeLazadaRefusal.isv("E0002", "Product:item id not exist"));
        for (Element skuId : FakeLazadaXml.children(skus, "SkuId")) {
            if (!item.skuId.equals(skuId.getTextContent().trim())) {
                throw FakeLazadaRefusal.isv("E0003", "Seller Sku not exists");
            }
        }
        synchronized (catalogue) {
            if (!"Active".equals(item.status) && !"Pending QC".equals(item.status)) {
                throw FakeLazadaRefusal.isv("E0004", "Product Status not online");
            }
            item.status = "InActive";
        }
        return FakeLazadaAnswer.ok(FakeLazadaAnswer.JSON.createObjectNode());
    }


    private static void apply(FakeLazadaCatalogue.Item item, FakeLazadaProduct p) {
        boolean content = false;
        if (p.primaryCategory() != null) {
            item.primaryCategory = p.primaryCategory();
            content = true;
        }
        if (p.images() != null) {
            item.images = p.images();
            content = true;
        }
        if (p.name() != null) {
            item.name = p.name();
            content = true;
        }
        if (p.description() != null) {
            item.description = p.description();
        }
        if (p.shortDescription() != null) {
            item.shortDescription = p.shortDescription();
        }
        if (p.brand() != null) {
            item.brand = p.brand();
        }
        if (p.packageWeight() != null) {
            item.packageWeight = p.packageWeight();
        }
        if (p.packageLength() != null) {
            item.packageLength = p.packageLength();
        }
        if (p.packageWidth() != null) {
            item.packageWidth = p.packageWidth();
        }
        if (p.packageHeight() != null) {
            item.packageHeight = p.packageHeight();
        }
        if (p.packageContent() != null) {
            item.packageContent = p.packageContent();
        }
        if (content && p.itemId() != null) {
            item.contentUpdates++;
        }
    }

    private static ObjectNode itemJson(FakeLazadaCatalogue.Item item) {
        ObjectNode json = FakeLazadaAnswer.JSON.createObjectNode();
        json.put("item_id", Long.parseLong(item.itemId));
        json.put("primary_category", Long.parseLong(item.primaryCategory));
        json.put("status", item.status);
        ObjectNode attributes = json.putObject("attributes");
        attributes.put("name", item.name);
        attributes.put("description", item.description);
        attributes.put("brand", item.brand);
        ArrayNode images = json.putArray("images");
        item.images.forEach(images::add);
        if (item.rejectReason != null) {
            json.putArray("rejectReason").addObject().put("violationDetail", item.rejectReason)
                    .put("suggestion", "Please correct the listing and submit again");
        }
        ObjectNode sku = json.putArray("skus").addObject();
        sku.put("SkuId", Long.parseLong(item.skuId));
        sku.put("SellerSku", item.sellerSku);
        sku.put("ShopSku", item.shopSku());
        sku.put("Status", "Active".equals(item.status) ? "active" : "inactive");
        sku.put("quantity", item.quantity);
        sku.put("Available", item.quantity);
        sku.put("price", (double) item.price);
        sku.put("package_weight", item.packageWeight);
        sku.put("package_length", item.packageLength);
        sku.put("package_width", item.packageWidth);
        sku.put("package_height", item.packageHeight);
        return json;
    }

    private static boolean matchesFilter(FakeLazadaCatalogue.Item item, String filter) {
        return switch (filter) {
            case "all" -> !"Deleted".equals(item.status);
            case "live" -> "Active".equals(item.status);
            case "inactive" -> "InActive".equals(item.status);
            case "deleted" -> "Deleted".equals(item.status);
            case "pending" -> "Pending QC".equals(item.status);
            case "rejected" -> "Rejected".equals(item.status);
            case "sold-out" -> "Active".equals(item.status) && item.quantity == 0;
            default -> false;
        };
    }

    private static Set<String> sellerSkuList(String list) {
        if (list == null) {
            return null;
        }
        try {
            JsonNode array = FakeLazadaAnswer.JSON.readTree(list);
            if (!array.isArray()) {
                throw new IllegalArgumentException("not an array");
            }
            Set<String> skus = new HashSet<>();
            for (JsonNode sku : array) {
                if (!sku.isTextual()) {
                    throw new IllegalArgumentException("not a string");
                }
                skus.add(sku.asText());
            }
            return skus;
        } catch (Exception corrupt) {
            throw FakeLazadaRefusal.isv("70", "E070: You have corrupt data in your sku seller list.");
        }
    }

    /** Lazada fetches images itself: web ports only, no IP hosts, no private ranges. */
    private static boolean downloadable(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            int port = uri.getPort();
            return ("http".equals(scheme) || "https".equals(scheme)) && host != null
                    && (port == -1 || port == 80 || port == 443)
                    && !host.matches("[0-9.]+") && !host.startsWith("[");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String messageOf(FakeLazadaAnswer answer) {
        try {
            return FakeLazadaAnswer.JSON.readTree(answer.body()).path("message").asText();
        } catch (Exception e) {
            return answer.body();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
