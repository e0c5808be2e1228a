package vn.ocop.hub.producer.notify;

import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;

/** One way of reaching a producer: its webhook or its e-mail address. */
interface NotificationChannel {

    /** Recorded as the event's channel. */
    String name();

    /**
     * One attempt. Failures the producer's side causes (refusal, timeout, bad address) come back
     * as a failed attempt, never as an exception.
     */
    DeliveryAttempt deliver(Producer producer, ProducerEventStore.Stored event) throws InterruptedException;
}
