package vn.ocop.hub.connector.winmart;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * One WinMart workbook being written. SXSSF keeps only the last {@link #ROW_WINDOW} rows in
 * memory and spills the rest, gzipped, to temporary files; strings are written inline rather
 * than into a shared-strings table, which would otherwise grow with the file. The temporary
 * files are removed on close whatever happened.
 */
final class WinMartWorkbookWriter implements CatalogueWriter {

    static final String PRODUCTS_SHEET = "SanPham";
    static final String INFO_SHEET = "ThongTin";
    static final int ROW_WINDOW = 100;

    private static final String DATE_FORMAT = "dd/mm/yyyy"; // Excel's code for dd/MM/yyyy
    private static final String DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm:ss";
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final OutputStream out;
    private final CatalogueHeader header;
    private final WinMartXlsxMapper mapper;
    private final ZoneId zone;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet products;
    private final SXSSFSheet info;
    private final Map<WinMartColumn.CellKind, CellStyle> styles = new EnumMap<>(WinMartColumn.CellKind.class);
    private CellStyle bold;
    private CellStyle dateTime;
    private int rows;
    private boolean failed;
    private boolean closed;

    WinMartWorkbookWriter(OutputStream out, CatalogueHeader header, ConnectorConfig config) {
        this.out = out;
        this.header = header;
        this.mapper = new WinMartXlsxMapper(config);
        this.zone = zone(config);
        this.workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROW_WINDOW, true, false);
        try {
            createStyles();
            this.products = workbook.createSheet(PRODUCTS_SHEET);
            // created now so it is the second sheet; filled at close, once the row count is known
            this.info = workbook.createSheet(INFO_SHEET);
            writeProductHeader();
        } catch (RuntimeException e) {
            workbook.dispose();
            throw e;
        }
    }

    @Override
    public void write(CatalogueRow row) {
        if (closed) {
            throw new IllegalStateException("workbook already closed");
        }
        if (header.kind() == CatalogueHeader.Kind.FULL && row.action() != 'A') {
            failed = true;
            throw new IllegalArgumentException("a full WinMart catalogue only adds items, got action '"
                    + row.action() + "' for " + row.listing().ocopId());
        }
        try {
            Object[] cells = mapper.cells(row);
            Row sheetRow = products.createRow(rows + 1);
            for (WinMartColumn column : WinMartColumn.values()) {
                setCell(sheetRow, column, cells[column.ordinal()]);
            }
            rows++;
        } catch (RuntimeException e) { // SXSSF reports a failed flush to its temporary file unchecked
            failed = true;
            throw e;
        }
    }

    /** Completes the workbook into the stream, unless a row failed: then only cleans up. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                finishProducts();
                writeInfo();
                workbook.write(out);
                out.flush();
            }
        } finally {
            try {
                workbook.dispose(); // deletes the temporary sheet files
            } finally {
                workbook.close();
            }
        }
    }

    int rows() {
        return rows;
    }

    private void writeProductHeader() {
        Row row = products.createRow(0);
        for (WinMartColumn column : WinMartColumn.values()) {
            Cell cell = row.createCell(column.ordinal());
            cell.setCellValue(column.header());
            cell.setCellStyle(bold);
            products.setColumnWidth(column.ordinal(), column.widthChars() * 256);
        }
        products.createFreezePane(0, 1);
    }

    private void finishProducts() {
        int lastColumn = WinMartColumn.values().length - 1;
        products.setAutoFilter(new CellRangeAddress(0, rows, 0, lastColumn));
    }

    /**
     * ThongTin: a label and a value per row. A delta names its own sequence; a full snapshot
     * names the last delta it already contains, so the chain knows which deltas to skip.
     */
    private void writeInfo() {
        info.setColumnWidth(0, 22 * 256);
        info.setColumnWidth(1, 48 * 256);
        int r = 0;
        Cell created = infoRow(r++, "Thời điểm tạo");
        created.setCellValue(LocalDateTime.ofInstant(header.createdAt(), zone));
        created.setCellStyle(dateTime);
        infoRow(r++, "Loại tệp").setCellValue(header.kind().name());
        if (header.kind() == CatalogueHeader.Kind.DELTA) {
            infoRow(r++, "Số thứ tự delta").setCellValue(header.sequence() == null
                    ? header.lastDeltaSequence() : header.sequence());
        } else {
            infoRow(r++, "Gồm đến delta số").setCellValue(header.lastDeltaSequence());
        }
        infoRow(r++, "Số dòng").setCellValue(rows);
        infoRow(r++, "Đối tác").setCellValue(header.partner());
        infoRow(r, "Tên tệp").setCellValue(header.fileName());
    }

    private Cell infoRow(int index, String label) {
        Row row = info.createRow(index);
        Cell name = row.createCell(0);
        name.setCellValue(label);
        name.setCellStyle(bold);
        return row.createCell(1);
    }

    private void setCell(Row row, WinMartColumn column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column.ordinal());
        if (value instanceof String text) {
            // a string cell stays a string even when it starts with = + - @: POI never parses it
            cell.setCellValue(text);
            if (column.kind() == WinMartColumn.CellKind.CODE) {
                cell.setCellStyle(styles.get(WinMartColumn.CellKind.CODE));
            }
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.get(column.kind()));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.get(WinMartColumn.CellKind.DATE));
        } else {
            throw new IllegalArgumentException("no cell type for " + value.getClass().getSimpleName()
                    + " in column " + column.header());
        }
    }

    /** Styles are workbook-wide and limited in number, so each is created once, never per cell. */
    private void createStyles() {
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        styles.put(WinMartColumn.CellKind.CODE, formatted("@"));
        styles.put(WinMartColumn.CellKind.MONEY, formatted("#,##0"));
        styles.put(WinMartColumn.CellKind.WHOLE_NUMBER, formatted("0"));
        styles.put(WinMartColumn.CellKind.DATE, formatted(DATE_FORMAT));
        dateTime = formatted(DATE_TIME_FORMAT);
    }

    private CellStyle formatted(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** Excel dates carry no zone: the file shows WinMart's local time unless the profile says otherwise. */
    private static ZoneId zone(ConnectorConfig config) {
        return config.setting("timeZone").map(ZoneId::of).orElse(DEFAULT_ZONE);
    }
}
