package vn.ocop.hub.connector.hapro;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one dropped file with StAEDI, validating the interchange against the syntax 4 control
 * schema and each message of the expected type against its D.01B schema. Every error StAEDI
 * reports, and anything that stops it (a truncated file, bytes that are not EDIFACT), becomes an
 * {@link InboundProblem}; messages are handed on segment by segment as StAEDI parsed them, for the
 * message's own interpreter to make sense of. Never throws for bad content.
 */
final class EdifactInterchangeReader {

    private static final String SYNTAX_VERSION_4 = "4";
    private static final Pattern POSITION = Pattern.compile("segment (\\d+)");

    private final String messageType;
    private final Schema schema;
    private final String inbox;

    /**
     * @param messageType the only message type this inbox takes, e.g. {@code ORDERS}
     * @param schema      its D.01B transaction schema
     * @param inbox       the folder it is dropped in, for error texts ({@code inbox/orders})
     */
    EdifactInterchangeReader(String messageType, Schema schema, String inbox) {
        this.messageType = messageType;
        this.schema = schema;
        this.inbox = inbox;
    }

    /** Reads the whole file; {@code messages} gets each complete message of the expected type. */
    void read(InputStream in, Consumer<EdiMessage> messages, List<InboundProblem> problems) throws IOException {
        new Pass(messages, problems).run(in);
    }

