package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tiki's orders (Order API v2, {@code GET /integration/v2/orders/{code}}) and event queues
 * ({@code POST /integration/v1/queues/{code}/events/pull {"ack_id"}}). A pull acknowledges the
 * batch whose ack_id it sends; a batch never acknowledged is served again, with the same ack_id,
 * to the next pull that does not acknowledge it (at-least-once, in order).
 */
final class TikiOrdersAndQueues {

    private static final Pattern ORDER = Pattern.compile("/integration/v2/orders/([^/]+)");
    private static final Pattern PULL = Pattern.compile("/integration/v1/queues/([^/]+)/events/pull");
    private static final DateTimeFormatter TIKI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** One line of an order. */
    record Item(long productId, String sellerProductCode, int quantity, long price) {
    }

    /** What a pull received and answered, for tests. */
    record Pull(String queue, String ackIdSent, List<String> eventIds, String ackIdAnswered) {
    }

    private static final class Queue {
        final List<ObjectNode> waiting = new ArrayList<>();
        List<ObjectNode> inFlight = List.of();
        String inFlightAck;
        int acknowledged;
    }

    private final ObjectMapper json;
    private final Map<String, ObjectNode> orders = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final List<Pull> pulls = new ArrayList<>();
    private int batchSize = 10;
    private long nextEventId = 1;

    TikiOrdersAndQueues(ObjectMapper json) {
        this.json = json;
    }

    boolean serves(String path) {
        return ORDER.matcher(path).matches() || PULL.matcher(path).matches();
    }

    synchronized void putOrder(String code, String status, List<Item> items) {
        ObjectNode order = json.createObjectNode().put("id", 100_000 + orders.size()).put("code", code)
                .put("status", status).put("fulfillment_type", "dropship")
                .put("created_at", TIKI_TIME.format(Instant.now())).put("updated_at", TIKI_TIME.format(Instant.now()));
        ArrayNode lines = order.putArray("items");
        long lineId = 281_000_000L + orders.size() * 10L;
        for (Item item : items) {
            ObjectNode line = lines.addObject().put("id", lineId++);
            line.putObject("product").put("id", item.productId()).put("type", "simple")
                    .put("sku", String.valueOf(7_000_000_000_000L + item.productId()))
                    .put("name", "product " + item.productId())
                    .put("seller_product_code", item.sellerProductCode() == null ? "" : item.sellerProductCode());
            line.put("price", item.price()).put("qty", item.quantity());
            line.putObject("invoice").put("price", item.price()).put("quantity", item.quantity())
                    .put("subtotal", item.price() * item.quantity());
        }
        orders.put(code, order);
    }

    synchronized void createQueue(String code) {
        queues.putIfAbsent(code, new Queue());
    }

    /** Routes an event of this type to the queue; returns its id. */
    synchronized String publish(String queueCode, String type, JsonNode payload) {
        Queue queue = queues.get(queueCode);
        if (queue == null) {
            throw new IllegalStateException("no queue " + queueCode);
        }
        String id = "evt-" + (nextEventId++);
        ObjectNode event = json.createObjectNode().put("id", id).put("sid", "sub-" + type.toLowerCase())
                .put("created_at", TIKI_TIME.format(Instant.now())).put("type", type).put("version", "v1");
        event.set("payload", payload);
        queue.waiting.add(event);
        return id;
    }

    synchronized void batchSize(int size) {
        this.batchSize = size;
    }

    synchronized List<Pull> pulls() {
        return List.copyOf(pulls);
    }

    synchronized int acknowledged(String queueCode) {
        Queue queue = queues.get(queueCode);
        return queue == null ? 0 : queue.acknowledged;
    }

    synchronized TikiAnswer handle(String method, String path, String contentType, byte[] body) {
        Matcher order = ORDER.matcher(path);
        if (order.matches()) {
            if (!method.equals("GET")) {
                return TikiAnswer.error(405, "Method Not Allowed");
            }
            ObjectNode found = orders.get(order.group(1));
            return found == null ? TikiAnswer.error(404, "Order not found: " + order.group(1))
                    : TikiAnswer.ok(found.deepCopy());
        }
        Matcher pull = PULL.matcher(path);
        if (!pull.matches() || !method.equals("POST")) {
            return TikiAnswer.error(405, "Method Not Allowed");
        }
        Queue queue = queues.get(pull.group(1));
        if (queue == null) {
            return TikiAnswer.error(404, "Queue not found: " + pull.group(1));
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (Exception e) {
            request = null;
        }
        if (request == null || !request.isObject() || !request.has("ack_id")
                || !(request.get("ack_id").isNull() || request.get("ack_id").isTextual())) {
            return TikiAnswer.error(400, "body must be {\"ack_id\": <string or null>}");
        }
        String ackSent = request.get("ack_id").isNull() ? null : request.get("ack_id").asText();
        if (ackSent != null && ackSent.equals(queue.inFlightAck)) {
            queue.waiting.removeAll(queue.inFlight);
            queue.acknowledged += queue.inFlight.size();
            queue.inFlight = List.of();
            queue.inFlightAck = null;
        }
        if (queue.inFlightAck == null && !queue.waiting.isEmpty()) {
            queue.inFlight = List.copyOf(queue.waiting.subList(0, Math.min(batchSize, queue.waiting.size())));
            queue.inFlightAck = UUID.randomUUID().toString();
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode events = answer.putArray("events");
        queue.inFlight.forEach(e -> events.add(e.deepCopy()));
        if (queue.inFlightAck == null) {
            answer.putNull("ack_id");
        } else {
            answer.put("ack_id", queue.inFlightAck);
        }
        pulls.add(new Pull(pull.group(1), ackSent, queue.inFlight.stream().map(e -> e.path("id").asText()).toList(),
                queue.inFlightAck));
        return TikiAnswer.ok(answer);
    }
}
