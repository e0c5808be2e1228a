package vn.ocop.hub.connector.hapro;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.hub.connector.hapro.EdiText.interchange;
import static vn.ocop.hub.connector.hapro.EdiText.message;
import static vn.ocop.hub.connector.hapro.EdiText.stream;

class HaproInvrptReaderTest {

    private final HaproInvrptReader reader = new HaproInvrptReader();

    /** UNA 1, UNB 2, UNH 3. */
    private static List<String> report() {
        return new ArrayList<>(message("UNH+1+INVRPT:D:01B:UN:EAN008'",
                "BGM+35+TK-1+9'",                  // 4
                "DTM+137:20251110:102'",           // 5
                "DTM+366:20251109:102'",           // 6
                "NAD+GY+8934567000109::9'",        // 7
                "LIN+1++8936814520019:SRV'",       // 8
                "PIA+5+HN-2025-0101:SA::91'",      // 9
                "INV++++2'",                       // 10
                "QTY+145:18'",                     // 11
                "INV+1'",                          // 12
                "QTY+212:6'"));                    // 13; UNT 14
    }

    private InboundDocument read(List<String> message) throws Exception {
        return reader.read(stream(interchange(message)), null);
    }

    @Test
    void describesItself() {
        assertThat(reader.connectorId()).isEqualTo("hapro-eancom");
        assertThat(reader.kind()).isEqualTo(InboundKind.STOCK);
        assertThat(reader.extension()).isEqualTo("edi");
    }

    @Test
    void theShippedSampleReadsIntoStockLines() throws Exception {
        InboundDocument doc;
        try (InputStream in = Files.newInputStream(Path.of("samples/chains/hapro-invrpt.edi"))) {
            doc = reader.read(in, null);
        }
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines()).extracting(l -> l.item().gtin() + "/" + l.item().supplierArticle() + " on hand "
                        + l.quantity() + " sold " + l.soldQuantity())
                .containsExactly("8936814520019/HN-2025-0101 on hand 18 sold 6",
                        "8936814715002/HN-2025-0077 on hand 0 sold 12",
                        "null/HN-2024-0519 on hand 25 sold null",
                        "8936814740257/HN-2025-0140 on hand 9 sold 3");
        InboundLine first = doc.lines().get(0);
        assertThat(first.location()).isEqualTo("segment 10 (LIN)");
        assertThat(first.documentRef()).isEqualTo("TK-HP-2025-W45");
        assertThat(first.documentDate()).isEqualTo(LocalDate.of(2025, 11, 9));
        assertThat(first.storeCode()).isEqualTo("8934567000109");
        assertThat(first.unitPrice()).isNull();
        assertThat(first.deliveryDate()).isNull();
    }

    @Test
    void theInventoryReportDateWinsOverTheMessageDate() throws Exception {
        assertThat(read(report()).lines().get(0).documentDate()).isEqualTo(LocalDate.of(2025, 11, 9));
        List<String> withoutReportDate = report();
        withoutReportDate.remove("DTM+366:20251109:102'");
        assertThat(read(withoutReportDate).lines().get(0).documentDate()).isEqualTo(LocalDate.of(2025, 11, 10));
    }

    @Test
    void aLocationInTheStockGroupSplitsAnItemByStore() throws Exception {
        List<String> message = report();
        message.addAll(List.of("INV++++2'", "QTY+145:7'", "LOC+14+8934567000116::9'",
                "INV+1'", "QTY+212:2'", "LOC+14+8934567000116::9'"));
        InboundDocument doc = read(message);
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines()).extracting(l -> l.storeCode() + ": " + l.quantity() + "/" + l.soldQuantity())
                .containsExactly("8934567000109: 18/6", "8934567000116: 7/2");
    }

    @Test
    void anItemWithoutOnHandStockIsReported() throws Exception {
        List<String> message = report();
        message.remove("INV++++2'");
        message.remove("QTY+145:18'");
        InboundDocument doc = read(message);
        assertThat(doc.problems()).containsExactly(
                new InboundProblem("segment 8 (LIN)", "line item 1 has no on-hand quantity (INV group with QTY+145)"));

        List<String> soldElsewhere = report();
        soldElsewhere.addAll(List.of("INV+1'", "QTY+212:2'", "LOC+14+8934567000116::9'"));
        assertThat(read(soldElsewhere).problems()).containsExactly(new InboundProblem("segment 15 (QTY)",
                "line item 1 gives units sold but no on-hand quantity (QTY+145) for store 8934567000116"));
    }

    @Test
    void aNegativeStockIsRefusedButZeroIsNews() throws Exception {
        List<String> negative = report();
        negative.set(negative.indexOf("QTY+145:18'"), "QTY+145:-1'");
        assertThat(read(negative).problems()).containsExactly(
                new InboundProblem("segment 11 (QTY)", "QTY+145 quantity must be zero or more, got -1"));

        List<String> soldOut = report();
        soldOut.set(soldOut.indexOf("QTY+145:18'"), "QTY+145:0'");
        InboundDocument doc = read(soldOut);
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines().get(0).quantity()).isZero();
    }

    @Test
    void aStockGroupWithoutItsQuantityIsAStructuralError() throws Exception {
        List<String> message = report();
        message.remove("QTY+212:6'");
        InboundDocument doc = read(message);
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly("segment 13 (UNT)");
        assertThat(doc.problems().get(0).reason()).isEqualTo("mandatory segment QTY is missing before this point");
    }

    @Test
    void aReportWithoutADateOrWithABadOneIsRefused() throws Exception {
        List<String> noDate = report();
        noDate.remove("DTM+137:20251110:102'");
        noDate.remove("DTM+366:20251109:102'");
        noDate.add(2, "DTM+90:20251101:102'");
        assertThat(read(noDate).problems()).containsExactly(new InboundProblem("segment 4 (BGM)",
                "the report has no date (DTM+366 report date or DTM+137)"));

        List<String> badDate = report();
        badDate.set(badDate.indexOf("DTM+366:20251109:102'"), "DTM+366:2025-11-09:102'");
        InboundDocument doc = read(badDate);
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 6 (DTM)",
                "DTM+366 date '2025-11-09' is not a valid CCYYMMDD date (format code 102)"));
    }

    @Test
    void ordersDroppedInTheStockInboxAreRefused() throws Exception {
        List<String> message = report();
        message.set(0, "UNH+1+ORDERS:D:01B:UN:EAN010'");
        InboundDocument doc = read(message);
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 3 (UNH)",
                "message type ORDERS does not belong in inbox/stock: only INVRPT D.01B messages are read here"));
    }

    @Test
    void aLineMustNameItsProduct() throws Exception {
        List<String> message = report();
        message.set(message.indexOf("LIN+1++8936814520019:SRV'"), "LIN+1'");
        message.remove("PIA+5+HN-2025-0101:SA::91'");
        InboundDocument doc = read(message);
        assertThat(doc.problems()).containsExactly(new InboundProblem("segment 8 (LIN)",
                "line item 1 names no product: give its GTIN in LIN or our article number in PIA+5 (…:SA)"));
        assertThat(doc.lines()).isEmpty();
    }
}
