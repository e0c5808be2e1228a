package vn.ocop.hub.fakes.tiki;

import vn.ocop.hub.fakes.LoopbackHttpServer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process Tiki Open API for one seller, strict where Tiki is strict so that a hub bug fails
 * a test. What it checks: the app's client credentials (HTTP Basic) on {@code /sc/oauth2/token};
 * a live bearer token on every other call (401 otherwise); 200 requests per second per seller
 * (429); the required fields of a product request and of updateSku, answered with Tiki's
 * {@code {"errors":[…]}} and status 400; warehouses the seller owns.
 *
 * <p>Product requests wait in a review queue until the test decides them ({@link #approve},
 * {@link #reject}); an approved request becomes an inactive product, as on Tiki.
 *
 * <p>Each call goes through: arrival (rate meter), the token endpoint or the bearer check, the
 * rate limit, scripted failures or throttles (nothing applied), the endpoint, then scripted
 * delays or lost answers (applied, answer held back or dropped).
 */
public final class FakeTiki implements AutoCloseable {

    public static final String CREATE_PATH = "/integration/v2.1/requests";
    public static final String UPDATE_SKU_PATH = "/integration/v2.1/products/updateSku";
    public static final String TOKEN_PATH = "/sc/oauth2/token";
    /** Tiki's published limit (open.tiki.vn, Common exceptions). */
    public static final int TIKI_RATE_LIMIT = 200;

    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final TikiTokenIssuer tokens;
    private final TikiCatalogue catalogue = new TikiCatalogue();
    private final Map<Long, Set<String>> requiredAttributes = new ConcurrentHashMap<>();
    private final TikiRoutes routes;
    private final TikiOrdersAndQueues ordersAndQueues = new TikiOrdersAndQueues(json);
    private final TikiFaults faults = new TikiFaults();
    private final TikiRateMeter rateMeter = new TikiRateMeter(TIKI_RATE_LIMIT);
    private final List<FakeTikiCall> calls = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer server;

    /** A seller whose app has these credentials and who owns these warehouses. */
    public FakeTiki(String clientId, String clientSecret, Set<Long> warehouses) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client id and secret must not be blank");
        }
        this.tokens = new TikiTokenIssuer(clientId, clientSecret);
        Set<Long> owned = Set.copyOf(warehouses);
        this.routes = new TikiRoutes(catalogue, new TikiCreateValidator(owned, requiredAttributes),
                new TikiSkuUpdateValidator(owned), json);
    }

    /** Binds 127.0.0.1 on a free port. */
    public synchronized FakeTiki start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = LoopbackHttpServer.start("fake Tiki", 8, this::handle);
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.baseUrl();
    }

    // ---- the review queue -------------------------------------------------------------------

    /** Tiki's content team approves: the request becomes (inactive) products. */
    public List<FakeTikiProduct> approve(String trackId) {
        return catalogue.approve(trackId);
    }

    public FakeTikiRequest reject(String trackId, String reason) {
        return catalogue.reject(trackId, reason);
    }

    /** Keeps new requests in state queuing, without a request id, until {@link #release}d. */
    public void holdRequestsInQueue(boolean hold) {
        catalogue.holdInQueue(hold);
    }

    public FakeTikiRequest release(String trackId) {
        return catalogue.release(trackId);
    }

    /** The category's attributes that a product request must fill, as Tiki's category detail lists them. */
    public void requireAttributes(long categoryId, String... codes) {
        requiredAttributes.put(categoryId, Set.of(codes));
    }

    // ---- what the seller has ----------------------------------------------------------------

    /** Every product request received, oldest first, with its current state. */
    public List<FakeTikiRequest> requests() {
        return catalogue.requests();
    }

    public Optional<FakeTikiRequest> request(String trackId) {
        return catalogue.byTrack(trackId);
    }

    /** Requests whose variants include this SKU, oldest first. */
    public List<FakeTikiRequest> requestsFor(String originalSku) {
        return catalogue.requests().stream().filter(r -> r.skus().contains(originalSku)).toList();
    }

    public List<FakeTikiProduct> products() {
        return catalogue.products();
    }

    /** All products filed under this SKU: more than one is a duplicate the hub created. */
    public List<FakeTikiProduct> products(String originalSku) {
        return catalogue.productsBySku(originalSku);
    }

    /** The one product for this SKU; fails when there are duplicates. */
    public Optional<FakeTikiProduct> product(String originalSku) {
        List<FakeTikiProduct> found = catalogue.productsBySku(originalSku);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " products share original_sku " + originalSku + ": " + found);
        }
        return found.stream().findFirst();
    }

    // ---- orders and event queues ------------------------------------------------------------

    /** A line of an order: Tiki's product id, the seller's code for it, quantity and unit price (VND). */
    public record OrderItem(long productId, String sellerProductCode, int quantity, long price) {
    }

    /** What a pull sent and got back. */
    public record QueuePull(String queue, String ackIdSent, List<String> eventIds, String ackIdAnswered) {
    }

    /** An order (or its new status) as GET /integration/v2/orders/{code} answers from now on. */
    public void putOrder(String code, String status, List<OrderItem> items) {
        ordersAndQueues.putOrder(code, status, items.stream()
                .map(i -> new TikiOrdersAndQueues.Item(i.productId(), i.sellerProductCode(), i.quantity(), i.price()))
                .toList());
    }

    public void createQueue(String code) {
        ordersAndQueues.createQueue(code);
    }

    /** An event of this type reaches the queue (as a subscription would route it); returns the event id. */
    public String publishEvent(String queueCode, String type, JsonNode payload) {
        return ordersAndQueues.publish(queueCode, type, payload);
    }

    /** Events per pull (default 10). */
    public void eventBatchSize(int size) {
        ordersAndQueues.batchSize(size);
    }

    public List<QueuePull> queuePulls() {
        return ordersAndQueues.pulls().stream()
                .map(p -> new QueuePull(p.queue(), p.ackIdSent(), p.eventIds(), p.ackIdAnswered())).toList();
    }

    /** Events of the queue acknowledged so far. */
    public int acknowledgedEvents(String queueCode) {
        return ordersAndQueues.acknowledged(queueCode);
    }

    // ---- what the hub sent ------------------------------------------------------------------

    public List<FakeTikiCall> calls() {
        return List.copyOf(calls);
    }

    /** Calls with this method (any when null) whose path starts with the prefix. */
    public int count(String method, String pathPrefix) {
        return (int) calls.stream().filter(c -> c.is(method, pathPrefix)).count();
    }

    public int tokensIssued() {
        return tokens.issued();
    }

    public int maxObservedPerSecond() {
        return rateMeter.maxObserved();
    }

    // ---- trouble ----------------------------------------------------------------------------

    /** Every token issued so far stops working, as when Tiki expires or revokes them early. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** The {@code expires_in} of tokens issued from now on. */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /** Calls beyond this many in any sliding second get 429 (Tiki's own limit is 200). */
    public void rateLimit(int perSecond) {
        rateMeter.limit(perSecond);
    }

    /** The next {@code times} matching calls (method null = any) get this status; nothing is applied. */
    public void failNext(String method, String pathPrefix, int times, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        faults.add(method, pathPrefix, times, new TikiFaults.Fail(status));
    }

    /** The next {@code times} matching calls get 429 with {@code Retry-After: 1}; nothing is applied. */
    public void throttleNext(String method, String pathPrefix, int times) {
        faults.add(method, pathPrefix, times, new TikiFaults.Throttle());
    }

    /** The next matching calls are applied, and their answers held back this long (a client may time out). */
    public void delayNext(String method, String pathPrefix, int times, Duration delay) {
        faults.add(method, pathPrefix, times, new TikiFaults.Delay(delay));
    }

    /** The next matching calls are applied, then the connection is dropped without an answer. */
    public void loseNextAnswers(String method, String pathPrefix, int times) {
        faults.add(method, pathPrefix, times, new TikiFaults.Lose());
    }

    /** The next product request is queued for review, but its answer never reaches the hub. */
    public void loseNextCreateAnswer() {
        loseNextAnswers("POST", CREATE_PATH, 1);
    }

    // ---- HTTP -------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        Instant arrivedAt = Instant.now();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Headers headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        String contentType = headers.getFirst("Content-Type");
        try {
            byte[] body = LoopbackHttpServer.readBody(exchange.getRequestBody());
            boolean withinRate = path.equals(TOKEN_PATH) || rateMeter.arrive();
            TikiAnswer answer = decide(method, path, rawQuery, authorization, contentType, body, withinRate);
            Optional<TikiFaults.Fault> after = answer.status() < 300 ? faults.after(method, path) : Optional.empty();
            boolean lost = after.isPresent() && after.get() instanceof TikiFaults.Lose;
            calls.add(new FakeTikiCall(method, path, rawQuery, authorization, contentType,
                    new String(body, StandardCharsets.UTF_8), lost ? FakeTikiCall.LOST : answer.status(), arrivedAt));
            if (lost) {
                // closing without response headers makes the server drop the connection
                exchange.close();
                return;
            }
            if (after.isPresent() && after.get() instanceof TikiFaults.Delay delay && !LoopbackHttpServer.pause(delay.delay())) {
                exchange.close();
                return;
            }
            send(exchange, answer);
        } catch (IOException clientGone) {
            exchange.close();
        } catch (RuntimeException bug) {
            // a bug in the fake must not pass for a hub bug: say so in the answer
            try {
                send(exchange, TikiAnswer.error(500, "Fake Tiki failed: " + bug));
            } catch (IOException ignored) {
                exchange.close();
            }
        }
    }

    private TikiAnswer decide(String method, String path, String rawQuery, String authorization, String contentType,
                              byte[] body, boolean withinRate) {
        if (path.equals(TOKEN_PATH)) {
            if (!method.equals("POST")) {
                return TikiAnswer.error(405, "Method Not Allowed");
            }
            Optional<TikiFaults.Fault> fault = faults.before(method, path);
            if (fault.isPresent()) {
                return answerFor(fault.get());
            }
            return tokens.issue(authorization, contentType, form(new String(body, StandardCharsets.UTF_8)));
        }
        if (!tokens.valid(authorization)) {
            return TikiAnswer.error(401, "The authorization (token) is missing or expired");
        }
        if (!withinRate) {
            return TikiAnswer.tooManyRequests();
        }
        Optional<TikiFaults.Fault> fault = faults.before(method, path);
        if (fault.isPresent()) {
            return answerFor(fault.get());
        }
        if (ordersAndQueues.serves(path)) {
            return ordersAndQueues.handle(method, path, contentType, body);
        }
        return routes.handle(method, path, form(rawQuery), contentType, body);
    }

    private static TikiAnswer answerFor(TikiFaults.Fault fault) {
        if (fault instanceof TikiFaults.Fail fail) {
            return TikiAnswer.error(fail.status(), "Injected by the test: " + fail.status());
        }
        return TikiAnswer.tooManyRequests();
    }

    private void send(HttpExchange exchange, TikiAnswer answer) throws IOException {
        byte[] bytes = json.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }
}
