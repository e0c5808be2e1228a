package vn.ocop.hub.connector;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries transient partner failures with exponential backoff and full jitter, honouring the
 * partner's Retry-After when it is longer. Permanent failures pass straight through.
 */
public final class Retrier {

    /** Sleeps for a computed delay; replaced in tests so retries take no wall time. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ConnectorConfig.RetryPolicy policy;
    private final Sleeper sleeper;

    public Retrier(ConnectorConfig.RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy == null
                ? new ConnectorConfig.RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60))
                : policy;
        this.sleeper = sleeper;
    }

    public <T> T call(String what, Supplier<T> action) {
        TransientPartnerException last = null;
        for (int attempt = 1; attempt <= Math.max(1, policy.maxAttempts()); attempt++) {
            try {
                return action.get();
            } catch (TransientPartnerException e) {
                last = e;
                if (attempt < policy.maxAttempts()) {
                    pause(delayBefore(attempt + 1, e.retryAfter()));
                }
            }
        }
        throw new DeliveryFailedException(what + " failed after " + policy.maxAttempts() + " attempts: "
                + last.getMessage(), last);
    }

    Duration delayBefore(int attempt, Duration retryAfter) {
        double base = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), attempt - 2);
        long capped = (long) Math.min(base, policy.maxDelay().toMillis());
        // full jitter spreads the retries of many listings that failed together
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long wait = retryAfter == null ? jittered : Math.max(jittered, retryAfter.toMillis());
        return Duration.ofMillis(wait);
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPartnerException("interrupted while waiting to retry", null, e);
        }
    }
}
