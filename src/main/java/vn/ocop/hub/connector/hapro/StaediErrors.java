package vn.ocop.hub.connector.hapro;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Turns StAEDI's validation error codes into sentences a person at the chain can act on. The
 * location ("segment 14 (QTY)") is added by the caller.
 */
final class StaediErrors {

    private StaediErrors() {
    }

    /**
     * @param text      what StAEDI reported: the element's data, or a segment tag for segment errors
     * @param element   e.g. "element 1.2 (DE 6060)", or null for segment errors
     * @param maxLength the element's maximum length when known, else -1
     * @param message   the message type being read, for context ("ORDERS")
     */
    static String reason(EDIStreamValidationError error, String text, String element, long maxLength, String message) {
        String where = element == null ? "" : element + ": ";
        String msg = message == null ? "EDIFACT" : message; // ORDERS, INVRPT: "an" reads right for both
        return switch (error) {
            case UNRECOGNIZED_SEGMENT_ID -> "'" + text + "' is not an EDIFACT segment tag";
            case UNEXPECTED_SEGMENT -> text + " is not allowed at this point of the " + msg
                    + " message (out of order, or repeated more often than D.01B allows)";
            case MANDATORY_SEGMENT_MISSING -> "mandatory segment " + text + " is missing before this point";
            case CONDITIONAL_REQUIRED_SEGMENT_MISSING -> "segment " + text
                    + " is missing before this point (it, or the segment that may replace it, is required)";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "the segment group starting with " + text
                    + " repeats more often than D.01B allows";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> text + " repeats more often than D.01B allows here";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> text + " does not belong in an " + msg + " D.01B message";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> text + " is out of order";
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> "the segment has data element errors";
            case REQUIRED_DATA_ELEMENT_MISSING -> where + "required, but empty or missing";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> where + "required together with another element of this segment";
            case EXCLUSION_CONDITION_VIOLATED -> where + "may not be given together with another element of this segment";
            case TOO_MANY_DATA_ELEMENTS -> "more data elements than D.01B defines for this segment"
                    + (text == null || text.isEmpty() ? "" : " (extra value '" + text + "')");
            case TOO_MANY_REPETITIONS -> where + "repeated, but it may occur only once"
                    + " (a '*' in a value must be written as '?*')";
            case TOO_MANY_COMPONENTS -> where + "more components than D.01B defines"
                    + (text == null || text.isEmpty() ? "" : " (extra value '" + text + "')")
                    + "; a ':' in a value must be written as '?:'";
            case DATA_ELEMENT_TOO_SHORT -> where + "'" + text + "' is too short";
            case DATA_ELEMENT_TOO_LONG -> where + "'" + text + "' is too long"
                    + (maxLength > 0 ? " (at most " + maxLength + " characters)" : "");
            case INVALID_CHARACTER_DATA -> where + "'" + text + "' has characters this element does not allow";
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> where + "'" + text + "' is not a valid code here";
            case INVALID_DATE -> where + "'" + text + "' is not a valid date";
            case INVALID_TIME -> where + "'" + text + "' is not a valid time";
            default -> where + error.name().toLowerCase().replace('_', ' ')
                    + (text == null || text.isEmpty() ? "" : " ('" + text + "')");
        };
    }
}
