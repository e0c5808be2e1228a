package vn.ocop.hub.producer.notify;

/** What one attempt to reach a producer came to; {@code failure} says why not, for the operator. */
record DeliveryAttempt(boolean delivered, String failure) {

    static DeliveryAttempt ok() {
        return new DeliveryAttempt(true, null);
    }

    static DeliveryAttempt failed(String failure) {
        return new DeliveryAttempt(false, failure);
    }
}
