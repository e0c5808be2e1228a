package vn.ocop.hub.connector;

/**
 * One partner account's rate limit, shared by all of that partner's consumers. Callers block
 * until a token is free, so the hub never exceeds the limit and, with a backlog, uses all of it.
 */
public final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst) {
        this.tokensPerNano = perSecond / 1_000_000_000d;
        this.capacity = Math.max(1, burst);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    public static TokenBucket of(ConnectorConfig.RateLimit limit) {
        if (limit == null || limit.requestsPerSecond() <= 0) {
            return null;
        }
        int burst = limit.burst() == null ? (int) Math.ceil(limit.requestsPerSecond()) : limit.burst();
        return new TokenBucket(limit.requestsPerSecond(), burst);
    }

    /**
     * Takes a token when one is there, else sleeps until one should be and tries again. Tokens
     * are never booked ahead: a thread that oversleeps on a loaded machine would otherwise send
     * its booked request late, bunched with the next ones, and a partner counting requests per
     * second would see more than rate + burst (the benchmark saw 12 against Lazada's 10).
     */
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            }
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
    }
}
