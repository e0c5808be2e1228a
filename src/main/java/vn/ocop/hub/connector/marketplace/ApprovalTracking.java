package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.store.Binding;

/** A partner that reviews new items before they go live; polled on a schedule. */
public interface ApprovalTracking {

    enum Outcome { PENDING, APPROVED, REJECTED }

    /** @param itemId set when APPROVED; {@code reason} is the partner's own words when REJECTED */
    record Approval(Outcome outcome, String itemId, String reason) {
    }

    Approval check(Binding pending);
}
