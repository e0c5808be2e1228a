package vn.ocop.hub.connector.winmart;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.ItemRef;
import vn.ocop.hub.support.TestListings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WinMartOrderReaderTest {

    private static final String HEADER =
            "so_don_hang,ngay_dat,ma_cua_hang,ma_san_pham,ma_vach,so_luong,don_gia,ngay_giao\n";
    private final WinMartOrderReader reader = new WinMartOrderReader();

    private InboundDocument read(byte[] bytes) throws IOException {
        return reader.read(new ByteArrayInputStream(bytes), WinMartXlsxFormatTest.WINMART);
    }

    private InboundDocument read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(InboundDocument doc) {
        return doc.problems().stream().map(InboundProblem::toString).toList();
    }

    @Test
    void readsOrdersFromTheWinMartInbox() {
        assertThat(reader.connectorId()).isEqualTo(new WinMartXlsxFormat().connectorId());
        assertThat(reader.kind()).isEqualTo(InboundKind.ORDERS);
        assertThat(reader.extension()).isEqualTo("csv");
    }

    @Test
    void readsTheShippedSample() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("samples/chains/winmart-order.csv"));
        assertThat(sample[0] & 0xff).as("saved by Excel as CSV UTF-8, with a BOM").isEqualTo(0xEF);
        InboundDocument doc = read(sample);

        assertThat(doc.problems()).isEmpty();
        assertThat(doc.ok()).isTrue();
        assertThat(doc.lines()).hasSize(6);
        assertThat(doc.lines().get(0)).isEqualTo(new InboundLine("line 2", "PO-WM-2611-00417",
                LocalDate.of(2026, 11, 20), "WMP-HN-0412", new ItemRef("HN-2025-0101", "8936814520019", null),
                24, 95000L, LocalDate.of(2026, 11, 24), null));
        assertThat(doc.lines().get(2).item()).isEqualTo(new ItemRef(null, "8936814821000", null));
        InboundLine fromTimesCity = doc.lines().get(3);
        assertThat(fromTimesCity.location()).isEqualTo("line 5");
        assertThat(fromTimesCity.documentDate()).as("dd/MM/yyyy").isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(fromTimesCity.deliveryDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(fromTimesCity.item()).isEqualTo(new ItemRef("HN-2025-0077", null, null));
        assertThat(doc.lines().get(5).unitPrice()).as("don_gia is optional").isNull();
        assertThat(doc.lines()).extracting(InboundLine::location)
                .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6", "line 7");
    }

    @Test
    void columnsMayComeInAnyOrderWithExtrasAndSpaces() throws IOException {
        InboundDocument doc = read(
                " SO_LUONG ,so_don_hang,ngay_dat,ghi_chu,ma_cua_hang,ma_san_pham,ma_vach,don_gia,ngay_giao\r\n"
                + "5,PO-1,2026-11-20,giao buổi sáng,WMP-HN-0001,HN-2025-0101,,,\r\n");
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(5);
            assertThat(l.documentRef()).isEqualTo("PO-1");
            assertThat(l.deliveryDate()).isNull();
        });
    }

    @Test
    void missingColumnsAreOneProblemNamingThemAll() throws IOException {
        InboundDocument doc = read("so_don_hang,ngay_dat,ma_cua_hang,ma_san_pham,ma_vach,don_gia\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0101,,95000\n");
        assertThat(doc.lines()).isEmpty();
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 1");
            assertThat(p.reason()).startsWith("missing columns so_luong, ngay_giao");
        });
    }

    @Test
    void aSemicolonSeparatedFileIsToldHowToSaveIt() throws IOException {
        InboundDocument doc = read(HEADER.replace(',', ';') + "PO-1;2026-11-20;;HN-2025-0101;;5;;\n");
        assertThat(doc.problems()).singleElement().extracting(InboundProblem::reason).asString()
                .contains("semicolons").contains("CSV UTF-8");
    }

    @Test
    void quantityMustBeAPositiveWholeNumber() throws IOException {
        InboundDocument doc = read(HEADER
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0101,,-1,95000,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0056,,mười,36000,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0077,,0,150000,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0140,,1.5,205000,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0466,,,130000,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0233,,12,34000,\n");
        assertThat(doc.problems()).extracting(InboundProblem::location).containsExactly(
                "line 2, column so_luong", "line 3, column so_luong", "line 4, column so_luong",
                "line 5, column so_luong", "line 6, column so_luong");
        assertThat(problems(doc).get(0)).contains("\"-1\"").contains("greater than 0");
        assertThat(problems(doc).get(1)).contains("\"mười\"").contains("digits");
        assertThat(problems(doc).get(4)).contains("required");
        assertThat(doc.lines()).singleElement().extracting(InboundLine::location).isEqualTo("line 7");
        assertThat(doc.ok()).isFalse();
    }

    @Test
    void datesMustBeRealDatesInEitherForm() throws IOException {
        InboundDocument doc = read(HEADER
                + "PO-1,31/02/2026,WMP-HN-0001,HN-2025-0101,,5,,\n"
                + "PO-2,2026-13-01,WMP-HN-0001,HN-2025-0101,,5,,\n"
                + "PO-3,hôm qua,WMP-HN-0001,HN-2025-0101,,5,,\n"
                + "PO-4,,WMP-HN-0001,HN-2025-0101,,5,,\n"
                + "PO-5,2026-11-20,WMP-HN-0001,HN-2025-0101,,5,,11/20/2026\n"
                + "PO-6,2026-11-20,WMP-HN-0001,HN-2025-0101,,5,,2026-11-19\n"
                + "PO-7,5/3/2026,WMP-HN-0001,HN-2025-0101,,5,,05/03/2026\n");
        assertThat(problems(doc)).satisfiesExactly(
                p -> assertThat(p).startsWith("line 2, column ngay_dat: \"31/02/2026\" is not a date"),
                p -> assertThat(p).startsWith("line 3, column ngay_dat: \"2026-13-01\" is not a date"),
                p -> assertThat(p).startsWith("line 4, column ngay_dat: \"hôm qua\" is not a date"),
                p -> assertThat(p).startsWith("line 5, column ngay_dat: is empty"),
                p -> assertThat(p).startsWith("line 6, column ngay_giao: \"11/20/2026\" is not a date"),
                p -> assertThat(p).startsWith("line 7, column ngay_giao: delivery date 2026-11-19 is before"));
        assertThat(doc.lines()).singleElement().satisfies(l -> {
            assertThat(l.documentDate()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(l.deliveryDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        });
    }

    @Test
    void aLineNeedsOurItemCodeOrABarcode() throws IOException {
        InboundDocument doc = read(HEADER
                + "PO-1,2026-11-20,WMP-HN-0001,,,5,,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,  ,  ,5,,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,,8936814520019,5,,\n");
        assertThat(doc.problems()).extracting(InboundProblem::location)
                .containsExactly("line 2, column ma_san_pham", "line 3, column ma_san_pham");
        assertThat(doc.problems().get(0).reason()).contains("ma_san_pham and ma_vach are both empty");
        assertThat(doc.lines()).singleElement().extracting(InboundLine::item)
                .isEqualTo(new ItemRef(null, "8936814520019", null));
    }

    @Test
    void barcodesAreCheckedAndExcelsNumberFormIsExplained() throws IOException {
        InboundDocument doc = read(HEADER
                + "PO-1,2026-11-20,WMP-HN-0001,,8.93681E+12,5,,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,,8936814520018,5,,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,,89368144,5,,\n"
                + "PO-1,2026-11-20,WMP-HN-0001,,12345,5,,\n");
        assertThat(problems(doc)).satisfiesExactly(
                p -> assertThat(p).startsWith("line 2, column ma_vach:").contains("Excel").contains("Text"),
                p -> assertThat(p).startsWith("line 3, column ma_vach:").contains("check digit (expected 9)"),
                p -> assertThat(p).startsWith("line 4, column ma_vach:").contains("check digit"),
                p -> assertThat(p).startsWith("line 5, column ma_vach:").contains("8, 12, 13 or 14 digits"));
    }

    @Test
    void everyProblemIsCollectedWithItsPhysicalLine() throws IOException {
        // a quoted order number spanning two lines pushes every later line number down by one
        InboundDocument doc = read("\uFEFF" + HEADER
                + "\"PO-0\n\",2026-11-20,WMP-HN-0001,HN-2025-0101,,5,,\n"
                + "\n"
                + ",2026-11-20,WMP-HN-0001,HN-2025-0101,,mười,abc,\n"
                + "PO-2,2026-11-20,WMP-HN-0001,HN-2025-0101,,5,,,extra\n"
                + "PO-1,2026-11-20,WMP-HN-0001,HN-2025-0101,,5,,\n"
                + "PO-1,2026-11-21,WMP-HN-0002,HN-2025-0056,,5,,\n");
        assertThat(problems(doc)).containsExactly(
                "line 5, column so_don_hang: is empty; it is required",
                "line 5, column so_luong: \"mười\" is not a whole number greater than 0; "
                        + "write digits only, without separators or decimals",
                "line 5, column don_gia: \"abc\" is not a whole number greater than 0; "
                        + "write digits only, without separators or decimals",
                "line 6: has 9 cells but the header has 8; a value containing a comma must be in double quotes",
                "line 8, column ngay_dat: order PO-1 is dated 2026-11-20 on line 7 but 2026-11-21 here; "
                        + "one order number, one date",
                "line 8, column ma_cua_hang: order PO-1 is for store WMP-HN-0001 on line 7 but "
                        + "WMP-HN-0002 here; one order number, one store");
        assertThat(doc.lines()).extracting(InboundLine::location).containsExactly("line 2", "line 7");
        assertThat(doc.lines().get(0).documentRef()).as("a value is trimmed").isEqualTo("PO-0");
    }

    @Test
    void anEmptyFileIsAProblemNotAnError() throws IOException {
        for (String empty : List.of("", "\uFEFF", "\n\r\n", " , ,\n")) {
            InboundDocument doc = read(empty);
            assertThat(doc.lines()).isEmpty();
            assertThat(doc.problems()).as("%s", empty).singleElement().satisfies(p -> {
                assertThat(p.location()).isEqualTo("file");
                assertThat(p.reason()).startsWith("the file is empty").contains("so_don_hang,ngay_dat");
            });
        }
        assertThat(problems(read(HEADER))).containsExactly("file: no order lines below the header");
    }

    @Test
    void aFileThatIsNotCsvIsAProblemNotAnError() throws IOException {
        // a workbook dropped where a CSV belongs: ZIP bytes, not UTF-8 text
        byte[] workbook = WinMartXlsxFormatTest.write(WinMartXlsxFormatTest.delta(1),
                List.of(new CatalogueRow('A', TestListings.sample(0))));
        InboundDocument xlsx = read(workbook);
        assertThat(xlsx.ok()).isFalse();
        assertThat(xlsx.lines()).isEmpty();
        assertThat(problems(xlsx)).singleElement().asString().startsWith("file: not UTF-8 text");

        byte[] legacy = (HEADER + "PO-1,2026-11-20,Cửa hàng Hà Đông,HN-2025-0101,,5,,\n")
                .getBytes(Charset.forName("windows-1258"));
        assertThat(problems(read(legacy))).singleElement().asString().startsWith("file: not UTF-8 text");

        assertThat(problems(read("{\"orders\": [{\"so_don_hang\": \"PO-1\"}]}\n")))
                .singleElement().asString().startsWith("line 1: missing columns");

        assertThat(problems(read(HEADER + "PO-1,2026-11-20,\"WMP-HN-0001,HN-2025-0101,,5,,\n")))
                .containsExactly("line 2: not valid CSV: a double quote opened on this line is never closed");
        assertThat(problems(read(HEADER + "PO-1,2026-11-20,\"WMP\"HN,HN-2025-0101,,5,,\n")))
                .singleElement().asString().startsWith("line 2: not valid CSV: a quoted value has text after");
    }
}
