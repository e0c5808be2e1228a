package vn.ocop.hub.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.ListingStore;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies a batch feed record by record as it streams in (a JSON array or NDJSON): a
 * 100,000-listing feed is never held in memory. Valid records are stored in chunks, one
 * transaction per chunk; invalid ones are reported by index and never stop the rest.
 */
@Service
public class FeedProcessor {

    private static final Logger log = LoggerFactory.getLogger(FeedProcessor.class);
    static final int CHUNK = 200;

    private final ObjectMapper json;
    private final ListingValidator validator;
    private final IngestService ingest;
    private final ListingStore listings;
    private final FeedReportStore reports;
    private final TransactionTemplate tx;

    public FeedProcessor(ObjectMapper json, ListingValidator validator, IngestService ingest, ListingStore listings,
                         FeedReportStore reports, TransactionTemplate tx) {
        this.json = json;
        this.validator = validator;
        this.ingest = ingest;
        this.listings = listings;
        this.reports = reports;
        this.tx = tx;
    }

    public enum Mode { DELTA, FULL }

    private record Pending(int index, Listing listing) {
    }

    /** Mutable tally for one feed run. */
    private final class Run {
        final String feedId = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        final Instant started = Instant.now();
        final Mode mode;
        final List<FeedReport.RecordError> errors = new ArrayList<>();
        final List<Pending> chunk = new ArrayList<>(CHUNK);
        int received;
        int accepted;
        int unchanged;
        boolean truncated;

        Run(Mode mode) {
            this.mode = mode;
        }

        void record(int index, JsonNode node) {
            received++;
            ValidationResult result = validator.validate(node);
            if (!result.valid()) {
                reject(index, result.ocopIdOrNull(), result.errors());
                if (mode == Mode.FULL && result.ocopIdOrNull() != null) {
                    // present in the feed, if broken: a typo must not withdraw the product
                    listings.markSeen(result.ocopIdOrNull(), feedId);
                }
                return;
            }
            chunk.add(new Pending(index, result.listing()));
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void reject(int index, String ocopId, List<FieldError> fieldErrors) {
            errors.add(new FeedReport.RecordError(index, ocopId, fieldErrors));
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                tx.executeWithoutResult(status -> chunk.forEach(this::apply));
            } catch (RuntimeException chunkFailed) {
                // something other than a bad record: redo one by one so only the culprit is lost
                log.warn("Feed {}: chunk failed ({}), retrying record by record", feedId, chunkFailed.toString());
                errors.removeIf(e -> chunk.stream().anyMatch(p -> p.index() == e.index()));
                for (Pending p : chunk) {
                    try {
                        tx.executeWithoutResult(status -> apply(p));
                    } catch (RuntimeException e) {
                        reject(p.index(), p.listing().ocopId(), List.of(new FieldError("$", "could not be stored: "
                                + e.getMessage())));
                    }
                }
            }
            chunk.clear();
        }

        private void apply(Pending p) {
            try {
                IngestOutcome outcome = ingest.apply(p.listing(), feedId);
                if (outcome.change() == ChangeType.UNCHANGED) {
                    unchanged++;
                }
                accepted++;
            } catch (VersionConflictException conflict) {
                listings.markSeen(p.listing().ocopId(), feedId);
                reject(p.index(), p.listing().ocopId(), List.of(new FieldError("version", conflict.getMessage())));
            }
        }
    }

    public FeedReport process(InputStream body, boolean ndjson, Mode mode) throws IOException {
        Run run = new Run(mode);
        reports.started(run.feedId, mode.name(), run.started);
        if (ndjson) {
            readNdjson(body, run);
        } else {
            readArray(body, run);
        }
        run.flush();
        int withdrawn = 0;
        if (mode == Mode.FULL && !run.truncated) {
            withdrawn = withdrawAbsent(run.feedId);
        }
        run.errors.sort(java.util.Comparator.comparingInt(FeedReport.RecordError::index));
        FeedReport report = new FeedReport(run.feedId, mode.name(), run.truncated ? "TRUNCATED" : "COMPLETED",
                run.received, run.accepted, run.unchanged, run.errors.size(), withdrawn, run.errors, run.started,
                Instant.now());
        reports.completed(report);
        log.info("Feed {} ({}): {} received, {} accepted, {} rejected, {} withdrawn", report.feedId(), mode,
                report.received(), report.accepted(), report.rejected(), withdrawn);
        return report;
    }

    private void readNdjson(InputStream body, Run run) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        int index = 0;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                run.received++;
                run.reject(index++, null, List.of(new FieldError("$", "not valid JSON: " + e.getOriginalMessage())));
                continue;
            }
            run.record(index++, node);
        }
    }

    private void readArray(InputStream body, Run run) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new FeedFormatException("a JSON feed must be an array of listings (or send application/x-ndjson)");
            }
            int index = 0;
            try {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new FeedFormatException("the feed ended before its closing ]");
                    }
                    JsonNode node = json.readTree(parser);
                    run.record(index++, node);
                }
            } catch (JsonProcessingException broken) {
                // what came before the break is kept; the rest cannot be read reliably
                run.flush();
                run.truncated = true;
                run.reject(index, null, List.of(new FieldError("$", "feed is not valid JSON from here on: "
                        + broken.getOriginalMessage())));
            }
        }
    }

    private int withdrawAbsent(String feedId) {
        int count = 0;
        for (String ocopId : listings.activeNotSeenIn(feedId)) {
            IngestOutcome outcome = ingest.withdraw(ocopId, "absent from full feed " + feedId);
            if (outcome.change() == ChangeType.WITHDRAWN) {
                count++;
            }
        }
        return count;
    }

    /** The body is not a feed at all (400 for the whole request). */
    public static class FeedFormatException extends RuntimeException {
        public FeedFormatException(String message) {
            super(message);
        }
    }
}
