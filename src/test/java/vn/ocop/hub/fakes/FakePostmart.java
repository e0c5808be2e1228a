package vn.ocop.hub.fakes;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Postmart (Vietnam Post marketplace) that enforces the project's Postmart contract
 * (design/partners.md) strictly, so that a hub bug fails a test instead of passing silently.
 *
 * <p>Each request goes through, in order: arrival (counted by the rate meter, may take a
 * scripted delay), the bearer key (401), the rate limit (429), a scripted throttle (429) or
 * failure, then routing (404/405), media type (415), body (400) and the catalogue.
 *
 * <p>A delayed request is processed at once and only its answer is held back, as when a
 * response is lost on the way back: a hub that times out and retries must find the operation
 * already applied, which is exactly what its idempotency has to cope with.
 */
public final class FakePostmart implements AutoCloseable {

    private static final int THREADS = 8;

    private final String apiKey;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final PostmartCatalogue catalogue = new PostmartCatalogue();
    private final PostmartApi api = new PostmartApi(catalogue, mapper);
    private final FaultPlan faults = new FaultPlan();
    private final RateMeter rateMeter = new RateMeter();
    private final AtomicLong arrivals = new AtomicLong();
    private final ConcurrentSkipListMap<Long, RecordedRequest> recorded = new ConcurrentSkipListMap<>();

    private LoopbackHttpServer server;

    public FakePostmart(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        this.apiKey = apiKey;
    }

    /** Binds 127.0.0.1 on a free port; returns this so it fits in try-with-resources. */
    public synchronized FakePostmart start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = LoopbackHttpServer.start("fake Postmart", THREADS, this::handle);
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }

    /** E.g. {@code http://127.0.0.1:54321}, without a trailing slash. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.baseUrl();
    }

    // ---- state -------------------------------------------------------------------------------

    /** Every product ever PUT, withdrawn ones included: stored body plus productId and status. */
    public Map<String, JsonNode> products() {
        return catalogue.snapshot();
    }

    public Optional<JsonNode> product(String sellerSku) {
        return catalogue.find(sellerSku).map(JsonNode.class::cast);
    }

    /** ACTIVE or WITHDRAWN, or null when the SKU was never PUT. */
    public String status(String sellerSku) {
        return catalogue.find(sellerSku).map(product -> product.get("status").textValue()).orElse(null);
    }

    // ---- what the hub sent -------------------------------------------------------------------

    /**
     * Requests in arrival order. A request is listed as soon as its answer is decided, before it
     * is sent, so a client that got an answer always finds its request here.
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(recorded.values());
    }

    /** Requests with this method (any method when null) whose decoded path starts with the prefix. */
    public int count(String method, String pathPrefix) {
        return (int) recorded.values().stream()
                .filter(r -> method == null || r.method().equalsIgnoreCase(method))
                .filter(r -> r.path().startsWith(pathPrefix))
                .count();
    }

    /** The most requests seen in any one-second window, whatever they were answered. */
    public int maxObservedPerSecond() {
        return rateMeter.maxObserved();
    }

    // ---- fault injection ---------------------------------------------------------------------

    /** The next n authorised requests get this status and a problem body; nothing is applied. */
    public void failNext(int n, int status) {
        faults.failNext(n, status);
    }

    /** The next n authorised requests get 429 with {@code Retry-After: retryAfterSeconds}. */
    public void throttleNext(int n, int retryAfterSeconds) {
        faults.throttleNext(n, retryAfterSeconds);
    }

    /** The answers to the next n requests (of any kind) are held back by {@code delay}. */
    public void delayNext(int n, Duration delay) {
        faults.delayNext(n, delay);
    }

    /**
     * Authorised requests beyond {@code perSecond} (floored, at least 1) in any sliding
     * one-second window get 429 with {@code Retry-After: 1}.
     */
    public void rateLimit(double perSecond) {
        rateMeter.limit(perSecond);
    }

    // ---- HTTP --------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try (exchange) {
            long sequence = arrivals.incrementAndGet();
            Instant arrivedAt = Instant.now();
            boolean withinRate = rateMeter.arrive();
            Duration delay = faults.takeDelay();
            byte[] body = LoopbackHttpServer.readBody(exchange.getRequestBody());
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Answer answer = decide(exchange, method, body, withinRate);
            recorded.put(sequence, new RecordedRequest(method, exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawPath(), headers(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8), answer.status(), arrivedAt));
            if (LoopbackHttpServer.pause(delay)) {
                send(exchange, method, answer);
            }
        } catch (IOException e) {
            // The client went away (typically after its own timeout): nothing left to answer.
        }
    }

    private Answer decide(HttpExchange exchange, String method, byte[] body, boolean withinRate) {
        try {
            if (!authorised(exchange.getRequestHeaders().get("Authorization"))) {
                return ProblemJson.unauthorized();
            }
            if (!withinRate) {
                return ProblemJson.tooManyRequests(1);
            }
            Optional<Answer> fault = faults.takeFault();
            if (fault.isPresent()) {
                return fault.get();
            }
            return api.handle(method, exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
        } catch (RuntimeException e) {
            // A bug in the fake must not look like a hub bug: say so in the answer.
            return ProblemJson.internalError("Fake Postmart failed: " + e);
        }
    }

    /** Exactly one Authorization header with the Bearer scheme (case-insensitive) and our key. */
    private boolean authorised(List<String> authorization) {
        if (authorization == null || authorization.size() != 1) {
            return false;
        }
        String value = authorization.get(0);
        String scheme = "Bearer ";
        return value.regionMatches(true, 0, scheme, 0, scheme.length())
                && value.substring(scheme.length()).equals(apiKey);
    }

    private void send(HttpExchange exchange, String method, Answer answer) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", answer.contentType());
        answer.headers().forEach(headers::set);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> headers(Headers headers) {
        Map<String, String> flat = new TreeMap<>();
        headers.forEach((name, values) -> flat.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        return flat;
    }
}
