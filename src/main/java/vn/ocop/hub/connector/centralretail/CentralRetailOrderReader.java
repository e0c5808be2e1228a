package vn.ocop.hub.connector.centralretail;

import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.inbound.ChainFileReader;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.ItemRef;
import vn.ocop.hub.validation.Gtin;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Central Retail's purchase orders ({@code inbox/orders/*.xml}). The file is first validated
 * against {@code schemas/centralretail/purchase-order.xsd}, every violation reported with its
 * line and column; only a valid file is then read, with StAX, into order lines. Check digits
 * and date order, which XSD 1.0 cannot express, are checked while reading.
 */
@Component
public class CentralRetailOrderReader extends ChainFileReader {

    static final String NAMESPACE = "urn:ocop-hub:centralretail:order:1";
    static final String SCHEMA = "schemas/centralretail/purchase-order.xsd";

    /** 9,999 lines at a few hundred bytes each stay well below this. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Schema ORDER_SCHEMA = SecureXml.schema(SCHEMA);
    private static final Pattern ERROR_CODE = Pattern.compile("^cvc-[A-Za-z0-9.\\-]+: ");
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    public CentralRetailOrderReader() {
        super("centralretail-xml", InboundKind.ORDERS, "xml");
    }

    @Override
    public InboundDocument read(InputStream in, ConnectorConfig config) throws IOException {
        // read twice (validate, then extract), so held in memory; an order is a few kilobytes
        byte[] file = in.readNBytes(MAX_BYTES + 1);
        if (file.length > MAX_BYTES) {
            return new InboundDocument(List.of(), List.of(new InboundProblem("file", "is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MB; one purchase order of at most 9,999 lines is far smaller")));
        }
        List<InboundProblem> problems = validate(file);
        if (!problems.isEmpty()) {
            return new InboundDocument(List.of(), problems);
        }
        return extract(file);
    }

    private static List<InboundProblem> validate(byte[] file) {
        Problems problems = new Problems();
        try {
            Trail trail = new Trail(SecureXml.xmlReader());
            problems.trail = trail;
            Validator validator = SecureXml.validator(ORDER_SCHEMA);
            validator.setErrorHandler(problems);
            validator.validate(new SAXSource(trail, new InputSource(new ByteArrayInputStream(file))));
        } catch (SAXParseException e) {
            problems.add(e); // the fatal error that stopped the parse, unless the handler already has it
        } catch (SAXException | IOException e) {
            problems.list.add(new InboundProblem("file", "is not a readable XML document: " + e.getMessage()));
        }
        return problems.list;
    }

    /** Reads a file the schema accepted; only what the schema cannot check can still go wrong. */
    private static InboundDocument extract(byte[] file) {
        List<InboundLine> lines = new ArrayList<>();
        List<InboundProblem> problems = new ArrayList<>();
        String orderId = null;
        LocalDate orderDate = null;
        String buyerGln = null;
        LocalDate deliveryDate = null;
        Location deliveryAt = null;
        List<PendingLine> pending = new ArrayList<>();
        PendingLine line = null;
        XMLStreamReader r = null;
        try {
            r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(file));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Location at = r.getLocation();
                    switch (r.getLocalName()) {
                        case "orderId" -> orderId = r.getElementText().strip();
                        case "orderDate" -> orderDate = date(r.getElementText());
                        case "buyerGln" -> {
                            buyerGln = r.getElementText().strip();
                            if (!Gtin.hasValidCheckDigit(buyerGln)) {
                                problems.add(problem(at, "buyerGln", "GLN " + buyerGln + " has a wrong check digit"
                                        + " (expected " + expectedCheckDigit(buyerGln) + ")"));
                            }
                        }
                        case "requestedDeliveryDate" -> {
                            deliveryAt = at;
                            deliveryDate = date(r.getElementText());
                        }
                        case "orderLine" -> line = new PendingLine(at, r.getAttributeValue(null, "lineNumber"));
                        case "gtin" -> {
                            line.gtin = r.getElementText();
                            if (!Gtin.hasValidCheckDigit(line.gtin)) {
                                problems.add(problem(at, "orderLine " + line.number + "/gtin", "GTIN " + line.gtin
                                        + " has a wrong check digit (expected " + expectedCheckDigit(line.gtin) + ")"));
                            }
                        }
                        case "quantity" -> line.quantity = Long.parseLong(r.getElementText().strip());
                        case "netUnitPrice" -> line.unitPrice = Long.parseLong(r.getElementText().strip());
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "orderLine".equals(r.getLocalName())) {
                    pending.add(line);
                    line = null;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // not expected after validation; reported rather than thrown all the same
            Location at = r == null ? null : r.getLocation();
            problems.add(new InboundProblem(at == null ? "file" : where(at.getLineNumber(), at.getColumnNumber(), ""),
                    "cannot be read: " + e.getMessage()));
            return new InboundDocument(List.of(), problems);
        } finally {
            close(r);
        }
        if (orderDate != null && deliveryDate != null && deliveryDate.isBefore(orderDate)) {
            problems.add(problem(deliveryAt, "requestedDeliveryDate", "delivery date " + deliveryDate
                    + " is before the order date " + orderDate));
        }
        for (PendingLine p : pending) {
            lines.add(new InboundLine("line " + p.at.getLineNumber() + " (orderLine " + p.number + ")", orderId,
                    orderDate, buyerGln, new ItemRef(null, p.gtin, null), p.quantity, p.unitPrice, deliveryDate,
                    null));
        }
        return new InboundDocument(lines, problems);
    }

