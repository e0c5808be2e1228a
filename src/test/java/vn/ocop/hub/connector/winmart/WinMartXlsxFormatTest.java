package vn.ocop.hub.connector.winmart;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorConfigLoader;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.support.TestListings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workbooks are read back with POI's plain XSSFWorkbook, independent of the streaming writer. */
class WinMartXlsxFormatTest {

    static final ConnectorConfig WINMART = new ConnectorConfig("winmart", "WinMart",
            ConnectorConfig.PartnerKind.RETAIL_CHAIN, "winmart-xlsx", true,
            new ConnectorConfig.Toggles(true, true, false, true), null,
            Map.of("category", Map.of("FOOD", "Thực phẩm khô")),
            new ConnectorConfig.PriceRules(BigDecimal.TEN, 1000L), null, null, null,
            Map.of("supplierCode", "NCC-77", "timeZone", "Asia/Ho_Chi_Minh"), null, null, null, null);

    static final List<String> HEADERS = List.of("Thao tác", "Mã NCC", "Mã sản phẩm", "Mã vạch", "Tên sản phẩm",
            "Thương hiệu", "Ngành hàng", "ĐVT", "Quy cách", "Giá nhập chưa VAT", "Thuế suất VAT",
            "Giá bán lẻ đề xuất", "Hạn sử dụng (ngày)", "Bảo quản", "Xuất xứ", "Hạng OCOP", "Số quyết định OCOP",
            "Hiệu lực đến", "Ảnh", "Truy xuất");

    private static final Instant CREATED = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    static Path poiTemp;
    private static File poiTempDir;

