package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fake seller's state: product requests in review and the products approved ones became.
 * Like Tiki, it does not refuse a second request for a SKU it already has: duplicates are what
 * the tests look for, so they must be possible.
 */
final class TikiCatalogue {

    private final Map<String, FakeTikiRequest> requests = new LinkedHashMap<>();
    private final List<FakeTikiProduct> products = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private long nextRequestId = 1_121_456_196_340_384_958L;
    private long nextProductId = 2_091_401L;
    private boolean holdInQueue;

    synchronized void holdInQueue(boolean hold) {
        this.holdInQueue = hold;
    }

    synchronized FakeTikiRequest submit(JsonNode body) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String trackId = HexFormat.of().formatHex(bytes);
        List<String> skus = new ArrayList<>();
        body.path("variants").forEach(v -> skus.add(v.path("sku").asText()));
        FakeTikiRequest request = new FakeTikiRequest(trackId, null, "queuing", null, body.deepCopy(), skus,
                Instant.now(), null);
        if (!holdInQueue) {
            request = request.queued(String.valueOf(nextRequestId++));
        }
        requests.put(trackId, request);
        return request;
    }

    /** Takes a held request off the queue: it gets its request id and waits for review. */
    synchronized FakeTikiRequest release(String trackId) {
        FakeTikiRequest request = existing(trackId);
        if (request.requestId() == null) {
            request = request.queued(String.valueOf(nextRequestId++));
            requests.put(trackId, request);
        }
        return request;
    }

    synchronized List<FakeTikiProduct> approve(String trackId) {
        FakeTikiRequest request = reviewable(release(trackId));
        requests.put(trackId, request.decided("approved", null, Instant.now()));
        JsonNode body = request.body();
        boolean autoOn = body.path("meta_data").path("is_auto_turn_on").asBoolean(false);
        List<FakeTikiProduct> made = new ArrayList<>();
        for (JsonNode variant : body.path("variants")) {
            Map<Long, Integer> quantities = new TreeMap<>();
            variant.path("warehouse_stocks").forEach(s -> quantities.put(s.path("warehouseId").asLong(),
                    s.path("qtyAvailable").asInt()));
            long price = variant.path("price").asLong();
            FakeTikiProduct product = new FakeTikiProduct(nextProductId++, tikiSku(), variant.path("sku").asText(),
                    body.path("name").asText(), price, body.path("market_price").asLong(price), quantities,
                    autoOn ? 1 : 0, request.requestId(), Instant.now());
            products.add(product);
            made.add(product);
        }
        return made;
    }

    synchronized FakeTikiRequest reject(String trackId, String reason) {
        FakeTikiRequest request = reviewable(release(trackId)).decided("rejected", reason, Instant.now());
        requests.put(trackId, request);
        return request;
    }

    /** Deletes a request still in review; empty when there is none, the request itself when it is decided. */
    synchronized Optional<FakeTikiRequest> delete(String requestId) {
        Optional<FakeTikiRequest> found = byRequestId(requestId);
        if (found.isPresent() && found.get().inReview()) {
            FakeTikiRequest deleted = found.get().decided("deleted", null, Instant.now());
            requests.put(deleted.trackId(), deleted);
            return Optional.of(deleted);
        }
        return found;
    }

    synchronized Optional<FakeTikiRequest> byTrack(String trackId) {
        return Optional.ofNullable(requests.get(trackId));
    }

    synchronized Optional<FakeTikiRequest> byRequestId(String requestId) {
        return requests.values().stream().filter(r -> requestId.equals(r.requestId())).findFirst();
    }

    synchronized List<FakeTikiRequest> requests() {
        return List.copyOf(requests.values());
    }

    synchronized List<FakeTikiProduct> products() {
        return List.copyOf(products);
    }

    synchronized List<FakeTikiProduct> productsBySku(String originalSku) {
        return products.stream().filter(p -> p.originalSku().equals(originalSku)).toList();
    }

    synchronized Optional<FakeTikiProduct> productById(long productId) {
        return products.stream().filter(p -> p.productId() == productId).findFirst();
    }

    synchronized void replace(FakeTikiProduct product) {
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).productId() == product.productId()) {
                products.set(i, product);
                return;
            }
        }
        throw new IllegalArgumentException("no product " + product.productId());
    }

    private FakeTikiRequest existing(String trackId) {
        FakeTikiRequest request = requests.get(trackId);
        if (request == null) {
            throw new IllegalArgumentException("the fake Tiki has no request with track id " + trackId);
        }
        return request;
    }

    private static FakeTikiRequest reviewable(FakeTikiRequest request) {
        if (!request.inReview()) {
            throw new IllegalStateException("request " + request.trackId() + " is already " + request.state());
        }
        return request;
    }

    private String tikiSku() {
        return String.valueOf(1_000_000_000_000L + Math.floorMod(random.nextLong(), 9_000_000_000_000L));
    }
}
