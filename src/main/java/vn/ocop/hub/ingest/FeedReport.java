package vn.ocop.hub.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.ocop.hub.model.FieldError;

import java.time.Instant;
import java.util.List;

/** The answer to a feed, kept for GET /api/v1/feeds/{feedId}: counts and each rejected record by index. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedReport(String feedId, String mode, String status, int received, int accepted, int unchanged,
                         int rejected, int withdrawn, List<RecordError> errors, Instant createdAt,
                         Instant completedAt) {

    /** {@code index} counts from 0 in the order records appeared in the feed. */
    public record RecordError(int index, String ocopId, List<FieldError> errors) {
    }
}
