package vn.ocop.hub.connector;

import java.time.Duration;

/** Worth retrying: connection failure, timeout, 5xx, 429, the partner's "busy" codes. */
public class TransientPartnerException extends RuntimeException {
    private final Duration retryAfter;
    private final int httpStatus;

    public TransientPartnerException(String message, Duration retryAfter, Throwable cause) {
        this(message, retryAfter, cause, 0);
    }

    /** @param httpStatus the partner's HTTP answer, or 0 when there was none (connection failure, timeout) */
    public TransientPartnerException(String message, Duration retryAfter, Throwable cause, int httpStatus) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    public TransientPartnerException(String message) {
        this(message, null, null);
    }

    /** The partner's own Retry-After, when it gave one. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status the partner answered with, or 0 when no answer came back. */
    public int httpStatus() {
        return httpStatus;
    }
}
