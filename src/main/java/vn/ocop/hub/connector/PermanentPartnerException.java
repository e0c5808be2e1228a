package vn.ocop.hub.connector;

/**
 * The partner refused the content. Retrying the same content cannot succeed, so the binding
 * shows REJECTED with the partner's own message until a new version arrives.
 */
public class PermanentPartnerException extends RuntimeException {
    public PermanentPartnerException(String partnerMessage) {
        super(partnerMessage);
    }
}
