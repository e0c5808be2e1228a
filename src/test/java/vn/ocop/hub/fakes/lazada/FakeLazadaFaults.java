package vn.ocop.hub.fakes.lazada;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scripted trouble, per API path ({@link #ANY} for whatever comes next). Each kind is a queue,
 * so scripts add up; a path's own script is used before the ANY script.
 */
final class FakeLazadaFaults {

    static final String ANY = "*";

    private final Map<String, Deque<Integer>> failures = new HashMap<>();
    private final Map<String, Deque<FakeLazada.Throttle>> throttles = new HashMap<>();
    private final Map<String, Deque<Duration>> delays = new HashMap<>();
    private final Map<String, Deque<Duration>> holds = new HashMap<>();
    private final Map<String, Integer> lostAnswers = new HashMap<>();
    private int lookupLag;

    synchronized void failNext(String path, int n, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("gateway failures are 5xx: " + status);
        }
        queue(failures, path).addAll(Collections.nCopies(count(n), status));
    }

    synchronized void throttleNext(String path, int n, FakeLazada.Throttle kind) {
        queue(throttles, path).addAll(Collections.nCopies(count(n), kind));
    }

    synchronized void delayNext(String path, int n, Duration delay) {
        queue(delays, path).addAll(Collections.nCopies(count(n), delay));
    }

    synchronized void holdNext(String path, int n, Duration hold) {
        queue(holds, path).addAll(Collections.nCopies(count(n), hold));
    }

    synchronized Duration takeHold(String path) {
        return take(holds, path).orElse(Duration.ZERO);
    }

    synchronized void loseNextAnswer(String path, int n) {
        lostAnswers.merge(path, count(n), Integer::sum);
    }

    synchronized void hideFromLookupNext(int n) {
        lookupLag += count(n);
    }

    synchronized Optional<Integer> takeFailure(String path) {
        return take(failures, path);
    }

    synchronized Optional<FakeLazada.Throttle> takeThrottle(String path) {
        return take(throttles, path);
    }

    synchronized Duration takeDelay(String path) {
        return take(delays, path).orElse(Duration.ZERO);
    }

    /** Whether this successful answer is to be lost (the effect stays, the caller never hears of it). */
    synchronized boolean takeLostAnswer(String path) {
        for (String key : new String[] {path, ANY}) {
            Integer left = lostAnswers.get(key);
            if (left != null && left > 0) {
                lostAnswers.put(key, left - 1);
                return true;
            }
        }
        return false;
    }

    synchronized boolean takeLookupLag() {
        if (lookupLag > 0) {
            lookupLag--;
            return true;
        }
        return false;
    }

    private static <T> Deque<T> queue(Map<String, Deque<T>> plans, String path) {
        return plans.computeIfAbsent(path == null ? ANY : path, p -> new ArrayDeque<>());
    }

    private static <T> Optional<T> take(Map<String, Deque<T>> plans, String path) {
        for (String key : new String[] {path, ANY}) {
            Deque<T> plan = plans.get(key);
            if (plan != null && !plan.isEmpty()) {
                return Optional.of(plan.poll());
            }
        }
        return Optional.empty();
    }

    private static int count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        return n;
    }
}
