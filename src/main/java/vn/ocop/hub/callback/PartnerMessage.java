package vn.ocop.hub.callback;

import java.time.Instant;

/**
 * One callback or pulled event, stored as the partner sent it before the partner was answered.
 *
 * @param dedupKey      the partner's own identity of the fact (order, line, status …): a redelivery has
 *                      the same key and is not stored twice
 * @param payload       the body as received (for Tiki and Shopee's lost pushes, the event as pulled)
 * @param attempts      how often the worker tried to turn it into events
 * @param lastError     why the last attempt failed, or a note on a message that needed no event
 */
public record PartnerMessage(long id, String partner, String dedupKey, String payload, Instant receivedAt,
                             State state, int attempts, Instant nextAttemptAt, String lastError,
                             Instant processedAt) {

    public enum State {
        /** stored, waiting for the worker (or for its next attempt) */
        RECEIVED,
        /** its events are published */
        DONE,
        /** the worker gave up or the message cannot become events; an operator can replay it */
        FAILED
    }
}
