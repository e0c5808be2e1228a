package vn.ocop.hub.fakes.shopee;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One item in the fake shop as a test sees it: what Shopee would show in Seller Centre.
 *
 * @param status     NORMAL, UNLIST, REVIEWING, BANNED, SELLER_DELETE or SHOPEE_DELETE
 * @param dimensions package length, width, height in cm, or empty when none was given
 * @param createTime when the shop got it; set by the catalogue
 * @param updateTime its last change (get_item_list filters on it); set by the catalogue
 */
public record ShopeeItem(long itemId, String itemSku, String itemName, String description, BigDecimal originalPrice,
                         long stock, String status, List<String> imageIds, long categoryId, BigDecimal weight,
                         long brandId, String brandName, String gtinCode, List<Long> logisticIds,
                         List<Integer> dimensions, String condition, Instant createTime, Instant updateTime) {

    public ShopeeItem {
        imageIds = List.copyOf(imageIds);
        logisticIds = List.copyOf(logisticIds);
        dimensions = List.copyOf(dimensions);
    }

    ShopeeItem stamped(Instant created, Instant updated) {
        return new ShopeeItem(itemId, itemSku, itemName, description, originalPrice, stock, status, imageIds,
                categoryId, weight, brandId, brandName, gtinCode, logisticIds, dimensions, condition, created, updated);
    }

    ShopeeItem withStatus(String newStatus) {
        return new ShopeeItem(itemId, itemSku, itemName, description, originalPrice, stock, newStatus, imageIds,
                categoryId, weight, brandId, brandName, gtinCode, logisticIds, dimensions, condition, createTime,
                updateTime);
    }

    ShopeeItem withPrice(BigDecimal price) {
        return new ShopeeItem(itemId, itemSku, itemName, description, price, stock, status, imageIds, categoryId,
                weight, brandId, brandName, gtinCode, logisticIds, dimensions, condition, createTime, updateTime);
    }

    ShopeeItem withStock(long newStock) {
        return new ShopeeItem(itemId, itemSku, itemName, description, originalPrice, newStock, status, imageIds,
                categoryId, weight, brandId, brandName, gtinCode, logisticIds, dimensions, condition, createTime,
                updateTime);
    }

    public boolean deleted() {
        return status.endsWith("_DELETE");
    }
}
