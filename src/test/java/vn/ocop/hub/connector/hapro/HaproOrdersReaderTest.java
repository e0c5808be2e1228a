package vn.ocop.hub.connector.hapro;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.hub.connector.hapro.EdiText.interchange;
import static vn.ocop.hub.connector.hapro.EdiText.message;
import static vn.ocop.hub.connector.hapro.EdiText.stream;

class HaproOrdersReaderTest {

    private final HaproOrdersReader reader = new HaproOrdersReader();

    /** UNA is segment 1, UNB 2, so UNH is 3 and the body starts at 4. */
    private static List<String> order() {
        return new ArrayList<>(message("UNH+1+ORDERS:D:01B:UN:EAN010'",
                "BGM+220+PO-1+9'",                 // 4
                "DTM+137:20251103:102'",           // 5
                "DTM+2:20251106:102'",             // 6
                "NAD+BY+8934567000109::9'",        // 7
                "LIN+1++8936814520019:SRV'",       // 8
                "PIA+5+HN-2025-0101:SA::91'",      // 9
                "QTY+21:24'",                      // 10
                "PRI+AAA:95000'",                  // 11
                "LIN+2'",                          // 12
                "PIA+5+HN-2024-0519:SA::91'",      // 13
                "QTY+21:30'",                      // 14
                "UNS+S'"));                        // 15; UNT 16, UNZ 17
    }

    private InboundDocument read(String text) throws Exception {
        return reader.read(stream(text), null);
    }

    private InboundDocument read(List<String> message) throws Exception {
        return read(interchange(message));
    }

    private static List<String> replace(List<String> message, String prefix, String segment) {
        for (int i = 0; i < message.size(); i++) {
            if (message.get(i).startsWith(prefix)) {
                message.set(i, segment);
                return message;
            }
        }
        throw new AssertionError("no segment " + prefix);
    }

    @Test
    void describesItself() {
        assertThat(reader.connectorId()).isEqualTo("hapro-eancom");
        assertThat(reader.kind()).isEqualTo(InboundKind.ORDERS);
        assertThat(reader.extension()).isEqualTo("edi");
    }

    @Test
    void theShippedSampleReadsIntoOrderLines() throws Exception {
        InboundDocument doc;
        try (InputStream in = Files.newInputStream(Path.of("samples/chains/hapro-orders.edi"))) {
            doc = reader.read(in, null);
        }
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines()).hasSize(5);

        InboundLine tea = doc.lines().get(0);
        assertThat(tea.location()).isEqualTo("segment 12 (LIN)");
        assertThat(tea.documentRef()).isEqualTo("PO-HP-2025-11-0457");
        assertThat(tea.documentDate()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(tea.storeCode()).isEqualTo("8934567000109");
        assertThat(tea.item().gtin()).isEqualTo("8936814520019");
        assertThat(tea.item().supplierArticle()).isEqualTo("HN-2025-0101");
        assertThat(tea.item().itemCode()).isNull();
        assertThat(tea.quantity()).isEqualTo(24);
        assertThat(tea.unitPrice()).isEqualTo(95000L);
        assertThat(tea.deliveryDate()).isEqualTo(LocalDate.of(2025, 11, 6));
        assertThat(tea.soldQuantity()).isNull();

        InboundLine com = doc.lines().get(2); // no GTIN; its own delivery date
        assertThat(com.item().gtin()).isNull();
        assertThat(com.item().supplierArticle()).isEqualTo("HN-2024-0519");
        assertThat(com.quantity()).isEqualTo(30);
        assertThat(com.unitPrice()).isEqualTo(56000L);
        assertThat(com.deliveryDate()).isEqualTo(LocalDate.of(2025, 11, 4));

        // the second message of the interchange: another store's order
        assertThat(doc.lines().subList(3, 5)).allSatisfy(l -> {
            assertThat(l.documentRef()).isEqualTo("PO-HP-2025-11-0458");
            assertThat(l.storeCode()).isEqualTo("8934567000116");
            assertThat(l.deliveryDate()).isEqualTo(LocalDate.of(2025, 11, 7));
        });
        assertThat(doc.lines().subList(3, 5)).extracting(l -> l.item().gtin() + "×" + l.quantity())
                .containsExactly("8936814740257×6", "8936814970012×10");
    }

