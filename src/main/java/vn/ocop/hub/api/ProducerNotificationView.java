package vn.ocop.hub.api;

import vn.ocop.hub.producer.ProducerEventStore;

import java.time.Instant;
import java.util.List;

/** One producer event's delivery record, as the operator sees it (the payload stays in the producer's inbox). */
public record ProducerNotificationView(String eventId, long seq, String producerId, String type, String partner,
                                       String state, String channel, int attempts, Instant occurredAt,
                                       Instant createdAt, Instant failingSince, Instant nextAttemptAt,
                                       String lastError, Instant deliveredAt) {

    static ProducerNotificationView of(ProducerEventStore.Stored e) {
        return new ProducerNotificationView(e.eventId(), e.seq(), e.producerId(), e.type(), e.partner(),
                e.deliveryState().name(), e.channel(), e.attempts(), e.occurredAt(), e.createdAt(),
                e.failingSince(), e.nextAttemptAt(), e.lastError(), e.deliveredAt());
    }

    /** The list answer. */
    public record Page(List<ProducerNotificationView> items) {
    }
}
