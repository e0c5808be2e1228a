package vn.ocop.hub.connector.chain;

import java.time.Instant;

/**
 * What a file is: FULL or DELTA, its delta sequence (deltas only) and, for a full snapshot,
 * the last delta sequence whose changes it already contains.
 */
public record CatalogueHeader(String partner, Kind kind, String fileName, Long sequence, long lastDeltaSequence,
                              Instant createdAt) {

    public enum Kind { FULL, DELTA }
}
