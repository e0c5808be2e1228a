package vn.ocop.hub.callback;

/**
 * The message itself cannot become events (an order line matching no listing, a status the hub
 * does not know, a body that is not what the partner documents): trying again cannot help until
 * someone changes something, so the message is FAILED at once with this reason, for an operator
 * to read and replay.
 */
public class UnusableMessageException extends RuntimeException {
    public UnusableMessageException(String reason) {
        super(reason);
    }
}
