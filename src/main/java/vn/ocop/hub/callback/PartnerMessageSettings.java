package vn.ocop.hub.callback;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.ocop.hub.support.Backoff;

import java.time.Duration;

/**
 * How stored partner messages are worked ({@code hub.partner-messages}).
 *
 * @param pollMillis      how often the worker looks for due messages
 * @param batchSize       messages taken per look
 * @param maxAttempts     attempts before a message that keeps failing is FAILED (replayable)
 * @param firstRetryAfter wait after the first failure; doubled after each further one
 * @param maxRetryAfter   the longest wait between two attempts
 */
@ConfigurationProperties(prefix = "hub.partner-messages")
public record PartnerMessageSettings(Long pollMillis, Integer batchSize, Integer maxAttempts, Duration firstRetryAfter,
                                     Duration maxRetryAfter) {

    public PartnerMessageSettings {
        pollMillis = pollMillis == null ? 1000L : pollMillis;
        batchSize = batchSize == null ? 50 : batchSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(10) : firstRetryAfter;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(30) : maxRetryAfter;
    }

    /** The wait after the {@code failures}-th failure: exponential, capped. */
    public Duration retryAfter(int failures) {
        return new Backoff(firstRetryAfter, maxRetryAfter).after(failures);
    }
}
