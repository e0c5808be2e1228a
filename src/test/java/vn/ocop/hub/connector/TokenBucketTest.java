package vn.ocop.hub.connector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    /** When a permit was granted and when its request was over. */
    private record Use(long granted, long ended) {
    }

    @Test
    void burstIsFreeThenCallsArePacedAtTheRate() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(50, 5);
        long start = System.nanoTime();
        for (int i = 0; i < 15; i++) {
            bucket.acquire().close();
        }
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        // 10 tokens beyond the burst at 50/s cannot be had in less than 200 ms
        assertThat(totalMillis).isGreaterThanOrEqualTo(190);
    }

    @Test
    void competingThreadsNeverTakeMoreThanRatePlusBurstInAnySecond() throws Exception {
        TokenBucket bucket = new TokenBucket(20, 5);
        List<Use> uses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 8; i++) {
                    uses.add(use(bucket, 5));
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(uses).hasSize(64);
        assertAtMostPerSecond(uses, 25);
        // and with a backlog the limit is used: 64 grants need at least (64 - 5) / 20 s, and not twice that
        long first = uses.stream().mapToLong(Use::granted).min().orElseThrow();
        long last = uses.stream().mapToLong(Use::granted).max().orElseThrow();
        assertThat(last - first).isBetween(2_900_000_000L, 6_000_000_000L);
    }

    @Test
    void requestsThatLeaveLateCannotArriveBunchedWithTheTokensThatPiledUpMeanwhile() throws Exception {
        TokenBucket bucket = new TokenBucket(5, 5);
        List<Use> uses = new ArrayList<>();
        // four requests granted at once, then held up on their way (a cold HTTP client) for 600 ms
        List<TokenBucket.Permit> stalled = new ArrayList<>();
        long granted = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            stalled.add(bucket.acquire());
        }
        Thread.sleep(600);
        stalled.forEach(TokenBucket.Permit::close);
        long ended = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            uses.add(new Use(granted, ended));
        }
        // their threads come straight back for more, as the tokens refilled meanwhile allow
        for (int i = 0; i < 8; i++) {
            uses.add(use(bucket, 0));
        }
        // a bucket alone grants 4 at once when they end, then 5/s: 11 could reach the partner in a second
        assertAtMostPerSecond(uses, 10);
    }

    @Test
    void noLimitConfiguredMeansNoBucket() {
        assertThat(TokenBucket.of(null)).isNull();
        assertThat(TokenBucket.of(new ConnectorConfig.RateLimit(0, null))).isNull();
    }

    private static Use use(TokenBucket bucket, long millis) throws InterruptedException {
        try (TokenBucket.Permit permit = bucket.acquire()) {
            long granted = System.nanoTime();
            Thread.sleep(millis);
            return new Use(granted, System.nanoTime());
        }
    }

    /**
     * Whenever each request reached the partner (between its grant and its end), no second can
     * hold more than {@code limit}: at every grant, the requests granted before it and not over a
     * second earlier number fewer than {@code limit}.
     */
    private static void assertAtMostPerSecond(List<Use> uses, int limit) {
        for (Use u : uses) {
            long overlapping = uses.stream()
                    .filter(o -> o != u && o.granted() <= u.granted() && o.ended() > u.granted() - 1_000_000_000L)
                    .count();
            assertThat(overlapping + 1).as("requests that could share a second with the one granted at %d", u.granted())
                    .isLessThanOrEqualTo(limit);
        }
    }
}
