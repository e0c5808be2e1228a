package vn.ocop.hub.support;

import java.time.Duration;

/** Waits that double after each failure in a row, from {@code first} up to {@code max}. */
public record Backoff(Duration first, Duration max) {

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration after(int failures) {
        long millis = first.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
