package vn.ocop.hub.producer.notify;

import vn.ocop.hub.support.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff (doubling from the initial delay up
 * to the maximum) with jitter, until the event has been failing for the give-up period.
 */
final class RetryPolicy {

    /** A wait is drawn from [½·d, d]: producers failing together (their server is down) spread out. */
    private static final double JITTER = 0.5;

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1). */
    RetryPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter, DoubleSupplier random) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /** The wait before the next attempt after {@code failures} failed ones in a row (1 for the first). */
    Duration delay(int failures) {
        long nominal = nominalMillis(failures);
        long jittered = Math.round(nominal * (1 - JITTER * random.getAsDouble()));
        return Duration.ofMillis(Math.max(1, jittered));
    }

    /** The wait before jitter: initial · 2^(failures-1), at most the maximum. */
    long nominalMillis(int failures) {
        return new Backoff(initialDelay, maxDelay).after(Math.max(1, failures)).toMillis();
    }

    /**
     * When to try again after a failure at {@code now}, or empty to give up: the event has been
     * failing since {@code failingSince} for at least the give-up period.
     */
    Optional<Instant> nextAttempt(Instant failingSince, int failures, Instant now) {
        if (Duration.between(failingSince, now).compareTo(giveUpAfter) >= 0) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delay(failures)));
    }

    Duration giveUpAfter() {
        return giveUpAfter;
    }
}