    /**
     * Problems sorted by segment position, so the chain's report reads top to bottom; StAEDI's
     * findings come while reading, the message checks only once a message is complete.
     */
    static List<InboundProblem> inFileOrder(List<InboundProblem> problems) {
        List<InboundProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(EdifactInterchangeReader::position));
        return sorted;
    }

    private static int position(InboundProblem problem) {
        Matcher m = POSITION.matcher(problem.location());
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The state of reading one file. */
    private final class Pass {
        private final Consumer<EdiMessage> sink;
        private final List<InboundProblem> problems;
        private final Deque<String> loops = new ArrayDeque<>();

        private SegmentBuilder segment;
        private EdiSegment last;
        private EdiSegment header;
        private List<EdiSegment> body;
        private EdiSegment trailer;
        private boolean skipMessage;
        private int segmentsInMessage;
        private int messagesInInterchange;
        private int messagesSeen;
        private String interchangeReference;
        private String messageReference;

        Pass(Consumer<EdiMessage> sink, List<InboundProblem> problems) {
            this.sink = sink;
            this.problems = problems;
        }

        void run(InputStream raw) throws IOException {
            UnaCompatibility.Prepared prepared = UnaCompatibility.prepare(raw);
            if (prepared.empty()) {
                problem(EdiSegment.location(1, "UNB"), "the file is empty: an EDIFACT interchange starts with UNA or UNB");
                return;
            }
            EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(prepared.stream());
            try {
                while (reader.hasNext()) {
                    handle(reader, reader.next());
                }
            } catch (EDIStreamException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io; // the file could not be read at all: not a problem with its content
                }
                stopped(e.getMessage());
                return;
            } catch (RuntimeException e) {
                // StAEDI's reader can also give up with a runtime exception on input it cannot follow
                stopped(e.toString());
                return;
            }
            if (messagesSeen == 0) {
                problem(last == null ? EdiSegment.location(1, "UNB") : last.location(),
                        "the interchange has no " + messageType + " message");
            }
        }

        private void handle(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            Location at = reader.getLocation();
            switch (event) {
                case START_INTERCHANGE -> startInterchange(reader);
                case START_TRANSACTION -> {
                    header = null;
                    body = new ArrayList<>();
                    skipMessage = false;
                    segmentsInMessage = 0;
                    messagesInInterchange++;
                    messagesSeen++;
                }
                case START_LOOP -> loops.push(reader.getReferenceCode());
                case END_LOOP -> {
                    if (!loops.isEmpty()) {
                        loops.pop();
                    }
                }
                case START_SEGMENT -> {
                    String tag = reader.getText();
                    segment = new SegmentBuilder(at.getSegmentPosition(), tag, loops.peek());
                    if (body != null) {
                        segmentsInMessage++;
                    }
                }
                case ELEMENT_DATA -> elementData(reader, at);
                case END_SEGMENT -> endSegment();
                case END_TRANSACTION -> endMessage();
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(reader, at);
                default -> {
                }
            }
        }

        private void startInterchange(EDIStreamReader reader) {
            messagesInInterchange = 0;
            String[] version = reader.getVersion();
            if (version.length > 1 && SYNTAX_VERSION_4.equals(version[1])) {
                reader.setControlSchema(EdifactSchemas.CONTROL);
            }
            // other syntax versions keep the control schema StAEDI picks for them
        }

        private void elementData(EDIStreamReader reader, Location at) {
            if (segment == null || at.getElementOccurrence() > 1) {
                return; // a repetition: reported as an error, its value is not used
            }
            int component = Math.max(1, at.getComponentPosition());
            String text = reader.getText();
            segment.set(at.getElementPosition(), component, text);
            if ("UNH".equals(segment.tag) && at.getElementPosition() == 2 && component == 1) {
                if (messageType.equals(text)) {
                    reader.setTransactionSchema(schema);
                } else {
                    skipMessage = true;
                }
            }
        }

        private void endSegment() {
            if (segment == null) {
                return;
            }
            EdiSegment done = segment.build();
            segment = null;
            last = done;
            switch (done.tag()) {
                case "UNB" -> interchangeReference = done.value(5);
                case "UNH" -> startMessage(done);
                case "UNT" -> {
                    if (body != null) {
                        trailer = done;
                    }
                }
                default -> {
                    if (body != null && header != null) {
                        body.add(done);
                    }
                }
            }
        }

        private void startMessage(EdiSegment unh) {
            header = unh;
            messageReference = unh.value(1);
            String type = unh.value(2, 1);
            if (skipMessage) {
                problem(unh.location(), "message type " + (type == null ? "(none)" : type) + " does not belong in "
                        + inbox + ": only " + messageType + " D.01B messages are read here");
                return;
            }
            String version = unh.value(2, 2) + "." + unh.value(2, 3);
            if (!"D.01B".equals(version) || !"UN".equals(unh.value(2, 4))) {
                problem(unh.location(), messageType + " " + version + " (agency " + unh.value(2, 4) + ") is not supported: "
                        + "send " + messageType + ":D:01B:UN (EANCOM 2002)");
            }
        }

        private void endMessage() {
            if (header != null && !skipMessage) {
                sink.accept(new EdiMessage(header, body, trailer));
            }
            header = null;
            body = null;
            trailer = null;
        }

        private void error(EDIStreamReader reader, Location at) {
            EDIStreamValidationError error = reader.getErrorType();
            if (skipMessage && body != null && !"UNT".equals(at.getSegmentTag())) {
                return; // a message of another type: one problem at its UNH says it all
            }
            String text = reader.hasText() ? reader.getText() : null;
            String tag = at.getSegmentTag() != null ? at.getSegmentTag() : (segment != null ? segment.tag : "?");
            String location = EdiSegment.location(at.getSegmentPosition(), tag);
            String reason = switch (error) {
                case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> countReason(tag, text);
                case CONTROL_REFERENCE_MISMATCH -> referenceReason(tag, text);
                default -> StaediErrors.reason(error, text, element(reader, at), maxLength(reader), messageType);
            };
            problem(location, reason);
        }

        private String countReason(String tag, String text) {
            if ("UNT".equals(tag)) {
                return "UNT gives " + text + " segments, but the message has " + segmentsInMessage
                        + " (UNH to UNT, both included)";
            }
            if ("UNZ".equals(tag)) {
                return "UNZ gives " + text + " messages, but the interchange has " + messagesInInterchange;
            }
            return tag + " count " + text + " does not match what the file contains";
        }

        private String referenceReason(String tag, String text) {
            if ("UNT".equals(tag)) {
                return "UNT message reference '" + text + "' differs from the one in UNH ('" + messageReference + "')";
            }
            if ("UNZ".equals(tag)) {
                return "UNZ interchange reference '" + text + "' differs from the one in UNB ('"
                        + interchangeReference + "')";
            }
            return tag + " reference '" + text + "' does not match its header";
        }

        private String element(EDIStreamReader reader, Location at) {
            if (at.getElementPosition() < 1) {
                return null;
            }
            StringBuilder s = new StringBuilder("element ").append(at.getElementPosition());
            if (at.getComponentPosition() > 0) {
                s.append('.').append(at.getComponentPosition());
            }
            String code = reader.getReferenceCode();
            if (code != null && !code.isEmpty()) {
                boolean dataElement = code.chars().allMatch(Character::isDigit);
                // StAEDI's control schema drops the leading zeros of service element numbers (0074 → 74)
                s.append(" (").append(dataElement ? "DE " + "0".repeat(Math.max(0, 4 - code.length())) + code : code).append(')');
            }
            return s.toString();
        }

        private long maxLength(EDIStreamReader reader) {
            EDIReference reference = reader.getSchemaTypeReference();
            if (reference != null && reference.getReferencedType() instanceof EDISimpleType simple) {
                return simple.getMaxLength();
            }
            return -1;
        }

        /** StAEDI gave up: the rest of the file cannot be read, so this is the last problem. */
        private void stopped(String detail) {
            if (last == null && segment == null) {
                problem(EdiSegment.location(1, "UNB"), "this is not an EDIFACT interchange: it must start with UNA or UNB"
                        + (detail == null ? "" : " (" + detail + ")"));
            } else if (detail != null && detail.contains("Unexpected end of stream")) {
                if (segment != null) {
                    problem(EdiSegment.location(segment.position, segment.tag),
                            "the file ends inside this segment: the interchange is incomplete (cut short in transfer?)");
                } else {
                    problem(last.location(), "the file ends after this segment without "
                            + (body != null ? "UNT and UNZ" : "UNZ") + ": the interchange is incomplete (cut short in transfer?)");
                }
            } else {
                int position = segment != null ? segment.position : last.position() + 1;
                String tag = segment != null ? segment.tag : "after " + last.tag();
                problem(EdiSegment.location(position, tag), "the text here cannot be read as EDIFACT"
                        + (detail == null ? "" : " (" + detail + ")"));
            }
        }

        private void problem(String location, String reason) {
            problems.add(new InboundProblem(location, reason));
        }
    }

    /** Collects one segment's values as StAEDI hands them over. */
    private static final class SegmentBuilder {
        private final int position;
        private final String tag;
        private final String loop;
        private final List<List<String>> elements = new ArrayList<>();

        SegmentBuilder(int position, String tag, String loop) {
            this.position = position;
            this.tag = tag;
            this.loop = loop;
        }

        void set(int element, int component, String value) {
            if (element < 1) {
                return;
            }
            while (elements.size() < element) {
                elements.add(new ArrayList<>());
            }
            List<String> components = elements.get(element - 1);
            while (components.size() < component) {
                components.add(null);
            }
            components.set(component - 1, value);
        }

        EdiSegment build() {
            List<List<String>> copy = new ArrayList<>(elements.size());
            for (List<String> components : elements) {
                copy.add(Collections.unmodifiableList(new ArrayList<>(components)));
            }
            return new EdiSegment(position, tag, loop, copy);
        }
    }
}
