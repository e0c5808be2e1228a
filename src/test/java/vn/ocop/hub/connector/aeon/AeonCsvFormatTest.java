package vn.ocop.hub.connector.aeon;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.support.TestListings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AeonCsvFormatTest {

    private static final ConnectorConfig AEON = new ConnectorConfig("aeon", "AEON",
            ConnectorConfig.PartnerKind.RETAIL_CHAIN, "aeon-csv", true, new ConnectorConfig.Toggles(true, true, false, true),
            null, Map.of("department", Map.of("FOOD", "01-FOOD")), null, null, null, null,
            Map.of("supplierCode", "SUP-1", "casePack", 6), null, null, null, null);

    private byte[] write(List<CatalogueRow> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogueHeader header = new CatalogueHeader("aeon", CatalogueHeader.Kind.DELTA, "f.csv", 1L, 1, Instant.now());
        try (CatalogueWriter w = new AeonCsvFormat().open(out, header, AEON)) {
            for (CatalogueRow r : rows) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    @Test
    void writesBomCrlfHeaderAndQuotedCells() throws Exception {
        Listing tea = TestListings.sample(0, n -> {
            n.with("name").put("vi", "Chè \"Shan\" tuyết, hộp 100g");
            n.put("gtin", "8934567890120");
        });
        byte[] bytes = write(List.of(new CatalogueRow('A', tea)));
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", AeonCsvFormat.COLUMNS) + "\r\n").endsWith("\r\n");

        CsvMapper csv = new CsvMapper();
        MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text);
        Map<String, String> row = rows.next();
        assertThat(row).containsEntry("action", "A").containsEntry("supplier_code", "SUP-1")
                .containsEntry("item_code", tea.ocopId()).containsEntry("jan_code", "8934567890120")
                .containsEntry("item_name_vi", "Chè \"Shan\" tuyết, hộp 100g").containsEntry("case_pack", "6")
                .containsEntry("ocop_valid_until", tea.certification().validUntil().toString())
                .containsEntry("retail_price", String.valueOf(tea.price().retail()));
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void cellsThatWouldRunAsFormulasArePrefixed() {
        assertThat(AeonCsvMapper.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(AeonCsvMapper.text("+84 912")).isEqualTo("'+84 912");
        assertThat(AeonCsvMapper.text("-5")).isEqualTo("'-5");
        assertThat(AeonCsvMapper.text("@sum")).isEqualTo("'@sum");
        assertThat(AeonCsvMapper.text("\tx")).isEqualTo("'\tx");
        assertThat(AeonCsvMapper.text("Mật ong")).isEqualTo("Mật ong");
    }

    @Test
    void gtin8And12ArePaddedToJan13() throws Exception {
        Listing l = TestListings.sample(0, n -> n.put("gtin", "96385074"));
        String text = new String(write(List.of(new CatalogueRow('U', l))), StandardCharsets.UTF_8);
        assertThat(text).contains(",0000096385074,");
    }
}
