package vn.ocop.hub.connector;

import java.time.Duration;

/** Worth retrying: connection failure, timeout, 5xx, 429, the partner's "busy" codes. */
public class TransientPartnerException extends RuntimeException {
    private final Duration retryAfter;

    public TransientPartnerException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientPartnerException(String message) {
        this(message, null, null);
    }

    /** The partner's own Retry-After, when it gave one. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
