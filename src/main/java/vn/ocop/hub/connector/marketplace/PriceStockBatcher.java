package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.store.PriceStockQueue;
import vn.ocop.hub.store.PriceStockQueue.Staged;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One partner's staged price and stock changes, between the listing consumers that stage them
 * and the timer that sends them. The consumers keep a listing's changes in order; the timer sends
 * outside that order, so this keeps the two apart: a listing's content delivery or withdrawal
 * first discards what is staged for it and then waits while a batch carrying it is in flight.
 * Without that wait an older price could land after the newer content (and its price).
 */
public final class PriceStockBatcher {

    private final String partner;
    private final PriceStockBatching batching;
    private final PriceStockQueue queue;
    private final Clock clock;
    /** Listings in a batch being sent; guarded by {@code this}. */
    private final Set<String> inFlight = new HashSet<>();

    public PriceStockBatcher(String partner, PriceStockBatching batching, PriceStockQueue queue, Clock clock) {
        this.partner = partner;
        this.batching = batching;
        this.queue = queue;
        this.clock = clock;
    }

    PriceStockBatching batching() {
        return batching;
    }

    PriceStockQueue queue() {
        return queue;
    }

    String partner() {
        return partner;
    }

    Clock clock() {
        return clock;
    }

    /** Durable before the consumer acknowledges its message; a newer staged change is never replaced by an older one. */
    void stage(ChangeEvent event, String itemId, boolean price, boolean stock) {
        queue.stage(partner, event, itemId, price, stock, clock.instant());
    }

    /** Before anything else is delivered for this listing: drop what is staged and let an in-flight batch finish. */
    synchronized void supersede(String ocopId) throws InterruptedException {
        queue.discard(partner, ocopId);
        while (inFlight.contains(ocopId)) {
            wait();
        }
    }

    /** Up to one call's worth of due changes, marked in flight until {@link #release}. */
    synchronized List<Staged> claim() {
        List<Staged> due = queue.due(partner, clock.instant(), batching.maxPerCall());
        due.forEach(s -> inFlight.add(s.ocopId()));
        return due;
    }

    synchronized void release(Collection<Staged> sent) {
        sent.forEach(s -> inFlight.remove(s.ocopId()));
        notifyAll();
    }
}
