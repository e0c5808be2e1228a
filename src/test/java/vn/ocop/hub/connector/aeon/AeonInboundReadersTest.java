package vn.ocop.hub.connector.aeon;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AeonInboundReadersTest {

    private static InboundDocument orders(String csv) throws IOException {
        return new AeonOrderReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static InboundDocument stock(byte[] bytes) throws IOException {
        return new AeonStockReader().read(new ByteArrayInputStream(bytes), null);
    }

    private static final String ORDER_HEADER = "po_number,po_date,store_code,item_code,jan_code,quantity,unit_cost,delivery_date\r\n";

    @Test
    void readsOrderLinesWithBomAndBothDateForms() throws IOException {
        InboundDocument doc = orders("\uFEFF" + ORDER_HEADER
                + "PO-1,2026-11-21,AEON-LB,HN-2025-0101,8936814520019,12,41000,25/11/2026\r\n"
                + "PO-1,2026-11-21,AEON-LB,,8936814570120,\"3\",,\r\n");
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines()).hasSize(2);
        InboundLine first = doc.lines().get(0);
        assertThat(first.location()).isEqualTo("line 2");
        assertThat(first.documentRef()).isEqualTo("PO-1");
        assertThat(first.documentDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(first.deliveryDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(first.item().itemCode()).isEqualTo("HN-2025-0101");
        assertThat(first.item().gtin()).isEqualTo("8936814520019");
        assertThat(first.quantity()).isEqualTo(12);
        assertThat(first.unitPrice()).isEqualTo(41000);
        InboundLine second = doc.lines().get(1);
        assertThat(second.item().itemCode()).isNull();
        assertThat(second.unitPrice()).isNull();
        assertThat(second.deliveryDate()).isNull();
    }

    @Test
    void reportsEveryBadCellWithItsLineAndColumn() throws IOException {
        InboundDocument doc = orders(ORDER_HEADER
                + ",2026-13-01,AEON-LB,HN-2025-0101,,0,41000,\r\n"
                + "PO-2,2026-11-21,AEON-LB,HN-2025-0101,,1.5,-3,\r\n"
                + "PO-2,2026-11-21,AEON-LB,,,4,1000,\r\n");
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly(
                "line 2, column po_number", "line 2, column po_date", "line 2, column quantity",
                "line 3, column quantity", "line 3, column unit_cost", "line 4");
        assertThat(doc.problems().get(2).reason()).contains("positive");
        assertThat(doc.problems().get(3).reason()).contains("\"1.5\" is not a whole number");
        assertThat(doc.problems().get(5).reason()).contains("item_code and jan_code are both empty");
    }

    @Test
    void aMissingColumnIsOneProblemNamingIt() throws IOException {
        InboundDocument doc = orders("po_number,po_date,item_code,quantity\r\nPO-3,2026-11-21,HN-2025-0101,1\r\n");
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 1 (header)");
            assertThat(p.reason()).contains("delivery_date", "jan_code", "store_code", "unit_cost");
        });
    }

    @Test
    void notUtf8AndBrokenQuotesAreReportedNotThrown() throws IOException {
        byte[] latin1 = ("report_date,store_code,item_code,on_hand,sold_qty\r\n2026-11-21,AEON-LB,Ch\u00e8,1,1\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(stock(latin1).problems()).extracting(InboundProblem::reason).containsExactly("not UTF-8 text");
        InboundDocument broken = orders(ORDER_HEADER + "PO-4,\"2026-11-21,AEON-LB,HN-2025-0101,,1,1,\r\n");
        assertThat(broken.problems()).isNotEmpty();
    }

    @Test
    void stockLinesCarryOnHandAndSold() throws IOException {
        InboundDocument doc = stock(("report_date,store_code,item_code,on_hand,sold_qty\r\n"
                + "2026-11-21,AEON-TP,HN-2025-0101,0,6\r\n"
                + "2026-11-21,AEON-TP,HN-2025-0056,-1,\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(doc.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isZero();
            assertThat(l.soldQuantity()).isEqualTo(6);
            assertThat(l.storeCode()).isEqualTo("AEON-TP");
        });
        assertThat(doc.problems()).singleElement().satisfies(p ->
                assertThat(p.location()).isEqualTo("line 3, column on_hand"));
    }
}
