package vn.ocop.hub.connector.centralretail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.ItemRef;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentralRetailOrderReaderTest {

    private static final Path SAMPLE = Path.of("samples/chains/centralretail-order.xml");

    private final CentralRetailOrderReader reader = new CentralRetailOrderReader();

    @Test
    void theSampleOrderReadsToItsLines() throws Exception {
        InboundDocument doc;
        try (InputStream in = Files.newInputStream(SAMPLE)) {
            doc = reader.read(in, null);
        }
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.ok()).isTrue();
        LocalDate ordered = LocalDate.of(2025, 11, 3);
        LocalDate delivery = LocalDate.of(2025, 11, 7);
        assertThat(doc.lines()).containsExactly(
                new InboundLine("line 12 (orderLine 1)", "CRV-PO-2025-000731", ordered, "8930000001023",
                        new ItemRef(null, "08936814520019", null), 24, 95_000L, delivery, null),
                new InboundLine("line 17 (orderLine 2)", "CRV-PO-2025-000731", ordered, "8930000001023",
                        new ItemRef(null, "08936814570120", null), 60, 36_000L, delivery, null),
                new InboundLine("line 22 (orderLine 3)", "CRV-PO-2025-000731", ordered, "8930000001023",
                        new ItemRef(null, "08936814715002", null), 12, 150_000L, delivery, null));
    }

    @Test
    void identifiesItselfToTheFramework() {
        assertThat(reader.connectorId()).isEqualTo("centralretail-xml");
        assertThat(reader.kind()).isEqualTo(InboundKind.ORDERS);
        assertThat(reader.extension()).isEqualTo("xml");
    }

    @Test
    void aMissingGtinIsReportedWithItsPlace() throws Exception {
        InboundDocument doc = read(order("""
                  <orderLine lineNumber="1">
                    <quantity>24</quantity>
                    <netUnitPrice>95000</netUnitPrice>
                  </orderLine>
                """));
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 9, column 15 (orderLine 1/quantity)");
            assertThat(p.reason()).contains("quantity").contains("gtin").doesNotContain("cvc-")
                    .doesNotContain("urn:ocop-hub");
        });
    }

    @Test
    void quantityZeroOrNotANumberIsReported() throws Exception {
        InboundDocument doc = read(order(line(1, "08936814520019", "0", "95000") + line(2, "08936814570120", "abc", "1")));
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly(
                "line 10, column 27 (orderLine 1/quantity)",
                "line 15, column 29 (orderLine 2/quantity)");
        assertThat(doc.problems().get(0).reason()).contains("'0'").contains("minInclusive");
        assertThat(doc.problems().get(1).reason()).contains("'abc'");
    }

    @Test
    void everyProblemInAFileIsCollected() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <purchaseOrder xmlns="urn:ocop-hub:centralretail:order:1" schemaVersion="1.0">
                  <orderId>PO 1</orderId>
                  <orderDate>2025-02-30</orderDate>
                  <buyerGln>893000000102</buyerGln>
                  <requestedDeliveryDate>2025-03-02</requestedDeliveryDate>
                """ + line(1, "08936814520019", "-3", "95000") + line(1, "893681452001", "2", "9.5") + """
                </purchaseOrder>
                """;
        InboundDocument doc = read(xml);
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly(
                "line 3, column 26 (orderId)",
                "line 4, column 36 (orderDate)",
                "line 5, column 36 (buyerGln)",
                "line 9, column 28 (orderLine 1/quantity)",
                "line 12, column 29 (orderLine 1)",
                "line 15, column 37 (orderLine 1/netUnitPrice)");
        assertThat(doc.problems()).anySatisfy(p -> assertThat(p.reason()).contains("2025-02-30"));
        assertThat(doc.problems()).anySatisfy(p -> assertThat(p.reason()).contains("Duplicate").contains("[1]"));
    }

    @Test
    void notXmlAtAllIsOneProblemNotAnException() throws Exception {
        InboundDocument doc = read("po_number,quantity\nPO-1,3\n");
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 1, column 1");
            assertThat(p.reason()).containsIgnoringCase("content is not allowed in prolog");
        });
        assertThat(read("").problems()).singleElement()
                .satisfies(p -> assertThat(p.location()).startsWith("line 1, column"));
        assertThat(read("<purchaseOrder xmlns=\"urn:ocop-hub:centralretail:order:1\">").problems()).isNotEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreAProblem() throws Exception {
        // declared UTF-8 (by default) but saved as Latin-1: "é" is one byte that UTF-8 cannot start with
        byte[] latin1 = order(line(1, "08936814520019", "1", "1")).replace("<orderId>", "<!-- cà phê --><orderId>")
                .getBytes(StandardCharsets.ISO_8859_1);
        InboundDocument doc = reader.read(new ByteArrayInputStream(latin1), null);
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line 3, column ");
            assertThat(p.reason()).contains("UTF-8");
        });
    }

    @Test
    void anEndlessFileIsCutOffAndRefused() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        InboundDocument doc = reader.read(endless, null);
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("larger than 16 MB"));
    }

    @Test
    void theWrongRootElementIsRefused() throws Exception {
        InboundDocument doc = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <catalogueItemNotificationMessage xmlns="urn:ocop-hub:centralretail:catalogue:1" schemaVersion="1.0"/>
                """);
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line 2, column ").endsWith("(catalogueItemNotificationMessage)");
            assertThat(p.reason()).contains("catalogueItemNotificationMessage");
        });
        // the right name in no namespace is not the order either
        assertThat(read("<purchaseOrder schemaVersion=\"1.0\"/>").problems()).isNotEmpty();
    }

    @Test
    void checkDigitsAndDateOrderAreCheckedAfterTheSchema() throws Exception {
        String xml = order(line(1, "08936814520018", "2", "95000"))
                .replace("<buyerGln>8930000001023<", "<buyerGln>8930000001024<")
                .replace("<requestedDeliveryDate>2025-11-07<", "<requestedDeliveryDate>2025-11-01<");
        InboundDocument doc = read(xml);
        assertThat(doc.ok()).isFalse();
        assertThat(doc.problems()).extracting(InboundProblem::toString).containsExactly(
                "line 5, column 13 (buyerGln): GLN 8930000001024 has a wrong check digit (expected 3)",
                "line 9, column 11 (orderLine 1/gtin): GTIN 08936814520018 has a wrong check digit (expected 9)",
                "line 6, column 26 (requestedDeliveryDate): delivery date 2025-11-01 is before the order date 2025-11-03");
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE purchaseOrder [ <!ENTITY xxe SYSTEM "%s"> ]>
                <purchaseOrder xmlns="urn:ocop-hub:centralretail:order:1" schemaVersion="1.0">
                  <orderId>&xxe;</orderId>
                </purchaseOrder>
                """.formatted(secret.toUri());
        InboundDocument doc = read(xml);
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line 2, column ");
            assertThat(p.reason()).contains("DOCTYPE");
        });
        assertThat(doc.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            String xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE purchaseOrder SYSTEM "http://127.0.0.1:%d/evil.dtd">
                    <purchaseOrder xmlns="urn:ocop-hub:centralretail:order:1" schemaVersion="1.0"/>
                    """.formatted(server.getLocalPort());
            InboundDocument doc = read(xml);
            assertThat(doc.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("DOCTYPE"));
            // a connection attempt would wait in the backlog; there is none
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** Each parser refuses entities on its own, not only because another one refused the DOCTYPE first. */
    @Test
    void everyParserTheReaderUsesIsHardenedOnItsOwn(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE purchaseOrder [ <!ENTITY xxe SYSTEM "%s"> ]>
                <purchaseOrder xmlns="urn:ocop-hub:centralretail:order:1" schemaVersion="1.0"><orderId>&xxe;</orderId></purchaseOrder>
                """.formatted(secret.toUri());

        XMLReader sax = SecureXml.xmlReader();
        sax.setErrorHandler(new DefaultHandler()); // throws on fatal errors without printing them
        assertThatThrownBy(() -> sax.parse(new InputSource(new StringReader(xml))))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");

        Validator validator = SecureXml.validator(SecureXml.schema(CentralRetailOrderReader.SCHEMA));
        assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(xml))))
                .isInstanceOf(SAXParseException.class).hasMessageNotContaining("TOP-SECRET");

        StringBuilder seen = new StringBuilder();
        XMLStreamReader stax = SecureXml.inputFactory().createXMLStreamReader(new StringReader(xml));
        try {
            while (stax.hasNext()) {
                if (stax.next() == XMLStreamReader.CHARACTERS) {
                    seen.append(stax.getText());
                }
            }
        } catch (XMLStreamException refused) {
            // an undeclared entity stops the parse: also fine
        }
        assertThat(seen.toString()).doesNotContain("TOP-SECRET");
    }

    // --- helpers

    private InboundDocument read(String xml) throws IOException {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null);
    }

    /** A valid order around the given lines; its header takes lines 1-7, so the first line starts on 8. */
    private static String order(String lines) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <purchaseOrder xmlns="urn:ocop-hub:centralretail:order:1" schemaVersion="1.0">
                  <orderId>PO-1</orderId>
                  <orderDate>2025-11-03</orderDate>
                  <buyerGln>8930000001023</buyerGln>
                  <requestedDeliveryDate>2025-11-07</requestedDeliveryDate>
                  <currencyCode>VND</currencyCode>
                """ + lines + """
                </purchaseOrder>
                """;
    }

    /** Five lines: the element, gtin, quantity, price, end. */
    private static String line(int number, String gtin, String quantity, String price) {
        return """
                  <orderLine lineNumber="%d">
                    <gtin>%s</gtin>
                    <quantity>%s</quantity>
                    <netUnitPrice>%s</netUnitPrice>
                  </orderLine>
                """.formatted(number, gtin, quantity, price);
    }
}
