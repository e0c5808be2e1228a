package vn.ocop.hub.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Postmart's product store. One lock guards everything because the hub calls concurrently and
 * a fake has no need for finer locking; every value leaving the store is a copy, so nobody can
 * change it outside the lock.
 */
final class PostmartCatalogue {

    static final String ACTIVE = "ACTIVE";
    static final String WITHDRAWN = "WITHDRAWN";

    /** The stored product and whether this PUT created it. */
    record Put(ObjectNode product, boolean created) {
    }

    private final Map<String, ObjectNode> products = new LinkedHashMap<>();
    private int lastProductNumber;

    /** Withdrawn products are kept, so a product keeps its id for good and a new PUT revives it. */
    synchronized Put put(String sellerSku, ObjectNode body) {
        ObjectNode previous = products.get(sellerSku);
        String productId = previous != null ? previous.get("productId").textValue() : nextProductId();
        ObjectNode stored = body.deepCopy();
        stored.put("productId", productId);
        stored.put("status", ACTIVE);
        products.put(sellerSku, stored);
        return new Put(stored.deepCopy(), previous == null);
    }

    synchronized Optional<ObjectNode> find(String sellerSku) {
        return Optional.ofNullable(products.get(sellerSku)).map(ObjectNode::deepCopy);
    }

    /** Sets one whole-number field (stock or price) of a known product. */
    synchronized Optional<ObjectNode> set(String sellerSku, String field, long value) {
        ObjectNode stored = products.get(sellerSku);
        if (stored == null) {
            return Optional.empty();
        }
        stored.put(field, value);
        return Optional.of(stored.deepCopy());
    }

    synchronized Optional<ObjectNode> withdraw(String sellerSku) {
        ObjectNode stored = products.get(sellerSku);
        if (stored == null) {
            return Optional.empty();
        }
        stored.put("status", WITHDRAWN);
        return Optional.of(stored.deepCopy());
    }

    synchronized Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        products.forEach((sku, product) -> copy.put(sku, product.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    private String nextProductId() {
        lastProductNumber++;
        return String.format("PM-%06d", lastProductNumber);
    }
}