    @Test
    void theSyntaxThreeServiceStringAndAByteOrderMarkAreTolerated() throws Exception {
        String sample = Files.readString(Path.of("samples/chains/hapro-orders.edi"));
        // "UNA:+.? '": in syntax 4 StAEDI would take the space for a repetition separator
        String syntax3Una = "\uFEFF" + sample.replace("UNA:+.?*'", "UNA:+.? '");
        InboundDocument doc = read(syntax3Una);
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines()).hasSize(5);
    }

    @Test
    void aTruncatedFileIsReportedWhereItEnds() throws Exception {
        String whole = interchange(order());
        InboundDocument midSegment = read(whole.substring(0, whole.indexOf("QTY+21:24") + 6));
        assertThat(midSegment.problems()).containsExactly(
                new InboundProblem("segment 10 (QTY)", "the file ends inside this segment: the interchange is incomplete (cut short in transfer?)"));
        assertThat(midSegment.lines()).isEmpty();

        InboundDocument afterSegment = read(whole.substring(0, whole.indexOf("LIN+2'")));
        assertThat(afterSegment.problems()).extracting(InboundProblem::location).containsExactly("segment 11 (PRI)");
        assertThat(afterSegment.problems().get(0).reason()).contains("without UNT and UNZ");
    }

    @Test
    void aWrongSegmentCountIsReportedAtUnt() throws Exception {
        String text = interchange(order()).replace("UNT+14+1'", "UNT+13+1'");
        InboundDocument doc = read(text);
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 16 (UNT)",
                "UNT gives 13 segments, but the message has 14 (UNH to UNT, both included)"));
    }

    @Test
    void aMissingQuantityIsReportedAtItsLine() throws Exception {
        List<String> message = order();
        message.remove("QTY+21:30'");
        InboundDocument doc = read(message);
        assertThat(doc.problems()).containsExactly(
                new InboundProblem("segment 12 (LIN)", "line item 2 has no ordered quantity (QTY+21)"));
    }

    @Test
    void aZeroOrFractionalQuantityIsRefused() throws Exception {
        InboundDocument zero = read(replace(order(), "QTY+21:24", "QTY+21:0'"));
        assertThat(zero.problems()).containsExactly(
                new InboundProblem("segment 10 (QTY)", "QTY+21 quantity must be greater than zero, got 0"));

        InboundDocument fraction = read(replace(order(), "QTY+21:24", "QTY+21:2.5'"));
        assertThat(fraction.problems()).containsExactly(
                new InboundProblem("segment 10 (QTY)", "QTY+21 quantity 2.5 is not a whole number of units"));

        InboundDocument wholeWithDecimals = read(replace(order(), "QTY+21:24", "QTY+21:24.000'"));
        assertThat(wholeWithDecimals.problems()).isEmpty();
        assertThat(wholeWithDecimals.lines().get(0).quantity()).isEqualTo(24);
    }

    @Test
    void aBadDateIsReportedAtItsDtm() throws Exception {
        InboundDocument doc = read(replace(order(), "DTM+137", "DTM+137:20251332:102'"));
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 5 (DTM)",
                "DTM+137 date '20251332' is not a valid CCYYMMDD date (format code 102)"));
        assertThat(doc.lines()).isEmpty();

        InboundDocument noOrderDate = read(replace(order(), "DTM+137", "DTM+4:20251101:102'"));
        assertThat(noOrderDate.problems()).containsExactly(
                new InboundProblem("segment 4 (BGM)", "the order has no order date (DTM+137)"));
    }

    @Test
    void anotherMessageTypeIsRefusedWithOneProblem() throws Exception {
        List<String> invoice = replace(order(), "UNH", "UNH+1+INVOIC:D:01B:UN:EAN011'");
        InboundDocument doc = read(invoice);
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 3 (UNH)",
                "message type INVOIC does not belong in inbox/orders: only ORDERS D.01B messages are read here"));
        assertThat(doc.lines()).isEmpty();
    }

    @Test
    void anotherDirectoryVersionIsRefused() throws Exception {
        InboundDocument doc = read(replace(order(), "UNH", "UNH+1+ORDERS:D:96A:UN:EAN008'"));
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly("segment 3 (UNH)");
        assertThat(doc.problems().get(0).reason()).contains("ORDERS D.96A").contains("ORDERS:D:01B:UN");
    }

    @Test
    void cancellationsAndReplacementsAreNotTakenForNewOrders() throws Exception {
        InboundDocument doc = read(replace(order(), "BGM", "BGM+220+PO-1+1'"));
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 4 (BGM)", "BGM message function 1 "
                + "(cancellation) is not read from files: this inbox takes new orders only (function 9); send changes "
                + "and cancellations to the office directly"));
        assertThat(read(replace(order(), "BGM", "BGM+220+PO-1'")).problems()).isEmpty();
    }

    @Test
    void aLineMustNameItsProduct() throws Exception {
        List<String> message = order();
        message.remove("PIA+5+HN-2024-0519:SA::91'");
        InboundDocument doc = read(message);
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 12 (LIN)",
                "line item 2 names no product: give its GTIN in LIN or our article number in PIA+5 (…:SA)"));
        assertThat(doc.lines()).hasSize(1);
    }

    @Test
    void aGtinWithAWrongCheckDigitIsRefused() throws Exception {
        InboundDocument doc = read(replace(order(), "LIN+1", "LIN+1++8936814520018:SRV'"));
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 8 (LIN)",
                "LIN item number GTIN 8936814520018 has a wrong check digit"));
    }

    @Test
    void structuralErrorsFromStaediAreLocated() throws Exception {
        List<String> message = order();
        message.add(5, "XYZ+1'");                                        // segment 8: no D.01B segment
        replace(message, "QTY+21:30", "QTY+21:30:PCE:9+X'");             // segment 15: too much data
        replace(message, "BGM", "BGM+220+" + "P".repeat(36) + "+9'");     // segment 4: DE 1004 is an..35
        InboundDocument doc = read(message);
        assertThat(doc.problems()).extracting(InboundProblem::location)
                .containsExactly("segment 4 (BGM)", "segment 8 (XYZ)", "segment 15 (QTY)", "segment 15 (QTY)");
        assertThat(doc.problems().get(0).reason()).contains("element 2.1 (DE 1004)").contains("too long").contains("at most 35");
        assertThat(doc.problems().get(1).reason()).isEqualTo("XYZ does not belong in an ORDERS D.01B message");
        assertThat(doc.problems().get(2).reason()).contains("more components than D.01B defines");
        assertThat(doc.problems().get(3).reason()).contains("more data elements than D.01B defines");
    }

    @Test
    void everyProblemInAFileIsCollectedInFileOrder() throws Exception {
        List<String> message = order();
        replace(message, "DTM+2:", "DTM+2:20250231:102'");
        replace(message, "QTY+21:24", "QTY+21:-3'");
        message.remove("PIA+5+HN-2024-0519:SA::91'");
        String text = interchange(message).replace("UNZ+1+HPR1'", "UNZ+1+HPR2'");
        InboundDocument doc = read(text);
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly(
                "segment 6 (DTM)", "segment 10 (QTY)", "segment 12 (LIN)", "segment 16 (UNZ)");
        assertThat(doc.problems().get(3).reason())
                .isEqualTo("UNZ interchange reference 'HPR2' differs from the one in UNB ('HPR1')");
        assertThat(doc.ok()).isFalse();
    }

    @Test
    void filesThatAreNotEdifactAreReportedNotThrown() throws Exception {
        assertThat(read("").problems()).containsExactly(new InboundProblem("segment 1 (UNB)",
                "the file is empty: an EDIFACT interchange starts with UNA or UNB"));
        InboundDocument csv = read("so_don_hang,ngay_dat\nPO-1,2025-11-03\n");
        assertThat(csv.problems()).extracting(InboundProblem::location).containsExactly("segment 1 (UNB)");
        assertThat(csv.problems().get(0).reason()).startsWith("this is not an EDIFACT interchange");
        byte[] binary = new byte[64];
        Arrays.fill(binary, (byte) 0x01);
        assertThat(reader.read(new ByteArrayInputStream(binary), null).problems()).hasSize(1);
        assertThat(read("UNA:+.?*'UNB+UN").problems()).hasSize(1);
    }

    @Test
    void anInterchangeWithoutOrdersSaysSo() throws Exception {
        String empty = String.join("\n", EdiText.UNA, EdiText.UNB, "UNZ+0+HPR1'");
        InboundDocument doc = read(empty);
        assertThat(doc.problems()).extracting(InboundProblem::location).containsOnly("segment 3 (UNZ)");
        assertThat(doc.problems()).extracting(InboundProblem::reason).contains("the interchange has no ORDERS message");
        assertThat(doc.lines()).isEmpty();
    }
}
