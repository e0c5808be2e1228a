package vn.ocop.hub.connector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    @Test
    void burstIsFreeThenCallsArePacedAtTheRate() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(50, 5);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        for (int i = 0; i < 10; i++) {
            bucket.acquire();
        }
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        // 10 tokens beyond the burst at 50/s cannot be had in less than 200 ms
        assertThat(totalMillis).isGreaterThanOrEqualTo(190);
    }

    @Test
    void noLimitConfiguredMeansNoBucket() {
        assertThat(TokenBucket.of(null)).isNull();
        assertThat(TokenBucket.of(new ConnectorConfig.RateLimit(0, null))).isNull();
    }
}
