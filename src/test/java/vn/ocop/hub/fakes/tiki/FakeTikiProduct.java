package vn.ocop.hub.fakes.tiki;

import java.time.Instant;
import java.util.Map;

/**
 * A product in the fake seller's catalogue: what an approved request became. Tiki files the
 * seller's SKU as {@code originalSku} and gives the product its own id and Tiki SKU.
 *
 * @param quantities stock per warehouse id
 * @param active     1 on sale, 0 switched off (approved products start off)
 */
public record FakeTikiProduct(long productId, String tikiSku, String originalSku, String name, long price,
                              long marketPrice, Map<Long, Integer> quantities, int active, String requestId,
                              Instant createdAt) {

    public FakeTikiProduct {
        quantities = Map.copyOf(quantities);
    }

    /** Stock over all warehouses. */
    public int quantity() {
        return quantities.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isActive() {
        return active == 1;
    }

    /** "active" or "inactive", as Seller Center shows it. */
    public String state() {
        return isActive() ? "active" : "inactive";
    }

    FakeTikiProduct withPrice(long newPrice) {
        return new FakeTikiProduct(productId, tikiSku, originalSku, name, newPrice, marketPrice, quantities, active,
                requestId, createdAt);
    }

    FakeTikiProduct withActive(int newActive) {
        return new FakeTikiProduct(productId, tikiSku, originalSku, name, price, marketPrice, quantities, newActive,
                requestId, createdAt);
    }

    FakeTikiProduct withQuantity(long warehouseId, int quantity) {
        Map<Long, Integer> updated = new java.util.TreeMap<>(quantities);
        updated.put(warehouseId, quantity);
        return new FakeTikiProduct(productId, tikiSku, originalSku, name, price, marketPrice, updated, active,
                requestId, createdAt);
    }
}
