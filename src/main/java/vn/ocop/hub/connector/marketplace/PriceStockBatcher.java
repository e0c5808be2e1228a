package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.store.PriceStockQueue;

import vn.ocop.hub.support.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One partner's staged price and stock changes, between the listing consumers that stage them
 * and the timer that sends them. The consumers keep a listing's changes in order; the timer sends
 * outside that order, so this keeps the two apart: a listing's content delivery or withdrawal
 * first discards what is staged for it, and waits while a batch carrying it is in flight (on
 * this hub instance or another). Without that wait an older price could land after the newer
 * content and its price.
 */
public final class PriceStockBatcher {

    /**
     * How long a sender holds its rows: longer than one call with all its retries (the retry
     * policy's worst case is about two minutes), so a live sender never loses its claim.
     */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final long POLL_MILLIS = 50;
    /** The retry policy already spent its attempts on the call: from here on, patient waits. */
    private static final Backoff RETRY = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15));

    private final String partner;
    private final PriceStockBatching batching;
    private final PriceStockQueue queue;
    private final Clock clock;

    public PriceStockBatcher(String partner, PriceStockBatching batching, PriceStockQueue queue, Clock clock) {
        this.partner = partner;
        this.batching = batching;
        this.queue = queue;
        this.clock = clock;
    }

    PriceStockBatching batching() {
        return batching;
    }

    /** Gone after being sent, unless a newer change was staged meanwhile: true when nothing is left. */
    boolean sent(PriceStockQueue.Staged s) {
        return queue.sent(partner, s.ocopId(), s.revision());
    }

    /** The send failed for a reason that may pass: tried again after a doubling wait, returned. */
    Instant failed(PriceStockQueue.Staged s, String error) {
        Instant retryAt = clock.instant().plus(RETRY.after(s.attempts() + 1));
        queue.failed(partner, s.ocopId(), s.revision(), retryAt, error);
        return retryAt;
    }

    /** Durable before the consumer acknowledges its message; a newer staged change is never replaced by an older one. */
    void stage(ChangeEvent event, String itemId, boolean price, boolean stock) {
        queue.stage(partner, event, itemId, price, stock, clock.instant());
    }

    /** Before anything else is delivered for this listing: drop what is staged and let a batch in flight finish. */
    void supersede(String ocopId) throws InterruptedException {
        while (!queue.discard(partner, ocopId, clock.instant())) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Up to one call's worth of due changes, held until {@link #release}. */
    PriceStockQueue.Claim claim() {
        return queue.claim(partner, clock.instant(), clock.instant().plus(LEASE), batching.maxPerCall());
    }

    void release(PriceStockQueue.Claim claim) {
        queue.release(partner, claim.token());
    }
}
