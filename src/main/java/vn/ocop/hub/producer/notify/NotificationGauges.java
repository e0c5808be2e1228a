package vn.ocop.hub.producer.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEventStore.DeliveryState;

/**
 * Pending and parked producer events as gauges, so an alert can fire when deliveries pile up or
 * give up. Counted in the store when scraped, never cached.
 */
public class NotificationGauges {

    public static final String PENDING = "hub.producer.notifications.pending";
    public static final String PARKED = "hub.producer.notifications.parked";

    NotificationGauges(ProducerEventStore events, MeterRegistry registry) {
        Gauge.builder(PENDING, events, e -> e.countInState(DeliveryState.PENDING))
                .description("Producer events not yet delivered (including those waiting to be retried)")
                .register(registry);
        Gauge.builder(PARKED, events, e -> e.countInState(DeliveryState.PARKED))
                .description("Producer events the notifier gave up on; an operator can replay them")
                .register(registry);
    }
}
