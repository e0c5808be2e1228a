package vn.ocop.hub.fakes;

import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A producer's webhook receiver written the way interfaces.md tells producers to: it recomputes
 * {@code sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))} itself, refuses a timestamp
 * more than five minutes from its own clock, and answers 401 to either. Accepted events are
 * recorded byte for byte. It can be told to be down (503) for a while, or to answer slowly.
 */
public final class FakeProducerEndpoint implements AutoCloseable {

    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    /** An accepted delivery. */
    public record Received(String eventId, long timestamp, String signature, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Every request, accepted or not, with the status it was answered with and why. */
    public record Attempt(String eventId, int status, String reason) {
    }

    private final String secret;
    private final Clock clock;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    /** Real time: "down for two seconds" means two seconds of the test's run, whatever the hub's clock says. */
    private volatile long downUntilNanos = System.nanoTime();
    private volatile Duration answerDelay = Duration.ZERO;
    private LoopbackHttpServer server;

    /** Checks timestamps against the system clock. */
    public FakeProducerEndpoint(String secret) {
        this(secret, Clock.systemUTC());
    }

    /** Checks timestamps against {@code clock}: the one the hub signs with, when a test moves time. */
    public FakeProducerEndpoint(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public FakeProducerEndpoint start() {
        server = LoopbackHttpServer.start("fake producer", 4, this::handle);
        return this;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    /** Where the producer registered its webhook. */
    public String url() {
        return server.baseUrl() + "/ocop/events";
    }

    /** Answers 503 to everything for this long from now. */
    public void downFor(Duration duration) {
        downUntilNanos = System.nanoTime() + duration.toNanos();
    }

    /** Answers 503 to everything until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
        downUntilNanos = System.nanoTime();
    }

    /** Waits this long before answering (the hub's request timeout can be tried). */
    public void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> receivedEventIds() {
        return received.stream().map(Received::eventId).toList();
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Requests refused with 401 (bad or missing signature, stale timestamp). */
    public List<Attempt> unauthorized() {
        return attempts.stream().filter(a -> a.status() == 401).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = LoopbackHttpServer.readBody(exchange.getRequestBody());
            String eventId = exchange.getRequestHeaders().getFirst("X-OCOP-Event-Id");
            if (!LoopbackHttpServer.pause(answerDelay)) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, eventId, 405, "only POST");
                return;
            }
            if (down || System.nanoTime() - downUntilNanos < 0) {
                answer(exchange, eventId, 503, "<html><body><h1>503 Service Unavailable</h1>\n"
                        + "<p>The server is down for maintenance.</p></body></html>");
                return;
            }
            String refusal = verify(exchange, body);
            if (refusal != null) {
                answer(exchange, eventId, 401, refusal);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")) {
                answer(exchange, eventId, 415, "expected application/json, got " + contentType);
                return;
            }
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("X-OCOP-Timestamp"));
            received.add(new Received(eventId, timestamp, exchange.getRequestHeaders().getFirst("X-OCOP-Signature"),
                    contentType, body));
            answer(exchange, eventId, 200, "{\"received\":true}");
        }
    }

    /** Null when the request is signed with this producer's secret and recent; else why not. */
    private String verify(HttpExchange exchange, byte[] body) {
        String timestamp = exchange.getRequestHeaders().getFirst("X-OCOP-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-OCOP-Signature");
        if (exchange.getRequestHeaders().getFirst("X-OCOP-Event-Id") == null) {
            return "missing X-OCOP-Event-Id";
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return "missing or malformed X-OCOP-Timestamp: " + timestamp;
        }
        Duration skew = Duration.ofSeconds(Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)));
        if (skew.compareTo(TIMESTAMP_TOLERANCE) > 0) {
            return "timestamp " + timestamp + " is " + skew.toSeconds() + " s from now (" + clock.instant() + ")";
        }
        if (signature == null) {
            return "missing X-OCOP-Signature";
        }
        String expected = "sha256=" + hmacHex(timestamp, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return "signature does not match";
        }
        return null;
    }

    /** Over the exact bytes received: timestamp, a dot, the body. */
    private String hmacHex(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, String eventId, int status, String text) throws IOException {
        attempts.add(new Attempt(eventId, status, text));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
