package vn.ocop.hub.connector.hapro;

import java.util.List;

/**
 * One segment as StAEDI parsed it, release characters already removed.
 *
 * @param position 1-based position in the file, counting UNA when present, so it matches the line
 *                 number when each segment is on its own line
 * @param loop     the innermost segment group (schema loop code, e.g. {@code SG28}) the segment
 *                 belongs to, or null for the message level and the service segments
 * @param elements data elements in order; each is its list of components (a simple element has one)
 */
record EdiSegment(int position, String tag, String loop, List<List<String>> elements) {

    EdiSegment {
        elements = List.copyOf(elements);
    }

    /** Component {@code component} of element {@code element}, both 1-based; null when absent or empty. */
    String value(int element, int component) {
        if (element < 1 || element > elements.size()) {
            return null;
        }
        List<String> components = elements.get(element - 1);
        if (component < 1 || component > components.size()) {
            return null;
        }
        String value = components.get(component - 1);
        return value == null || value.isEmpty() ? null : value;
    }

    String value(int element) {
        return value(element, 1);
    }

    /** Where this segment is, in the form the chain's error report uses. */
    String location() {
        return location(position, tag);
    }

    static String location(int position, String tag) {
        return "segment " + position + " (" + tag + ")";
    }
}
