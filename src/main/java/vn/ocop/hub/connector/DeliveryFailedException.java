package vn.ocop.hub.connector;

/** Every attempt the retry policy allows failed transiently; the message goes to the partner's DLQ. */
public class DeliveryFailedException extends RuntimeException {
    public DeliveryFailedException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}
