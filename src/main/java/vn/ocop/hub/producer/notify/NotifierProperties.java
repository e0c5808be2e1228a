package vn.ocop.hub.producer.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How producer events are delivered. Environment variables bind by Spring's relaxed rules
 * ({@code HUB_NOTIFIER_MAIL_FROM} → {@code hub.notifier.mail-from}).
 *
 * @param pollEvery    how often due events are looked for
 * @param initialDelay the wait after a first failed attempt; each further failure doubles it
 * @param maxDelay     the longest wait between two attempts
 * @param giveUpAfter  an event failing for at least this long (from its first failure) is parked
 * @param parallelism  producers served at once; one producer's events are never sent concurrently
 * @param batchSize    producers taken per poll
 * @param mailFrom     the sender address of notification e-mails
 */
@ConfigurationProperties(prefix = "hub.notifier")
public record NotifierProperties(@DefaultValue("PT1S") Duration pollEvery,
                                 @DefaultValue("PT10S") Duration initialDelay,
                                 @DefaultValue("PT30M") Duration maxDelay,
                                 @DefaultValue("PT24H") Duration giveUpAfter,
                                 @DefaultValue("4") int parallelism,
                                 @DefaultValue("200") int batchSize,
                                 @DefaultValue("ocop-hub@localhost") String mailFrom) {

    public NotifierProperties {
        requirePositive("hub.notifier.poll-every", pollEvery);
        requirePositive("hub.notifier.initial-delay", initialDelay);
        requirePositive("hub.notifier.max-delay", maxDelay);
        requirePositive("hub.notifier.give-up-after", giveUpAfter);
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("hub.notifier.max-delay (" + maxDelay
                    + ") must not be shorter than hub.notifier.initial-delay (" + initialDelay + ")");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("hub.notifier.parallelism must be at least 1, was " + parallelism);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.notifier.batch-size must be at least 1, was " + batchSize);
        }
        if (mailFrom == null || mailFrom.isBlank()) {
            throw new IllegalArgumentException("hub.notifier.mail-from must be an e-mail address");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration (e.g. PT10S), was " + value);
        }
    }
}
