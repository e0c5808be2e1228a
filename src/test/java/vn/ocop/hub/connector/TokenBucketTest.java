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
    void competingThreadsNeverTakeMoreThanRatePlusBurstInAnySecond() throws Exception {
        TokenBucket bucket = new TokenBucket(20, 5);
        java.util.List<Long> grants = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 8; i++) {
                    bucket.acquire();
                    grants.add(System.nanoTime());
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        java.util.List<Long> sorted = grants.stream().sorted().toList();
        assertThat(sorted).hasSize(64);
        for (int i = 0; i < sorted.size(); i++) {
            long windowEnd = sorted.get(i) + 1_000_000_000L;
            long inWindow = sorted.stream().filter(g -> g >= sorted.get(0) && g < windowEnd).count()
                    - sorted.subList(0, i).size();
            assertThat(inWindow).as("grants in the second after grant %d", i).isLessThanOrEqualTo(25);
        }
        // and with a backlog the limit is used: 64 grants need at least (64 - 5) / 20 s
        assertThat(sorted.get(63) - sorted.get(0)).isGreaterThanOrEqualTo(2_900_000_000L);
    }

    @Test
    void grantsLeaveAMarginSoRequestsDelayedOnTheirWayStillArriveWithinTheLimit() throws Exception {
        TokenBucket bucket = new TokenBucket(20, 5);
        long[] grants = new long[70];
        for (int i = 0; i < grants.length; i++) {
            bucket.acquire();
            grants[i] = System.nanoTime();
        }
        // a bucket alone grants 5 at once and then 20 a second: 29 in the first 1.2 s
        for (int i = 0; i + 25 < grants.length; i++) {
            assertThat(grants[i + 25] - grants[i]).as("26 grants from grant %d on", i)
                    .isGreaterThanOrEqualTo(1_200_000_000L);
        }
        // and the rate is still used: (70 - 5) / 20 = 3.25 s, far from the 6.5 s of half the rate
        assertThat(grants[69] - grants[0]).isLessThan(6_000_000_000L);
    }

    @Test
    void theMarginNeverHoldsBackTheSustainedRate() {
        // rate + burst grants per window must still allow the rate: margin ≤ burst / rate, at most 200 ms
        assertThat(new TokenBucket(20, 5).windowNanos()).isEqualTo(1_200_000_000L);
        assertThat(new TokenBucket(50, 10).windowNanos()).isEqualTo(1_200_000_000L);
        assertThat(new TokenBucket(10, 1).windowNanos()).isEqualTo(1_100_000_000L);
        assertThat(new TokenBucket(5, 5).windowNanos()).isEqualTo(1_200_000_000L);
    }

    @Test
    void noLimitConfiguredMeansNoBucket() {
        assertThat(TokenBucket.of(null)).isNull();
        assertThat(TokenBucket.of(new ConnectorConfig.RateLimit(0, null))).isNull();
    }
}
