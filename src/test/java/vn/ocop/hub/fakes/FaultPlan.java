package vn.ocop.hub.fakes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Optional;

/**
 * Scripted trouble for the next requests. Each kind is a queue, so calls add up: failNext(1, 503)
 * then failNext(1, 500) answers 503, then 500. A request takes a throttle before a failure, and
 * never both; a delay is taken independently of either.
 */
final class FaultPlan {

    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Deque<Integer> throttles = new ArrayDeque<>();
    private final Deque<Duration> delays = new ArrayDeque<>();

    synchronized void failNext(int n, int status) {
        requireCount(n);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        failures.addAll(Collections.nCopies(n, status));
    }

    synchronized void throttleNext(int n, int retryAfterSeconds) {
        requireCount(n);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0: " + retryAfterSeconds);
        }
        throttles.addAll(Collections.nCopies(n, retryAfterSeconds));
    }

    synchronized void delayNext(int n, Duration delay) {
        requireCount(n);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        delays.addAll(Collections.nCopies(n, delay));
    }

    synchronized Duration takeDelay() {
        Duration delay = delays.poll();
        return delay == null ? Duration.ZERO : delay;
    }

    synchronized Optional<Answer> takeFault() {
        Integer retryAfter = throttles.poll();
        if (retryAfter != null) {
            return Optional.of(ProblemJson.tooManyRequests(retryAfter));
        }
        return Optional.ofNullable(failures.poll()).map(ProblemJson::injected);
    }

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
    }
}
