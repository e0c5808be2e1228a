package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.store.Binding;

/** A partner that reviews new items before they go live; polled on a schedule. */
public interface ApprovalTracking {

    enum Outcome { PENDING, APPROVED, REJECTED }

    /** @param itemId set when APPROVED; {@code reason} is the partner's own words when REJECTED */
    record Approval(Outcome outcome, String itemId, String reason) {
    }

    Approval check(Binding pending);

    /**
     * The listing was withdrawn while the partner reviews it and the hub has no item id to switch
     * off: withdraw the request itself, or see that the item the review produced stays off sale.
     */
    default void withdrawPending(Binding pending) {
    }
}
