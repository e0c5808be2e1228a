package vn.ocop.hub.producer.notify;

import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs the stored event, byte for byte, to the producer's webhook, signed (see
 * {@link WebhookSignature}). Any 2xx is delivery; any other answer, a timeout or a broken
 * connection is a failure whose reason the operator sees.
 */
final class WebhookDelivery implements NotificationChannel {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Enough of a refusal's body to say why, not so much that last_error fills with HTML. */
    private static final int EXCERPT_BYTES = 300;
    private static final int EXCERPT_CHARS = 200;

    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    WebhookDelivery(HttpClient http, Clock clock, Duration requestTimeout) {
        this.http = http;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    /** The client the hub uses: HTTP/1.1 (no upgrade dance with small servers), no redirects followed. */
    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public DeliveryAttempt deliver(Producer producer, ProducerEventStore.Stored event) throws InterruptedException {
        if (producer.webhookSecret() == null || producer.webhookSecret().isEmpty()) {
            return DeliveryAttempt.failed("the producer registered no webhook secret, so the event cannot be signed");
        }
        URI target;
        try {
            target = URI.create(producer.webhookUrl().trim());
        } catch (IllegalArgumentException e) {
            return DeliveryAttempt.failed("webhook URL is not a valid URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())
                || target.getHost() == null) {
            return DeliveryAttempt.failed("webhook URL must be an absolute http(s) URL: " + producer.webhookUrl());
        }
        byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.EVENT_ID_HEADER, event.eventId())
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(producer.webhookSecret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return DeliveryAttempt.ok();
                }
                String excerpt = excerpt(in.readNBytes(EXCERPT_BYTES));
                return DeliveryAttempt.failed("HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
            }
        } catch (HttpConnectTimeoutException e) {
            return DeliveryAttempt.failed("connecting to " + hostOf(target) + " timed out");
        } catch (HttpTimeoutException e) {
            return DeliveryAttempt.failed("no answer within " + requestTimeout.toMillis() + " ms from " + hostOf(target));
        } catch (IOException e) {
            return DeliveryAttempt.failed("connection to " + hostOf(target) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static String hostOf(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** One line of readable text: control characters and runs of blanks become one space. */
    static String excerpt(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }
}
