package vn.ocop.hub.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * When each request reached a fake, by path, for benchmarks that compare the pace a partner saw
 * with the configured rate limit. It only records: it never refuses or delays anything, so a fake
 * that keeps one behaves exactly as before. Every arrival counts, refused ones included.
 */
public final class ArrivalLog {

    /** One request: {@link System#nanoTime()} when the fake began handling it, and its path. */
    public record Arrival(long nanoTime, String path) {
    }

    private final List<Arrival> arrivals = new ArrayList<>();

    public void arrive(String path) {
        // the clock is read under the lock so the list stays in arrival order
        synchronized (arrivals) {
            arrivals.add(new Arrival(System.nanoTime(), path));
        }
    }

    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    public List<Arrival> arrivals(Predicate<String> paths) {
        return arrivals().stream().filter(a -> paths.test(a.path())).toList();
    }

    /** Arrivals of these paths from {@code fromNanoTime} on: one phase of a run. */
    public List<Arrival> arrivalsSince(long fromNanoTime, Predicate<String> paths) {
        return arrivals(paths).stream().filter(a -> a.nanoTime() >= fromNanoTime).toList();
    }

    /** The most arrivals (of these paths) within any sliding window of {@code windowNanos}. */
    public int maxInAnyWindow(long windowNanos, Predicate<String> paths) {
        return maxInAnyWindow(windowNanos, arrivals(paths));
    }

    /** The most of {@code selected} (in arrival order) within any sliding window of {@code windowNanos}. */
    public static int maxInAnyWindow(long windowNanos, List<Arrival> selected) {
        int max = 0;
        int first = 0;
        for (int last = 0; last < selected.size(); last++) {
            while (selected.get(last).nanoTime() - selected.get(first).nanoTime() >= windowNanos) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }
}
