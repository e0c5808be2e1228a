package vn.ocop.hub.connector.aeon;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueFormat;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * AEON's vendor sheet: UTF-8 with BOM, comma, CRLF, RFC 4180 quoting, one header row
 * (partners.md). Commons CSV does the quoting; {@link AeonCsvMapper} decides the cells.
 */
@Component
public class AeonCsvFormat implements CatalogueFormat {

    static final String[] COLUMNS = {"action", "supplier_code", "item_code", "jan_code", "item_name_vi", "item_name_en",
            "department", "unit", "net_content", "shelf_life_days", "storage", "origin_province", "ocop_stars",
            "ocop_decision_no", "ocop_valid_until", "cost_price", "vat_rate", "retail_price", "case_pack",
            "image_url", "traceability_url"};

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS)
            .setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    @Override
    public String connectorId() {
        return "aeon-csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public CatalogueWriter open(OutputStream out, CatalogueHeader header, ConnectorConfig config) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // Excel (what buyers open these with) needs the BOM to read UTF-8
        CSVPrinter printer = new CSVPrinter(writer, CSV);
        AeonCsvMapper mapper = new AeonCsvMapper(config);
        return new CatalogueWriter() {
            @Override
            public void write(CatalogueRow row) throws IOException {
                printer.printRecord(mapper.cells(row));
            }

            @Override
            public void close() throws IOException {
                printer.close(true);
            }
        };
    }
}
