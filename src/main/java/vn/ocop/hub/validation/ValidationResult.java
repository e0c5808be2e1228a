package vn.ocop.hub.validation;

import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.model.Listing;

import java.util.List;

/**
 * The outcome of validating one listing: either a normalised {@link Listing} or the list of
 * every field that was wrong, never both.
 *
 * @param listing   the valid, normalised listing; null when there are errors
 * @param errors    each rejected field with its JSON path; empty when valid
 * @param rawOcopId the ocopId as sent (trimmed), kept even when invalid so a rejected feed
 *                  record can still be reported by its id; null if the body had none
 */
public record ValidationResult(Listing listing, List<FieldError> errors, String rawOcopId) {

    public ValidationResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if ((listing == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a validation result has either a listing or errors");
        }
        if (listing != null && rawOcopId == null) {
            rawOcopId = listing.ocopId();
        }
    }

    /** For callers that only have a listing or only errors; the id is taken from the listing. */
    public ValidationResult(Listing listing, List<FieldError> errors) {
        this(listing, errors, listing == null ? null : listing.ocopId());
    }

    public static ValidationResult accepted(Listing listing) {
        return new ValidationResult(listing, List.of(), listing.ocopId());
    }

    public static ValidationResult rejected(String rawOcopId, List<FieldError> errors) {
        return new ValidationResult(null, errors, rawOcopId);
    }

    public boolean valid() {
        return listing != null;
    }

    /** The listing's id when valid, otherwise the ocopId text the body carried (or null). */
    public String ocopIdOrNull() {
        return listing != null ? listing.ocopId() : rawOcopId;
    }
}
