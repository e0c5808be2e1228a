package vn.ocop.hub.connector.tiki;

/**
 * One product request as {@code GET /integration/v2/tracking/{track_id}} shows it. Tiki assigns the
 * request id once it has taken the request off its queue; until then it is null.
 */
record TikiTracking(String trackId, String requestId, String state, String reason) {

    /** Tiki's request states (open.tiki.vn, Create new product request), grouped by what the hub does. */
    enum Review { IN_REVIEW, APPROVED, REJECTED, DELETED }

    Review review() {
        return switch (state == null ? "" : state) {
            case "approved" -> Review.APPROVED;
            case "rejected" -> Review.REJECTED;
            case "deleted" -> Review.DELETED;
            // queuing, processing, drafted, md_waiting_approve, bot_waiting_approve, awaiting_approve,
            // and any state Tiki adds later: still Tiki's to decide
            default -> Review.IN_REVIEW;
        };
    }
}
