package vn.ocop.hub.connector;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrierTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(
            new ConnectorConfig.RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3)), waits::add);

    @Test
    void transientFailuresAreRetriedUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call("op", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new TransientPartnerException("503");
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2);
        // full jitter keeps each wait between half and all of the exponential step
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void delaysAreCappedAndRetryAfterIsHonoured() {
        assertThat(retrier.delayBefore(6, null)).isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(retrier.delayBefore(2, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void exhaustedRetriesBecomeDeliveryFailedWithTheLastReason() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("publish X", () -> {
            calls.incrementAndGet();
            throw new TransientPartnerException("postmart answered 503");
        })).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("publish X failed after 4 attempts")
                .hasMessageContaining("postmart answered 503");
        assertThat(calls).hasValue(4);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("op", () -> {
            calls.incrementAndGet();
            throw new PermanentPartnerException("name too long");
        })).isInstanceOf(PermanentPartnerException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
