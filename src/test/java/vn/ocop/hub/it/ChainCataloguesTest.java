package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.apache.camel.ProducerTemplate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.ocop.hub.connector.chain.CatalogueFile;
import vn.ocop.hub.connector.chain.CataloguePublisher;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.sftp.ChainSftpClient;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Central Retail, WinMart and Hapro acting as chains over SFTP: they read a catalogue file only once
 * its .done is there, check it against its .sha256, read it with a reader of their own (XSD
 * validation, POI), and drop purchase orders back, good and bad.
 */
class ChainCataloguesTest extends HubIntegrationTest {

    private static final String TEA = "HN-CHAINS-TEA-01";
    private static final String TEA_GTIN = "8936814900019";
    private static final String HONEY = "HN-CHAINS-HONEY-02";
    private static final String HONEY_GTIN = "8936814900026";
    private static final Path CATALOGUE_XSD = Path.of("src/main/resources/schemas/centralretail/catalogue-item-notification.xsd");

    @Autowired
    private ProducerEventStore events;
    @Autowired
    private CataloguePublisher catalogues;
    @Autowired
    private ProducerTemplate template;

    private static boolean submitted;

    private synchronized void listings() {
        if (!submitted) {
            submit(sample(0, TEA, TEA_GTIN, "HTX-CHAINS-A", 500, "Trà \"Shan\" tuyết & mật ong <hộp 100g>"));
            submit(sample(1, HONEY, HONEY_GTIN, "HTX-CHAINS-B", 300, null));
            awaitState(TEA, "centralretail", "SYNCED");
            awaitState(TEA, "winmart", "SYNCED");
            awaitState(TEA, "hapro", "SYNCED");
            submitted = true;
        }
    }

    private ObjectNode sample(int index, String ocopId, String gtin, String producer, int stock, String name) {
        ObjectNode node = hanoiSamples().stream().filter(s -> !tourism(s) && !expired(s)).toList().get(index).deepCopy();
        node.put("ocopId", ocopId);
        node.put("sku", ocopId + "-SKU");
        node.put("gtin", gtin);
        node.put("stock", stock);
        if (name != null) {
            ((ObjectNode) node.get("name")).put("vi", name);
        }
        ((ObjectNode) node.get("producer")).put("id", producer);
        return node;
    }

    // ---- Central Retail --------------------------------------------------------------------------

    @Test
    void centralRetailReadsValidCatalogueNotificationsWithItsOwnValidator() throws Exception {
        listings();
        byte[] delta = completedFileContaining("centralretail", CENTRALRETAIL_PASSWORD, "/outbox/delta", TEA_GTIN);
        Document doc = validXml(delta);
        Element item = tradeItemWithGtin(doc, "0" + TEA_GTIN).orElseThrow();
        assertThat(text(item, "supplierItemCode")).isEqualTo(TEA);
        assertThat(text(item, "targetMarketCountryCode")).isEqualTo("704");
        assertThat(new String(delta, StandardCharsets.UTF_8)).contains("Trà \"Shan\" tuyết &amp; mật ong &lt;hộp 100g&gt;");

        CatalogueFile full = publishFull("centralretail");
        byte[] bytes = readChecked("centralretail", CENTRALRETAIL_PASSWORD, "/outbox/full/" + full.fileName());
        Document snapshot = validXml(bytes);
        assertThat(text(snapshot.getDocumentElement(), "isReload")).isEqualTo("true");
        assertThat(tradeItemWithGtin(snapshot, "0" + TEA_GTIN)).isPresent();
        assertThat(tradeItemWithGtin(snapshot, "0" + HONEY_GTIN)).isPresent();
    }