    private static LocalDate date(String lexical) {
        // xs:date may carry a time zone ("2025-10-01+07:00"); the calendar date is what counts
        XMLGregorianCalendar c = DATATYPES.newXMLGregorianCalendar(lexical.strip());
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private static String expectedCheckDigit(String digits) {
        return String.valueOf(Gtin.checkDigit(digits.substring(0, digits.length() - 1)));
    }

    private static InboundProblem problem(Location at, String element, String reason) {
        return new InboundProblem(where(at.getLineNumber(), at.getColumnNumber(), element), reason);
    }

    static String where(int line, int column, String element) {
        String place = "line " + line + ", column " + column;
        return element == null || element.isEmpty() ? place : place + " (" + element + ")";
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release that matters: the input is a byte array
            }
        }
    }

    private static final class PendingLine {
        final Location at;
        final String number;
        String gtin;
        long quantity;
        Long unitPrice;

        PendingLine(Location at, String number) {
            this.at = at;
            this.number = number;
        }
    }

    /**
     * Collects every schema violation instead of stopping at the first, each with the line and
     * column the parser gives and the element it concerns. Messages that the validator gives
     * for one spot (a bad value, then "the element is not valid") become one problem.
     */
    private static final class Problems implements ErrorHandler {
        final List<InboundProblem> list = new ArrayList<>();
        Trail trail;

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a file invalid
        }

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            add(e);
            throw e;
        }

        void add(SAXParseException e) {
            String location = where(e.getLineNumber(), e.getColumnNumber(), trail == null ? "" : trail.path());
            String reason = readable(e.getMessage());
            if (!list.isEmpty()) {
                InboundProblem last = list.get(list.size() - 1);
                if (last.location().equals(location)) {
                    if (!last.reason().contains(reason)) {
                        list.set(list.size() - 1, new InboundProblem(location, last.reason() + " " + reason));
                    }
                    return;
                }
            }
            list.add(new InboundProblem(location, reason));
        }

        /** Without the validator's rule number and the namespace, which only get in a reader's way. */
        private static String readable(String message) {
            String text = message == null ? "invalid" : ERROR_CODE.matcher(message).replaceFirst("");
            return text.replace("\"" + NAMESPACE + "\":", "");
        }
    }

    /**
     * Sits between the parser and the validator and remembers where the parse is, so a schema
     * violation names its element: {@code orderLine 2/quantity} rather than a column alone.
     */
    private static final class Trail extends XMLFilterImpl {
        private final Deque<String> path = new ArrayDeque<>();
        private int orderLines;

        Trail(XMLReader parent) {
            super(parent);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String segment = localName.isEmpty() ? qName : localName;
            if (path.size() == 1 && "orderLine".equals(segment)) {
                // named as the chain numbered it; by position when the number itself is missing
                orderLines++;
                String number = atts.getValue("lineNumber");
                segment = "orderLine " + (number == null || number.isBlank() ? "#" + orderLines : number.strip());
            }
            path.addLast(segment);
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            path.pollLast();
        }

        /** The element being parsed, below the root; the root itself when nothing else is open. */
        String path() {
            if (path.size() <= 1) {
                return path.isEmpty() ? "" : path.peekFirst();
            }
            return String.join("/", path).substring(path.peekFirst().length() + 1);
        }
    }
}
