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

    public void acquire() throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
        }
        // a reserved token that is not yet there: wait for it outside the lock
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
    }
}
