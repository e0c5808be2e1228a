package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A product request in the fake's review queue.
 *
 * @param requestId null while the request waits in Tiki's queue (state queuing)
 * @param state     queuing, awaiting_approve, approved, rejected or deleted
 * @param body      the create request exactly as the hub sent it
 * @param skus      the variants' SKUs, which become the products' original_sku
 */
public record FakeTikiRequest(String trackId, String requestId, String state, String reason, JsonNode body,
                              List<String> skus, Instant createdAt, Instant decidedAt) {

    public FakeTikiRequest {
        skus = List.copyOf(skus);
    }

    public boolean inReview() {
        return !state.equals("approved") && !state.equals("rejected") && !state.equals("deleted");
    }

    FakeTikiRequest queued(String newRequestId) {
        return new FakeTikiRequest(trackId, newRequestId, "awaiting_approve", reason, body, skus, createdAt, decidedAt);
    }

    FakeTikiRequest decided(String newState, String newReason, Instant at) {
        return new FakeTikiRequest(trackId, requestId, newState, newReason, body, skus, createdAt, at);
    }
}
