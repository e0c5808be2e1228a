package vn.ocop.hub.producer.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofMinutes(30);
    private static final Duration GIVE_UP = Duration.ofHours(24);
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        RetryPolicy noJitter = new RetryPolicy(INITIAL, MAX, GIVE_UP, () -> 0.0);
        List<Long> seconds = new ArrayList<>();
        for (int failures = 1; failures <= 10; failures++) {
            seconds.add(noJitter.delay(failures).toSeconds());
        }
        assertThat(seconds).containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 1800L, 1800L);
        assertThat(noJitter.delay(10_000)).isEqualTo(MAX);
    }

    @Test
    void jitterShortensAWaitByAtMostHalf() {
        RetryPolicy most = new RetryPolicy(INITIAL, MAX, GIVE_UP, () -> 0.999_999_9);
        RetryPolicy middle = new RetryPolicy(INITIAL, MAX, GIVE_UP, () -> 0.5);
        assertThat(most.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(middle.delay(3)).isEqualTo(Duration.ofSeconds(30));
        assertThat(most.delay(20)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void givesUpOnlyOnceFailingForTheWholePeriod() {
        RetryPolicy policy = new RetryPolicy(INITIAL, MAX, GIVE_UP, () -> 0.0);
        assertThat(policy.nextAttempt(START, 1, START)).contains(START.plusSeconds(10));
        Instant justBefore = START.plus(GIVE_UP).minusMillis(1);
        assertThat(policy.nextAttempt(START, 60, justBefore)).contains(justBefore.plus(MAX));
        assertThat(policy.nextAttempt(START, 60, START.plus(GIVE_UP))).isEmpty();
        assertThat(policy.nextAttempt(START, 61, START.plus(GIVE_UP).plusSeconds(5))).isEmpty();
    }
}
