package vn.ocop.hub.fakes.tiki;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tiki's per-seller limit: arrivals counted in a sliding one-second window, refused ones included,
 * so the fake can also report the hardest the hub ever pushed.
 */
final class TikiRateMeter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Deque<Long> arrivals = new ArrayDeque<>();
    private int allowed;
    private int maxObserved;

    TikiRateMeter(int allowedPerSecond) {
        limit(allowedPerSecond);
    }

    synchronized void limit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be >= 1: " + perSecond);
        }
        allowed = perSecond;
    }

    /** Records an arrival and says whether it is within the limit. */
    synchronized boolean arrive() {
        long now = System.nanoTime();
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= WINDOW_NANOS) {
            arrivals.pollFirst();
        }
        arrivals.addLast(now);
        maxObserved = Math.max(maxObserved, arrivals.size());
        return arrivals.size() <= allowed;
    }

    synchronized int maxObserved() {
        return maxObserved;
    }
}
