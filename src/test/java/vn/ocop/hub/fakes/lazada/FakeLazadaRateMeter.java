package vn.ocop.hub.fakes.lazada;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Lazada's per-API limit: calls to one API path in any one-second window, beyond which it
 * answers ApiCallLimit. Refused calls count too, as they do against a real quota.
 */
final class FakeLazadaRateMeter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Map<String, Deque<Long>> arrivals = new HashMap<>();
    private final Map<String, Integer> maxObserved = new HashMap<>();
    private int allowedPerWindow = Integer.MAX_VALUE;

    synchronized void limit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be >= 1: " + perSecond);
        }
        allowedPerWindow = perSecond;
    }

    synchronized boolean arrive(String path) {
        long now = System.nanoTime();
        Deque<Long> window = arrivals.computeIfAbsent(path, p -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        window.addLast(now);
        maxObserved.merge(path, window.size(), Math::max);
        return window.size() <= allowedPerWindow;
    }

    synchronized int maxObserved(String path) {
        return maxObserved.getOrDefault(path, 0);
    }
}
