package vn.ocop.hub.connector.hapro;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PRICAT read back by a plain StAEDI reader in the test, validating against the syntax 4.01
 * control schema and the shipped PRICAT schema, independently of the connector's own reader.
 */
record ParsedInterchange(List<Seg> segments, List<String> errors) {

    /** One segment: tag and elements, each a list of components (values unescaped by StAEDI). */
    record Seg(String tag, List<List<String>> elements) {

        String v(int element, int component) {
            if (element > elements.size()) {
                return null;
            }
            List<String> c = elements.get(element - 1);
            return component > c.size() || c.get(component - 1).isEmpty() ? null : c.get(component - 1);
        }

        String v(int element) {
            return v(element, 1);
        }
    }

    static ParsedInterchange parse(byte[] bytes) throws Exception {
        Schema control = SchemaFactory.newFactory().getControlSchema("EDIFACT", new String[]{"UNOW", "4", "", "", "01"});
        Schema pricat;
        try (InputStream in = ParsedInterchange.class.getResourceAsStream("/schemas/hapro/pricat-d01b.xml")) {
            pricat = SchemaFactory.newFactory().createSchema(in);
        }
        EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(bytes), control);
        List<Seg> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String tag = null;
        List<List<String>> elements = null;
        while (reader.hasNext()) {
            EDIStreamEvent event = reader.next();
            Location at = reader.getLocation();
            switch (event) {
                case START_SEGMENT -> {
                    tag = reader.getText();
                    elements = new ArrayList<>();
                }
                case ELEMENT_DATA -> {
                    while (elements.size() < at.getElementPosition()) {
                        elements.add(new ArrayList<>());
                    }
                    elements.get(at.getElementPosition() - 1).add(reader.getText());
                    if ("UNH".equals(tag) && at.getElementPosition() == 2 && at.getComponentPosition() == 1) {
                        reader.setTransactionSchema(pricat);
                    }
                }
                case END_SEGMENT -> segments.add(new Seg(tag, elements));
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(reader.getErrorType()
                        + " at " + at.getSegmentPosition() + " " + at.getSegmentTag() + " " + at.getElementPosition());
                default -> {
                }
            }
        }
        return new ParsedInterchange(segments, errors);
    }

    List<Seg> all(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).collect(Collectors.toList());
    }

    Seg first(String tag) {
        return all(tag).get(0);
    }

    /** The segments of each LIN group: LIN up to the next LIN or UNT. */
    List<List<Seg>> items() {
        List<List<Seg>> items = new ArrayList<>();
        List<Seg> current = null;
        for (Seg s : segments) {
            if (s.tag().equals("LIN")) {
                current = new ArrayList<>();
                items.add(current);
            } else if (s.tag().equals("UNT")) {
                current = null;
            }
            if (current != null) {
                current.add(s);
            }
        }
        return items;
    }
}