    @Test
    void aListingThatLosesItsGtinLeavesCentralRetailByItsOldGtin() throws Exception {
        listings();
        String id = "HN-CHAINS-GONE-03";
        ObjectNode v1 = sample(2, id, "8936814900033", "HTX-CHAINS-A", 10, null);
        submit(v1);
        awaitState(id, "centralretail", "SYNCED");
        ObjectNode v2 = v1.deepCopy();
        v2.remove("gtin");
        v2.put("version", v1.get("version").asLong() + 1);
        submit(v2);
        awaitState(id, "centralretail", "SKIPPED");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    byte[] delta = completedFileContaining("centralretail", CENTRALRETAIL_PASSWORD, "/outbox/delta",
                            "DELETE");
                    Document doc = validXml(delta);
                    Element gone = tradeItemWithGtin(doc, "08936814900033").orElseThrow();
                    Element command = (Element) gone.getParentNode();
                    Element header = (Element) command.getElementsByTagNameNS("*", "documentCommandHeader").item(0);
                    assertThat(header.getAttribute("type")).isEqualTo("DELETE");
                });
    }

    @Test
    void centralRetailPurchaseOrdersBecomeProducerEventsAndBadOnesAreRefused() throws IOException {
        listings();
        String order = """
                <?xml version="1.0" encoding="UTF-8"?>
                <purchaseOrder xmlns="urn:ocop-hub:centralretail:order:1" schemaVersion="1.0">
                  <orderId>CRV-PO-IT-0001</orderId>
                  <orderDate>2026-11-21</orderDate>
                  <buyerGln>8930000001023</buyerGln>
                  <sellerGln>8936814000009</sellerGln>
                  <requestedDeliveryDate>2026-11-26</requestedDeliveryDate>
                  <currencyCode>VND</currencyCode>
                  <orderLine lineNumber="1"><gtin>0%s</gtin><quantity>24</quantity><netUnitPrice>95000</netUnitPrice></orderLine>
                  <orderLine lineNumber="2"><gtin>0%s</gtin><quantity>6</quantity><netUnitPrice>120000</netUnitPrice></orderLine>
                </purchaseOrder>
                """.formatted(TEA_GTIN, HONEY_GTIN);
        drop("centralretail", CENTRALRETAIL_PASSWORD, "/inbox/orders/CRV-PO-IT-0001.xml", order);
        drop("centralretail", CENTRALRETAIL_PASSWORD, "/inbox/orders/CRV-PO-IT-0002.xml",
                order.replace("CRV-PO-IT-0001", "CRV-PO-IT-0002").replace("<quantity>6</quantity>", "<quantity>0</quantity>"));
        awaitMoved("centralretail", CENTRALRETAIL_PASSWORD, "/inbox/processed", "CRV-PO-IT-0001.xml");
        awaitMoved("centralretail", CENTRALRETAIL_PASSWORD, "/inbox/error", "CRV-PO-IT-0002.xml");

        List<ProducerEventStore.Stored> orders = events.byPartner("centralretail").stream()
                .filter(e -> e.payload().contains("CRV-PO-IT-0001")).toList();
        assertThat(orders).extracting(ProducerEventStore.Stored::producerId)
                .containsExactlyInAnyOrder("HTX-CHAINS-A", "HTX-CHAINS-B");
        assertThat(events.byPartner("centralretail")).noneMatch(e -> e.payload().contains("CRV-PO-IT-0002"));
        String report = read("centralretail", CENTRALRETAIL_PASSWORD, "/inbox/error/CRV-PO-IT-0002.xml.error.txt");
        assertThat(report).contains("line").contains("quantity");
    }

    // ---- WinMart ---------------------------------------------------------------------------------

    @Test
    void winMartReadsTypedWorkbooks() throws Exception {
        listings();
        CatalogueFile full = publishFull("winmart");
        byte[] bytes = readChecked("winmart", WINMART_PASSWORD, "/outbox/full/" + full.fileName());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet products = workbook.getSheet("SanPham");
            assertThat(workbook.getSheet("ThongTin")).isNotNull();
            Row header = products.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            int code = headers.indexOf("Mã sản phẩm");
            int barcode = headers.indexOf("Mã vạch");
            int stars = headers.indexOf("Hạng OCOP");
            int validUntil = headers.indexOf("Hiệu lực đến");
            int retail = headers.indexOf("Giá bán lẻ đề xuất");
            assertThat(List.of(code, barcode, stars, validUntil, retail)).doesNotContain(-1);
            Row tea = null;
            for (Row row : products) {
                if (row.getRowNum() > 0 && TEA.equals(new DataFormatter().formatCellValue(row.getCell(code)))) {
                    tea = row;
                }
            }
            assertThat(tea).as("the tea's row in the full snapshot").isNotNull();
            assertThat(tea.getCell(barcode).getCellType()).isEqualTo(CellType.STRING);
            assertThat(tea.getCell(barcode).getStringCellValue()).isEqualTo(TEA_GTIN);
            assertThat(tea.getCell(stars).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(tea.getCell(retail).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(tea.getCell(validUntil))).isTrue();
        }
    }

    @Test
    void winMartCsvOrdersBecomeProducerEvents() throws IOException {
        listings();
        int honeyBefore = listing(HONEY).path("stock").asInt();
        drop("winmart", WINMART_PASSWORD, "/inbox/orders/PO-WM-IT-1.csv",
                "so_don_hang,ngay_dat,ma_cua_hang,ma_san_pham,ma_vach,so_luong,don_gia,ngay_giao\r\n"
                        + "PO-WM-IT-1,2026-11-21,WMP-HN-0412," + HONEY + ",,4,120000,2026-11-24\r\n");
        drop("winmart", WINMART_PASSWORD, "/inbox/orders/PO-WM-IT-2.csv",
                "so_don_hang,ngay_dat,ma_cua_hang,ma_san_pham,ma_vach,so_luong,don_gia,ngay_giao\r\n"
                        + "PO-WM-IT-2,2026-11-21,WMP-HN-0412,HN-CHAINS-NOBODY,,4,120000,2026-11-24\r\n");
        awaitMoved("winmart", WINMART_PASSWORD, "/inbox/processed", "PO-WM-IT-1.csv");
        awaitMoved("winmart", WINMART_PASSWORD, "/inbox/error", "PO-WM-IT-2.csv");
        assertThat(events.byPartner("winmart")).filteredOn(e -> e.payload().contains("PO-WM-IT-1"))
                .singleElement().extracting(ProducerEventStore.Stored::producerId).isEqualTo("HTX-CHAINS-B");
        assertThat(read("winmart", WINMART_PASSWORD, "/inbox/error/PO-WM-IT-2.csv.error.txt"))
                .contains("line 2", "HN-CHAINS-NOBODY matches no OCOP listing");
        await().atMost(Duration.ofSeconds(30)).until(() -> listing(HONEY).path("stock").asInt() == honeyBefore - 4);
    }

    // ---- Hapro -------------------------------------------------------------------------------------

    @Test
    void haproReadsItsPricatWithAnEdifactReaderAndSendsOrders() throws Exception {
        listings();
        CatalogueFile full = publishFull("hapro");
        byte[] bytes = readChecked("hapro", HAPRO_PASSWORD, "/outbox/full/" + full.fileName());
        List<String> segments = new ArrayList<>();
        List<String> gtins = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            String segment = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                // StAEDI's default version-4 control schema predates UNOW in UNB's code list; the
                // hub validates with the 4.01 one. Any other error is a broken interchange.
                boolean unowCodeList = event == EDIStreamEvent.ELEMENT_DATA_ERROR && "UNB".equals(segment)
                        && "UNOW".equals(reader.getText());
                if (!unowCodeList) {
                    assertThat(event).as("no EDIFACT error in " + full.fileName() + " at " + segment + " "
                                    + reader.getLocation())
                            .isNotIn(EDIStreamEvent.SEGMENT_ERROR, EDIStreamEvent.ELEMENT_DATA_ERROR,
                                    EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR);
                }
                if (event == EDIStreamEvent.START_SEGMENT) {
                    segment = reader.getText();
                    segments.add(segment);
                } else if (event == EDIStreamEvent.ELEMENT_DATA && "LIN".equals(segment)
                        && reader.getText().matches("\\d{13,14}")) {
                    gtins.add(reader.getText());
                }
            }
        }
        assertThat(segments).startsWith("UNA", "UNB", "UNH").endsWith("UNT", "UNZ");
        assertThat(gtins).contains(TEA_GTIN, HONEY_GTIN);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("UNA").contains("UNOW:4");

        String orders = String.join("'\n", "UNA:+.?*",
                "UNB+UNOW:4+8935600000018:14+8931234000011:14+20261121:0815+HPRIT0001",
                "UNH+1+ORDERS:D:01B:UN:EAN010", "BGM+220+PO-HP-IT-0001+9", "DTM+137:20261121:102",
                "DTM+2:20261124:102", "NAD+BY+8934567000109::9", "CUX+2:VND:9",
                "LIN+1++" + TEA_GTIN + ":SRV", "PIA+5+" + TEA + ":SA::91", "QTY+21:5", "PRI+AAA:95000",
                "UNS+S", "CNT+2:1", "UNT+13+1", "UNZ+1+HPRIT0001") + "'\n";
        drop("hapro", HAPRO_PASSWORD, "/inbox/orders/PO-HP-IT-0001.edi", orders);
        drop("hapro", HAPRO_PASSWORD, "/inbox/orders/PO-HP-IT-0002.edi",
                orders.replace("PO-HP-IT-0001", "PO-HP-IT-0002").replace("UNT+13+1", "UNT+12+1"));
        awaitMoved("hapro", HAPRO_PASSWORD, "/inbox/processed", "PO-HP-IT-0001.edi");
        awaitMoved("hapro", HAPRO_PASSWORD, "/inbox/error", "PO-HP-IT-0002.edi");
        assertThat(events.byPartner("hapro")).filteredOn(e -> e.payload().contains("PO-HP-IT-0001"))
                .singleElement().satisfies(e -> {
                    assertThat(e.producerId()).isEqualTo("HTX-CHAINS-A");
                    assertThat(e.payload()).contains("\"quantity\":5");
                });
        assertThat(read("hapro", HAPRO_PASSWORD, "/inbox/error/PO-HP-IT-0002.edi.error.txt")).contains("segment");
    }

    @Test
    void aHaproStockReportSetsStockWhenConfiguredSo() throws IOException {
        listings();
        String report = String.join("'\n", "UNA:+.?*",
                "UNB+UNOW:4+8935600000018:14+8931234000011:14+20261121:2200+HPRIT0003",
                "UNH+1+INVRPT:D:01B:UN:EAN008", "BGM+35+TK-HP-IT-1+9", "DTM+137:20261121:102",
                "NAD+GY+8934567000109::9", "LIN+1++" + HONEY_GTIN + ":SRV", "PIA+5+" + HONEY + ":SA::91",
                "INV++++2", "QTY+145:77", "UNT+9+1", "UNZ+1+HPRIT0003") + "'\n";
        try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "hapro", HAPRO_PASSWORD)) {
            sftp.write("/inbox/stock/TK-HP-IT-1.edi", report.getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> listing(HONEY).path("stock").asInt() == 77);
        assertThat(events.byPartner("hapro")).filteredOn(e -> e.type().equals("INVENTORY") && e.payload().contains(HONEY))
                .singleElement().satisfies(e -> assertThat(e.payload()).contains("\"quantity\":77",
                        "STORE_STOCK_REPORT"));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Cuts a full snapshot now and hands it to the chain's upload route, as the nightly schedule does. */
    private CatalogueFile publishFull(String chain) {
        CatalogueFile file = catalogues.nextFull(chain);
        assertThat(file).isNotNull();
        template.sendBodyAndHeader("direct:catalogue-upload-" + chain, file, "hubPartner", chain);
        return file;
    }

    /** The newest completed file in {@code dir} whose bytes contain {@code marker}, checksum verified. */
    private byte[] completedFileContaining(String chain, String password, String dir, String marker) throws IOException {
        byte[][] found = new byte[1][];
        await().alias(chain + " file with " + marker).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, chain, password)) {
                        List<String> names = new ArrayList<>(sftp.completedFiles(dir));
                        names.sort(java.util.Comparator.reverseOrder());
                        for (String name : names) {
                            byte[] bytes = readChecked(sftp, dir + "/" + name);
                            if (new String(bytes, StandardCharsets.UTF_8).contains(marker)) {
                                found[0] = bytes;
                                return true;
                            }
                        }
                        return false;
                    }
                });
        return found[0];
    }

    private byte[] readChecked(String chain, String password, String path) throws IOException {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, chain, password)) {
                return sftp.exists(path + ".done");
            }
        });
        try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, chain, password)) {
            return readChecked(sftp, path);
        }
    }

    private static byte[] readChecked(ChainSftpClient sftp, String path) throws IOException {
        byte[] bytes = sftp.read(path);
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(digest).as("sha256 of " + path).isEqualTo(sftp.sha256Of(path));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }

    private static Document validXml(byte[] bytes) throws Exception {
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(CATALOGUE_XSD.toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(bytes)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Optional<Element> tradeItemWithGtin(Document doc, String gtin14) {
        NodeList items = doc.getElementsByTagNameNS("*", "tradeItem");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (gtin14.equals(text(item, "gtin"))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private void drop(String chain, String password, String path, String content) throws IOException {
        try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, chain, password)) {
            sftp.write(path, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String read(String chain, String password, String path) throws IOException {
        try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, chain, password)) {
            return new String(sftp.read(path), StandardCharsets.UTF_8);
        }
    }

    private void awaitMoved(String chain, String password, String to, String name) {
        Predicate<List<String>> has = names -> names.contains(name);
        await().alias(name + " moved to " + to).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
                    try (ChainSftpClient sftp = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, chain, password)) {
                        return !has.test(sftp.list("/inbox/orders")) && has.test(sftp.list(to));
                    }
                });
    }
}
