package vn.ocop.hub.producer.notify;

import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderEvent;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events and producers the notifier's unit tests share. */
final class NotifierFixtures {

    static final Instant OCCURRED = Instant.parse("2026-11-21T03:00:00Z");

    private NotifierFixtures() {
    }

    static OrderEvent order(String eventId, String producerId, String orderId, OrderStatus status) {
        return new OrderEvent(eventId, producerId, "aeon", orderId, status,
                List.of(new OrderEvent.Line("HN-2025-0101", "TRA-SHAN-100", 12, 41_000L),
                        new OrderEvent.Line("HN-2025-0102", "GAO-TAM-5KG", 5, 152_000L)),
                LocalDate.of(2026, 11, 25), "AEON-LB", OCCURRED);
    }

    static InventoryEvent stock(String eventId, String producerId, InventoryEvent.Meaning meaning) {
        return new InventoryEvent(eventId, producerId, "aeon", "HN-2025-0102", "GAO-TAM-5KG", 17, meaning, "AEON-TP",
                6L, OCCURRED);
    }

    static Producer producer(String id, String email, String webhookUrl, String secret) {
        Instant now = Instant.now();
        return new Producer(id, "HTX Chè Shan Tuyết " + id, email, webhookUrl, secret, now, now);
    }

    /** A stored event as the store would hand it over, for channels tested without a database. */
    static ProducerEventStore.Stored stored(String eventId, String producerId, String type, String payload) {
        Instant now = Instant.now();
        return new ProducerEventStore.Stored(1, eventId, producerId, type, "aeon", payload, OCCURRED, now,
                ProducerEventStore.DeliveryState.PENDING, null, 0, now, null, null, null);
    }
}
