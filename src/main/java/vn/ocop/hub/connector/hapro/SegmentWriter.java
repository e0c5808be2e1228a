package vn.ocop.hub.connector.hapro;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes whole segments through StAEDI's writer, which escapes the service characters and
 * validates each segment as it ends. Trailing empty elements and components are left out, as
 * EDIFACT requires; the segments since the last {@link #resetCount()} are counted for UNT.
 */
final class SegmentWriter {

    private final EDIStreamWriter writer;
    private int count;

    SegmentWriter(EDIStreamWriter writer) {
        this.writer = writer;
    }

    /**
     * A composite element; a null component is left empty. (A type of its own rather than a
     * String[], which varargs would spread into separate elements.)
     */
    record Composite(String[] components) {
    }

    static Composite composite(String... components) {
        return new Composite(components);
    }

    /**
     * @param elements each a {@code String} (a simple element) or a {@link Composite};
     *                 null leaves the element empty
     */
    void segment(String tag, Object... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        int last = lastPresent(elements);
        for (int i = 0; i <= last; i++) {
            Object element = elements[i];
            if (element instanceof Composite composite) {
                writeComposite(composite.components());
            } else if (element == null || element.toString().isEmpty()) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement(element.toString());
            }
        }
        writer.writeEndSegment();
        count++;
    }

    int count() {
        return count;
    }

    void resetCount() {
        count = 0;
    }

    private void writeComposite(String[] components) throws EDIStreamException {
        int last = lastPresent(components);
        if (last < 0) {
            writer.writeEmptyElement();
            return;
        }
        writer.writeStartElement();
        for (int i = 0; i <= last; i++) {
            if (components[i] == null || components[i].isEmpty()) {
                writer.writeEmptyComponent();
            } else {
                writer.writeComponent(components[i]);
            }
        }
        writer.endElement();
    }

    private static int lastPresent(Object[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            Object v = values[i];
            boolean present = v instanceof Composite c ? lastPresent(c.components()) >= 0
                    : v != null && !v.toString().isEmpty();
            if (present) {
                return i;
            }
        }
        return -1;
    }
}
