package vn.ocop.hub.fakes;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts arrivals in a sliding one-second window. Every arrival counts, refused ones included,
 * because what a test wants to know is how hard the hub pushed, not how much got through.
 */
final class RateMeter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Deque<Long> arrivals = new ArrayDeque<>();
    private int maxObserved;
    private int allowedPerWindow = Integer.MAX_VALUE;

    /** Floors the rate: at 2.5 per second, at most 2 requests fit in any one-second window. */
    synchronized void limit(double perSecond) {
        if (Double.isNaN(perSecond) || perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be >= 1: " + perSecond);
        }
        allowedPerWindow = perSecond >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.floor(perSecond);
    }

    /**
     * Records an arrival now and says whether it stays within the limit. The clock is read under
     * the lock so that the window stays in arrival order.
     */
    synchronized boolean arrive() {
        long nanoTime = System.nanoTime();
        while (!arrivals.isEmpty() && nanoTime - arrivals.peekFirst() >= WINDOW_NANOS) {
            arrivals.pollFirst();
        }
        arrivals.addLast(nanoTime);
        maxObserved = Math.max(maxObserved, arrivals.size());
        return arrivals.size() <= allowedPerWindow;
    }

    synchronized int maxObserved() {
        return maxObserved;
    }
}