    /** POI's temporary files go to a folder of this test's own, so leftovers can be counted. */
    @BeforeAll
    static void ownTempFolder() throws IOException {
        poiTempDir = Files.createDirectories(poiTemp.resolve("poifiles")).toFile();
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTempDir));
    }

    @AfterAll
    static void defaultTempFolder() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    static byte[] write(CatalogueHeader header, List<CatalogueRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CatalogueWriter w = new WinMartXlsxFormat().open(out, header, WINMART)) {
            for (CatalogueRow r : rows) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    static CatalogueHeader delta(long seq) {
        return new CatalogueHeader("winmart", CatalogueHeader.Kind.DELTA,
                "WINMART_OCOP_CATALOG_DELTA_20261122T100000_" + seq + ".xlsx", seq, seq, CREATED);
    }

    static CatalogueHeader full(long lastDelta) {
        return new CatalogueHeader("winmart", CatalogueHeader.Kind.FULL,
                "WINMART_OCOP_CATALOG_FULL_20261122T100000.xlsx", null, lastDelta, CREATED);
    }

    private static Listing tea() {
        return TestListings.sample(0);
    }

    /** A GTIN-12 (UPC-A) keeps its leading zero only as text. */
    private static Listing noodles() {
        return TestListings.sample(2, n -> n.put("gtin", "036000291452"));
    }

    private static Listing notSubjectToVat() {
        return TestListings.sample(1, n -> n.put("gtin", "8936814520026"));
    }

    @Test
    void identifiesAsWinMartXlsx() {
        assertThat(new WinMartXlsxFormat().connectorId()).isEqualTo("winmart-xlsx");
        assertThat(new WinMartXlsxFormat().extension()).isEqualTo("xlsx");
    }

    @Test
    void deltaHasSheetsHeadersAndTypedCells() throws IOException {
        Listing tea = tea();
        Listing noodles = noodles();
        byte[] bytes = write(delta(7), List.of(new CatalogueRow('A', tea), new CatalogueRow('U', noodles),
                new CatalogueRow('D', notSubjectToVat())));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("SanPham");
            assertThat(wb.getSheetName(1)).isEqualTo("ThongTin");
            Sheet sheet = wb.getSheet("SanPham");
            assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);

            Row a = sheet.getRow(1);
            assertThat(string(a, "Thao tác")).isEqualTo("Thêm");
            assertThat(string(a, "Mã NCC")).isEqualTo("NCC-77");
            assertThat(string(a, "Mã sản phẩm")).isEqualTo("HN-2025-0101");
            assertThat(string(a, "Mã vạch")).isEqualTo("8936814520019");
            assertThat(string(a, "Tên sản phẩm")).isEqualTo("Chè búp khô Ba Trại");
            assertThat(string(a, "Thương hiệu")).isEqualTo("Chè Ba Trại");
            assertThat(string(a, "Ngành hàng")).as("no mapping for BEVERAGE: the group's Vietnamese name")
                    .isEqualTo("Đồ uống");
            assertThat(string(a, "ĐVT")).isEqualTo("gói");
            assertThat(string(a, "Quy cách")).isEqualTo("200 g");
            assertThat(number(a, "Giá nhập chưa VAT")).isEqualTo(95000);
            assertThat(number(a, "Thuế suất VAT")).isEqualTo(5);
            assertThat(number(a, "Giá bán lẻ đề xuất")).as("120,000 + 10 %, rounded up to 1,000")
                    .isEqualTo(132000).isEqualTo(ListingRules.price(WINMART, tea));
            assertThat(number(a, "Hạn sử dụng (ngày)")).isEqualTo(365);
            assertThat(string(a, "Bảo quản")).isEqualTo("Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp");
            assertThat(string(a, "Xuất xứ")).isEqualTo("Hà Nội");
            assertThat(number(a, "Hạng OCOP")).isEqualTo(4);
            assertThat(string(a, "Số quyết định OCOP")).isEqualTo("3292/QĐ-UBND");
            Cell validUntil = cell(a, "Hiệu lực đến");
            assertThat(validUntil.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(validUntil)).isTrue();
            assertThat(validUntil.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(validUntil.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(tea.certification().validUntil()).isEqualTo(LocalDate.of(2028, 9, 26));
            assertThat(string(a, "Ảnh")).isEqualTo("https://cdn.ocop.hanoi.example/img/HN-2025-0101-1.jpg");
            assertThat(string(a, "Truy xuất")).isEqualTo("https://truyxuat.ocop.hanoi.example/sp/HN-2025-0101");

            Row u = sheet.getRow(2);
            assertThat(string(u, "Thao tác")).isEqualTo("Sửa");
            assertThat(string(u, "Mã vạch")).isEqualTo("036000291452");
            assertThat(cell(u, "Mã vạch").getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(string(u, "Ngành hàng")).as("mapped in the config").isEqualTo("Thực phẩm khô");

            Row d = sheet.getRow(3);
            assertThat(string(d, "Thao tác")).isEqualTo("Xóa");
            assertThat(string(d, "Thuế suất VAT")).isEqualTo("KCT");
            assertThat(cell(d, "Giá nhập chưa VAT")).as("no wholesale price: left empty").isNull();

            assertThat(info(wb)).containsExactly(
                    List.of("Thời điểm tạo", LocalDateTime.of(2026, 11, 22, 10, 0)),
                    List.of("Loại tệp", "DELTA"),
                    List.of("Số thứ tự delta", 7.0),
                    List.of("Số dòng", 3.0),
                    List.of("Đối tác", "winmart"),
                    List.of("Tên tệp", "WINMART_OCOP_CATALOG_DELTA_20261122T100000_7.xlsx"));
        }
        assertThat(poiTempDir.list()).as("temporary sheet files removed").isEmpty();
    }

    @Test
    void fullSnapshotRecordsTheLastDeltaItIncludes() throws IOException {
        List<CatalogueRow> rows = new ArrayList<>();
        for (int i : new int[]{0, 2, 6, 8, 12}) {
            rows.add(new CatalogueRow('A', TestListings.sample(i)));
        }
        byte[] bytes = write(full(6), rows);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet("SanPham");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            for (int r = 1; r <= 5; r++) {
                assertThat(string(sheet.getRow(r), "Thao tác")).isEqualTo("Thêm");
                assertThat(cell(sheet.getRow(r), "Hạng OCOP").getCellType()).isEqualTo(CellType.NUMERIC);
            }
            assertThat(string(sheet.getRow(4), "Tên sản phẩm")).isEqualTo("Rượu mơ Hương Sơn");
            assertThat(string(sheet.getRow(3), "Quy cách")).isEqualTo("500 ml");
            assertThat(info(wb)).contains(List.of("Loại tệp", "FULL"), List.of("Gồm đến delta số", 6.0),
                    List.of("Số dòng", 5.0));
        }
    }

    @Test
    void headerRowIsBoldAndFrozen() throws IOException {
        byte[] bytes = write(delta(1), List.of(new CatalogueRow('A', tea())));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet("SanPham");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 0);
            for (Cell c : sheet.getRow(0)) {
                assertThat(wb.getFontAt(c.getCellStyle().getFontIndex()).getBold()).as(c.getStringCellValue()).isTrue();
            }
            assertThat(wb.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isFalse();
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws IOException {
        String name = "=HYPERLINK(\"https://evil.example\",\"Gốm Bát Tràng\")";
        Listing trap = TestListings.sample(3, n -> {
            n.with("name").put("vi", name);
            n.put("brand", "+84 912 345 678");
            n.put("storage", "-5 °C");
            n.put("unit", "@cái");
        });
        byte[] bytes = write(delta(2), List.of(new CatalogueRow('A', trap)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = wb.getSheet("SanPham").getRow(1);
            for (String column : List.of("Tên sản phẩm", "Thương hiệu", "Bảo quản", "ĐVT")) {
                assertThat(cell(row, column).getCellType()).as(column).isEqualTo(CellType.STRING);
            }
            assertThat(string(row, "Tên sản phẩm")).isEqualTo(name);
            assertThat(string(row, "Thương hiệu")).isEqualTo("+84 912 345 678");
            assertThat(string(row, "Bảo quản")).isEqualTo("-5 °C");
            assertThat(string(row, "ĐVT")).isEqualTo("@cái");
            assertThat(string(row, "Quy cách")).isEqualTo("1 cái");
        }
    }

    @Test
    void anEmptyDeltaStillHasHeadersAndInfo() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(delta(3), List.of())))) {
            assertThat(wb.getSheet("SanPham").getLastRowNum()).isZero();
            assertThat(info(wb)).contains(List.of("Số dòng", 0.0));
        }
    }

    @Test
    void aFullSnapshotRefusesUpdatesAndLeavesNoTemporaryFiles() {
        OutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (CatalogueWriter w = new WinMartXlsxFormat().open(out, full(0), WINMART)) {
                w.write(new CatalogueRow('A', tea()));
                w.write(new CatalogueRow('U', noodles()));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'U'");
        assertThat(out.toString()).as("a failed workbook is not written").isEmpty();
        assertThat(poiTempDir.list()).isEmpty();
    }

    @Test
    void aFailingStreamStillRemovesTemporaryFiles() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> {
            try (CatalogueWriter w = new WinMartXlsxFormat().open(broken, delta(4), WINMART)) {
                w.write(new CatalogueRow('A', tea()));
            }
        }).isInstanceOf(IOException.class);
        assertThat(poiTempDir.list()).isEmpty();
    }

    @Test
    void theShippedConfigurationNamesThisFormatAndFillsItsColumns() throws IOException {
        ConnectorConfig shipped = ConnectorConfigLoader.load(Path.of("connectors-config"), new MockEnvironment())
                .stream().filter(c -> c.partner().equals("winmart")).findFirst().orElseThrow();
        assertThat(shipped.connector()).isEqualTo(new WinMartXlsxFormat().connectorId());
        Listing herbal = TestListings.sample(18);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CatalogueWriter w = new WinMartXlsxFormat().open(out, delta(5), shipped)) {
            w.write(new CatalogueRow('A', herbal));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = wb.getSheet("SanPham").getRow(1);
            assertThat(string(row, "Mã NCC")).isEqualTo("NCC-HN-OCOP-01");
            assertThat(string(row, "Ngành hàng")).isEqualTo("Sức khỏe - Dược liệu");
            assertThat(number(row, "Giá bán lẻ đề xuất")).isEqualTo(165000);
            assertThat(info(wb)).contains(List.of("Thời điểm tạo", LocalDateTime.of(2026, 11, 22, 10, 0)));
        }
    }

    /**
     * 100,000 rows through the streaming writer into a stream that keeps nothing. Only completion
     * is asserted: no timing here, and the heap it needs is measured by the benchmark.
     */
    @Test
    void aHundredThousandRowWorkbookCompletes() throws IOException {
        List<Listing> listings = Stream.of(0, 2, 3, 6, 8, 12, 14, 18).map(TestListings::sample).toList();
        long[] written = {0};
        OutputStream discard = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        };
        WinMartWorkbookWriter writer = (WinMartWorkbookWriter) new WinMartXlsxFormat().open(discard, full(0), WINMART);
        try (writer) {
            for (int i = 0; i < 100_000; i++) {
                writer.write(new CatalogueRow('A', listings.get(i % listings.size())));
            }
        }
        assertThat(writer.rows()).isEqualTo(100_000);
        assertThat(written[0]).isGreaterThan(1_000_000);
        assertThat(poiTempDir.list()).isEmpty();
    }

    // ---- reading helpers, on the plain XSSF model

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static Cell cell(Row row, String header) {
        return row.getCell(HEADERS.indexOf(header));
    }

    private static String string(Row row, String header) {
        Cell c = cell(row, header);
        assertThat(c.getCellType()).as(header).isEqualTo(CellType.STRING);
        return c.getStringCellValue();
    }

    private static double number(Row row, String header) {
        Cell c = cell(row, header);
        assertThat(c.getCellType()).as(header).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(c)).as(header + " is not a date").isFalse();
        return c.getNumericCellValue();
    }

    /** ThongTin as label → value pairs: a string, a number, or a date-time for date-formatted cells. */
    private static List<List<Object>> info(XSSFWorkbook wb) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : wb.getSheet("ThongTin")) {
            XSSFCell value = (XSSFCell) row.getCell(1);
            Object v = switch (value.getCellType()) {
                case STRING -> value.getStringCellValue();
                case NUMERIC -> DateUtil.isCellDateFormatted(value) ? value.getLocalDateTimeCellValue()
                        : value.getNumericCellValue();
                default -> value.getCellType();
            };
            rows.add(List.of(row.getCell(0).getStringCellValue(), v));
        }
        return rows;
    }
}
