package vn.ocop.hub.producer.notify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.fakes.FakeProducerEndpoint;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook channel against a receiver that checks what a producer would check. */
class WebhookDeliveryTest {

    private static final String SECRET = "whsec-producer-7";
    /** Not what Jackson would write: the body must be the stored text, not a re-serialisation. */
    private static final String PAYLOAD = "{\"type\":\"ORDER\",  \"eventId\":\"evt-1\",\"note\":\"Trà Shan tuyết\"}";

    private final FakeProducerEndpoint endpoint = new FakeProducerEndpoint(SECRET).start();
    private final WebhookDelivery webhook = new WebhookDelivery(WebhookDelivery.client(Duration.ofSeconds(2)),
            Clock.systemUTC(), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void postsTheStoredBytesSignedWithTheProducersSecret() throws Exception {
        Instant before = Instant.now();
        DeliveryAttempt attempt = webhook.deliver(producer(endpoint.url(), SECRET), event());

        assertThat(attempt).isEqualTo(DeliveryAttempt.ok());
        assertThat(endpoint.unauthorized()).isEmpty();
        assertThat(endpoint.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(PAYLOAD.getBytes(StandardCharsets.UTF_8));
            assertThat(r.eventId()).isEqualTo("evt-1");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.timestamp()).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
            assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, Long.toString(r.timestamp()),
                    PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void aWrongSecretIsRefusedByTheProducer() throws Exception {
        DeliveryAttempt attempt = webhook.deliver(producer(endpoint.url(), "not-the-secret"), event());

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).isEqualTo("HTTP 401: signature does not match");
        assertThat(endpoint.received()).isEmpty();
    }

    @Test
    void aTimestampFarFromTheProducersClockIsRefused() throws Exception {
        Clock tenMinutesSlow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        WebhookDelivery late = new WebhookDelivery(WebhookDelivery.client(Duration.ofSeconds(2)), tenMinutesSlow,
                Duration.ofSeconds(5));

        DeliveryAttempt attempt = late.deliver(producer(endpoint.url(), SECRET), event());

        assertThat(attempt.failure()).startsWith("HTTP 401: timestamp ");
        assertThat(endpoint.received()).isEmpty();
    }

    @Test
    void aRefusalKeepsItsStatusAndAShortExcerpt() throws Exception {
        endpoint.down();
        DeliveryAttempt attempt = webhook.deliver(producer(endpoint.url(), SECRET), event());

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).startsWith("HTTP 503: <html><body><h1>503 Service Unavailable</h1> <p>")
                .doesNotContain("\n");
    }

    @Test
    void aSlowProducerTimesOut() throws Exception {
        endpoint.answerAfter(Duration.ofSeconds(3));
        WebhookDelivery impatient = new WebhookDelivery(WebhookDelivery.client(Duration.ofSeconds(2)),
                Clock.systemUTC(), Duration.ofMillis(300));

        DeliveryAttempt attempt = impatient.deliver(producer(endpoint.url(), SECRET), event());

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).isEqualTo("no answer within 300 ms from 127.0.0.1:" + port(endpoint.url()));
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        DeliveryAttempt attempt = webhook.deliver(producer("http://127.0.0.1:" + closed + "/hook", SECRET), event());

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).startsWith("connection to 127.0.0.1:" + closed + " failed: ConnectException");
    }

    @Test
    void aWebhookItCannotSignOrReachIsAFailureNotAnException() throws Exception {
        assertThat(webhook.deliver(producer(endpoint.url(), null), event()).failure())
                .contains("no webhook secret");
        assertThat(webhook.deliver(producer("ftp://127.0.0.1/hook", SECRET), event()).failure())
                .contains("must be an absolute http(s) URL");
        assertThat(webhook.deliver(producer("http://exa mple.com/hook", SECRET), event()).failure())
                .startsWith("webhook URL is not a valid URL");
        assertThat(endpoint.attempts()).isEmpty();
    }

    @Test
    void excerptsAreOneShortLine() {
        String longPage = "<p>" + "lỗi ".repeat(200) + "</p>";
        String excerpt = WebhookDelivery.excerpt(longPage.getBytes(StandardCharsets.UTF_8));
        assertThat(excerpt).hasSizeLessThanOrEqualTo(201).endsWith("…").doesNotContain("\n");
        assertThat(WebhookDelivery.excerpt("busy\r\n\ttry later\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("busy try later");
    }

    private static Producer producer(String url, String secret) {
        return NotifierFixtures.producer("P-WEBHOOK", null, url, secret);
    }

    private static ProducerEventStore.Stored event() {
        return NotifierFixtures.stored("evt-1", "P-WEBHOOK", "ORDER", PAYLOAD);
    }

    private static int port(String url) {
        return java.net.URI.create(url).getPort();
    }
}
