package vn.ocop.hub.ingest;

import vn.ocop.hub.model.ChangeType;

/** What the hub did with one submission: the 202 body of POST /api/v1/listings. */
public record IngestOutcome(String ocopId, long version, long revision, ChangeType change) {
}
