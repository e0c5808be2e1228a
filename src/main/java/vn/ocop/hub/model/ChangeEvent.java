package vn.ocop.hub.model;

import java.time.Instant;
import java.util.Set;

/**
 * A change to one listing, as partners' synchronizers receive it. {@code revision} is the
 * hub's own counter per listing (bumped by every stored change, including stock updates that
 * carry no office version); synchronizers drop an event whose revision is not newer than what
 * they already delivered, which keeps each partner in order even when priorities reorder the queue.
 *
 * @param listing snapshot of the listing at this revision (for WITHDRAWN, the last known content)
 * @param changed which aspects changed: CONTENT, PRICE, STOCK (all three for CREATED)
 * @param reason  why, for WITHDRAWN (revoked, expired, withdrawn by the office …)
 */
public record ChangeEvent(String eventId, String ocopId, long revision, ChangeType change, Set<Aspect> changed,
                          Listing listing, String reason, Instant occurredAt) {

    public enum Aspect { CONTENT, PRICE, STOCK }

    /** JMS priority: removals and stock drops overtake content updates (architecture rule 6). */
    public int priority(Integer previousStock) {
        if (change == ChangeType.WITHDRAWN) {
            return 9;
        }
        if (changed.contains(Aspect.STOCK) && previousStock != null && listing.stock() < previousStock) {
            return 7;
        }
        return 4;
    }
}
