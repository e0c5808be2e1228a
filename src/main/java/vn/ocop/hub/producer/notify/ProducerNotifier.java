package vn.ocop.hub.producer.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEventStore.DeliveryState;
import vn.ocop.hub.producer.ProducerEventStore.Stored;
import vn.ocop.hub.producer.ProducerStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Delivers stored producer events, each producer's in sequence order. The timer route calls
 * {@link #deliverDue()}; each producer with a due head event is handed to a small pool and
 * served until an attempt fails or nothing more is due. A producer is claimed while served, so
 * its events are never sent concurrently, also when polls overlap.
 *
 * <p>The channel is chosen per event when it is sent: the webhook if the producer has one, else
 * e-mail if it has an address and the hub has a mail server, else the event stays in the pull
 * inbox only (INBOX_ONLY). Failures are retried by the {@link RetryPolicy}; an event failing for
 * the whole give-up period is PARKED and the producer's next event goes.
 */
public class ProducerNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProducerNotifier.class);
    /** Inbox page read when looking for a producer's next pending event. */
    private static final int PAGE = 100;

    private final ProducerEventStore events;
    private final ProducerStore producers;
    private final NotificationChannel webhook;
    private final NotificationChannel email;
    private final RetryPolicy retry;
    private final int batchSize;
    private final Clock clock;
    private final Executor executor;
    private final Set<String> serving = ConcurrentHashMap.newKeySet();

    /** {@code email} is null when the hub has no mail server. */
    ProducerNotifier(ProducerEventStore events, ProducerStore producers, NotificationChannel webhook,
                     NotificationChannel email, RetryPolicy retry, int batchSize, Clock clock, Executor executor) {
        this.events = events;
        this.producers = producers;
        this.webhook = webhook;
        this.email = email;
        this.retry = retry;
        this.batchSize = batchSize;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * One poll: hands every producer whose oldest pending event is due, and which is not being
     * served already, to the pool. Returns at once; how many producers were handed over.
     */
    public int deliverDue() {
        List<Stored> heads = events.dueHeads(clock.instant(), batchSize);
        int started = 0;
        for (Stored head : heads) {
            String producerId = head.producerId();
            if (!serving.add(producerId)) {
                continue;
            }
            try {
                executor.execute(() -> serve(producerId, head.eventId()));
                started++;
            } catch (RejectedExecutionException e) {
                // the pool is full or shutting down: the next poll offers this producer again
                serving.remove(producerId);
            }
        }
        return started;
    }

    /** Producers being served right now (for tests and diagnostics). */
    Set<String> serving() {
        return Set.copyOf(serving);
    }

    private void serve(String producerId, String headEventId) {
        try {
            // read again under the claim: the poll's copy may already have been delivered by the
            // run that held the claim a moment ago
            Stored current = events.find(headEventId).filter(e -> isDue(e, clock.instant())).orElse(null);
            while (current != null && !Thread.currentThread().isInterrupted()) {
                if (!deliver(current)) {
                    return;
                }
                current = nextDue(producerId, current.seq());
            }
        } catch (InterruptedException e) {
            // shutting down: the event stays PENDING and is sent after the restart
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Serving producer {} stopped; its events are tried again on a later poll", producerId, e);
        } finally {
            serving.remove(producerId);
        }
    }

    /**
     * One attempt at one event and its record in the store.
     *
     * @return true when the producer's next event may go (delivered, inbox only or parked)
     */
    boolean deliver(Stored event) throws InterruptedException {
        Optional<Producer> producer = producers.find(event.producerId());
        NotificationChannel channel = producer.map(this::channelFor).orElse(null);
        if (channel == null) {
            events.inboxOnly(event.seq());
            return true;
        }
        DeliveryAttempt attempt;
        try {
            attempt = channel.deliver(producer.get(), event);
        } catch (RuntimeException e) {
            attempt = DeliveryAttempt.failed("unexpected error: " + e);
        }
        if (attempt.delivered()) {
            events.delivered(event.seq(), channel.name());
            return true;
        }
        Instant now = clock.instant();
        Instant failingSince = event.failingSince() != null ? event.failingSince() : now;
        Optional<Instant> next = retry.nextAttempt(failingSince, event.attempts() + 1, now);
        if (next.isEmpty()) {
            events.parked(event.seq(), channel.name(), attempt.failure());
            log.warn("Gave up on event {} for producer {} after {} attempts since {}: {}", event.eventId(),
                    event.producerId(), event.attempts() + 1, failingSince, attempt.failure());
            return true;
        }
        events.failed(event.seq(), channel.name(), attempt.failure(), next.get());
        log.info("Event {} for producer {} not delivered by {} (attempt {}), next at {}: {}", event.eventId(),
                event.producerId(), channel.name(), event.attempts() + 1, next.get(), attempt.failure());
        return false;
    }

    private NotificationChannel channelFor(Producer producer) {
        if (producer.hasWebhook()) {
            return webhook;
        }
        if (producer.hasEmail() && email != null) {
            return email;
        }
        return null;
    }

    /** The producer's first pending event after {@code afterSeq}, if it is due now. */
    private Stored nextDue(String producerId, long afterSeq) {
        long after = afterSeq;
        while (true) {
            List<Stored> page = events.inbox(producerId, after, PAGE);
            for (Stored e : page) {
                if (e.deliveryState() == DeliveryState.PENDING) {
                    return isDue(e, clock.instant()) ? e : null;
                }
                after = e.seq();
            }
            if (page.size() < PAGE) {
                return null;
            }
        }
    }

    private static boolean isDue(Stored event, Instant now) {
        return event.deliveryState() == DeliveryState.PENDING
                && (event.nextAttemptAt() == null || !event.nextAttemptAt().isAfter(now));
    }

    /** Stops the pool; an attempt cut short leaves its event PENDING, to be sent again. */
    @Override
    public void close() {
        if (executor instanceof ExecutorService pool) {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("Producer notifier threads still running at shutdown");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
