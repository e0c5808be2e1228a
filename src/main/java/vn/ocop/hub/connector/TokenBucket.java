package vn.ocop.hub.connector;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One partner account's rate limit, shared by all of that partner's consumers. Callers block
 * until a request may go, so the hub never exceeds the limit and, with a backlog, uses all of it.
 *
 * <p>Two rules, both needed. A token bucket paces grants at the rate, with a burst. But a partner
 * counts requests when they arrive, and a request can leave well after its grant: the first calls
 * wait for the HTTP client to start, a loaded machine deschedules a thread, the network stalls.
 * Tokens that pile up meanwhile are then spent at once, next to the late ones (the benchmark saw
 * Lazada receive 12 or 13 catalogue calls in one second against 5/s + 5, with the first calls
 * granted half a second before they arrived). So a request is also counted from its grant until
 * it is over: a new one goes only while fewer than rate + burst requests are in flight or ended
 * within the last second. Whenever they arrived, no second at the partner can then hold more.
 */
public final class TokenBucket {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long last;
    /** rate + burst: the most requests the partner may see in one second. */
    private final int perSecond;
    /** When the last {@code perSecond} requests ended, oldest at {@code oldest}. */
    private final long[] ended;
    private int oldest;
    private int inFlight;

    public TokenBucket(double perSecond, int burst) {
        this.tokensPerNano = perSecond / SECOND;
        this.capacity = Math.max(1, burst);
        this.tokens = capacity;
        this.last = System.nanoTime();
        this.perSecond = Math.max(1, (int) Math.floor(perSecond + capacity));
        this.ended = new long[this.perSecond];
        Arrays.fill(ended, last - 2 * SECOND);
    }

    public static TokenBucket of(ConnectorConfig.RateLimit limit) {
        if (limit == null || limit.requestsPerSecond() <= 0) {
            return null;
        }
        int burst = limit.burst() == null ? (int) Math.ceil(limit.requestsPerSecond()) : limit.burst();
        return new TokenBucket(limit.requestsPerSecond(), burst);
    }

    /** One granted request; {@link #close} once it is over, answered or not. */
    public final class Permit implements AutoCloseable {
        private boolean open = true;

        private Permit() {
        }

        @Override
        public void close() {
            synchronized (TokenBucket.this) {
                if (open) {
                    open = false;
                    inFlight--;
                    ended[oldest] = System.nanoTime();
                    oldest = (oldest + 1) % ended.length;
                    TokenBucket.this.notifyAll();
                }
            }
        }
    }

    /**
     * Waits until a token is there and the partner's second has room, then grants. Tokens are
     * never booked ahead: a thread that oversleeps would otherwise send a booked request late,
     * bunched with the next ones.
     */
    public synchronized Permit acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
            long tokenIn = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
            long roomIn = roomIn(now);
            if (tokenIn == 0 && roomIn == 0) {
                tokens -= 1;
                inFlight++;
                return new Permit();
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, Math.max(tokenIn, roomIn)));
        }
    }

    /** 0 when fewer than perSecond requests are in flight or ended within the last second; else how long until one ages out. */
    private long roomIn(long now) {
        int endedRecently = 0;
        for (long end : ended) {
            if (now - end < SECOND) {
                endedRecently++;
            }
        }
        int over = inFlight + endedRecently - perSecond + 1;
        if (over <= 0) {
            return 0;
        }
        if (over > endedRecently) {
            return SECOND; // only requests in flight fill the second: woken when one ends
        }
        // the ring holds ends in time order from `oldest`; the over-th one within the second must age out
        int seen = 0;
        for (int i = 0; i < ended.length; i++) {
            long end = ended[(oldest + i) % ended.length];
            if (now - end < SECOND && ++seen == over) {
                return end + SECOND - now;
            }
        }
        return SECOND;
    }
}
