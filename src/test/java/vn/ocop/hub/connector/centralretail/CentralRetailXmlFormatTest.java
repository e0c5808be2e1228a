package vn.ocop.hub.connector.centralretail;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorConfigLoader;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.support.TestListings;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentralRetailXmlFormatTest {

    private static final String NS = "urn:ocop-hub:centralretail:catalogue:1";
    private static final Path XSD = Path.of("src/main/resources/schemas/centralretail/catalogue-item-notification.xsd");
    private static final Instant CREATED = Instant.parse("2025-11-03T18:30:00Z");

    /** 10 % markup rounded up to 1,000 VND, so the retail price shows the rules were applied. */
    private static final ConnectorConfig CENTRAL = config(Map.of("senderGln", "8936814000009",
            "receiverGln", "8930000000019", "supplierCode", "SUP-CR-1"));

    private static ConnectorConfig config(Map<String, Object> profile) {
        return new ConnectorConfig("centralretail", "Central Retail", ConnectorConfig.PartnerKind.RETAIL_CHAIN,
                "centralretail-xml", true, new ConnectorConfig.Toggles(true, true, false, true), null,
                Map.of("gpcCategory", Map.of("BEVERAGE", "10000119", "I.3.b", "10000213")),
                new ConnectorConfig.PriceRules(BigDecimal.TEN, 1000L), null, null, null, profile, null, null, null,
                null);
    }

    // tea: text with every character XML must escape, English name and description
    private static final Listing TEA = TestListings.sample(0, n -> {
        n.with("name").put("vi", "Chè \"Shan\" tuyết & <Ba Trại> 'hộp' 200g");
        n.with("name").put("en", "Ba Trai tea & <green> \"buds\"");
        n.with("description").put("en", "Hand-roasted buds; 1 < 2 & 3 > 2.");
    });
    // honey: a mapped subgroup, no English name, 500 ml
    private static final Listing HONEY = TestListings.sample(6, n -> {
        n.put("subgroup", "I.3.b");
        n.with("name").remove("en");
    });
    // KCT tea with a GTIN-8, no wholesale price, net content in kg
    private static final Listing GREEN_TEA = TestListings.sample(1, n -> {
        n.put("gtin", "96385074");
        n.with("netContent").put("value", 0.5).put("unit", "kg");
    });
    // potential 5-star vase, sold by the piece, 8 % VAT
    private static final Listing VASE = TestListings.sample(3);
    // milk: 1 l, VAT 0 for the test
    private static final Listing MILK = TestListings.sample(12, n -> n.with("price").put("vatRate", 0));
    // liqueur: 10 % VAT, ml; every optional field a listing may omit is omitted
    private static final Listing LIQUEUR = TestListings.sample(8, n -> {
        n.remove(List.of("brand", "shelfLifeDays", "storage", "netContent", "traceabilityUrl", "subgroup"));
        n.with("name").remove("en");
    });

    @Test
    void fullSnapshotValidatesAndCarriesEveryField() throws Exception {
        byte[] file = write(CatalogueHeader.Kind.FULL, null, 4,
                List.of(row('A', TEA), row('A', HONEY), row('A', GREEN_TEA), row('A', VASE), row('A', MILK),
                        row('A', LIQUEUR)));
        assertThat(schemaErrors(file)).isEmpty();
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(text).contains("&amp;").contains("&lt;Ba Trại");

        Read doc = new Read(file);
        assertThat(doc.text("/c:catalogueItemNotificationMessage/@schemaVersion")).isEqualTo("1.0");
        assertThat(doc.text("//c:header/c:isReload")).isEqualTo("true");
        assertThat(doc.count("//c:header/c:deltaSequence")).isZero();
        assertThat(doc.text("//c:header/c:lastDeltaSequence")).isEqualTo("4");
        assertThat(doc.text("//c:header/c:senderGln")).isEqualTo("8936814000009");
        assertThat(doc.text("//c:header/c:receiverGln")).isEqualTo("8930000000019");
        assertThat(doc.text("//c:header/c:supplierCode")).isEqualTo("SUP-CR-1");
        assertThat(doc.text("//c:header/c:messageId")).isEqualTo("CENTRALRETAIL_OCOP_CATALOG_FULL_20251104T013000");
        assertThat(doc.text("//c:header/c:creationDateTime")).isEqualTo("2025-11-04T01:30:00+07:00");
        assertThat(doc.texts("//c:documentCommandHeader/@type")).hasSize(6).containsOnly("ADD");

        String tea = item(TEA);
        assertThat(doc.text(tea + "c:gtin")).isEqualTo("08936814520019");
        assertThat(doc.text(tea + "c:targetMarketCountryCode")).isEqualTo("704");
        assertThat(doc.text(tea + "c:gpcCategoryCode")).isEqualTo("10000119");
        assertThat(doc.text(tea + "c:tradeItemDescriptionInformation/c:tradeItemDescription[@languageCode='vi']"))
                .isEqualTo("Chè \"Shan\" tuyết & <Ba Trại> 'hộp' 200g");
        assertThat(doc.text(tea + "c:tradeItemDescriptionInformation/c:tradeItemDescription[@languageCode='en']"))
                .isEqualTo("Ba Trai tea & <green> \"buds\"");
        assertThat(doc.text(tea + "c:tradeItemDescriptionInformation/c:additionalTradeItemDescription[@languageCode='vi']"))
                .isEqualTo(TEA.description().vi());
        assertThat(doc.text(tea + "c:tradeItemDescriptionInformation/c:additionalTradeItemDescription[@languageCode='en']"))
                .isEqualTo("Hand-roasted buds; 1 < 2 & 3 > 2.");
        assertThat(doc.text(tea + "c:tradeItemDescriptionInformation/c:brandName")).isEqualTo("Chè Ba Trại");
        assertThat(doc.text(tea + "c:netContent")).isEqualTo("200");
        assertThat(doc.text(tea + "c:netContent/@measurementUnitCode")).isEqualTo("GRM");
        assertThat(doc.text(tea + "c:minimumTradeItemLifespanFromTimeOfProduction")).isEqualTo("365");
        assertThat(doc.text(tea + "c:consumerStorageInstructions")).isEqualTo(TEA.storage());
        assertThat(doc.text(tea + "c:consumerStorageInstructions/@languageCode")).isEqualTo("vi");
        assertThat(doc.text(tea + "c:tradeItemPrice/@currencyCode")).isEqualTo("VND");
        assertThat(doc.text(tea + "c:tradeItemPrice/c:suggestedRetailPrice")).isEqualTo("132000"); // 120,000 + 10 %
        assertThat(doc.text(tea + "c:tradeItemPrice/c:wholesalePrice")).isEqualTo("95000");
        assertThat(doc.text(tea + "c:vatRate")).isEqualTo("5");
        assertThat(doc.text(tea + "c:ocopCertification/c:stars")).isEqualTo("4");
        assertThat(doc.text(tea + "c:ocopCertification/c:potentialFiveStar")).isEqualTo("false");
        assertThat(doc.text(tea + "c:ocopCertification/c:decisionNumber")).isEqualTo("3292/QĐ-UBND");
        assertThat(doc.text(tea + "c:ocopCertification/c:issuer")).isEqualTo("UBND Thành phố Hà Nội");
        assertThat(doc.text(tea + "c:ocopCertification/c:validUntil")).isEqualTo("2028-09-26");
        assertThat(doc.text(tea + "c:ocopCertification/c:traceabilityUrl"))
                .isEqualTo("https://truyxuat.ocop.hanoi.example/sp/HN-2025-0101");

        String honey = item(HONEY);
        assertThat(doc.text(honey + "c:gpcCategoryCode")).as("subgroup mapping wins").isEqualTo("10000213");
        assertThat(doc.texts(honey + "c:tradeItemDescriptionInformation/c:tradeItemDescription/@languageCode"))
                .containsExactly("vi");
        assertThat(doc.text(honey + "c:netContent/@measurementUnitCode")).isEqualTo("MLT");

        String greenTea = item(GREEN_TEA);
        assertThat(doc.text(greenTea + "c:gtin")).isEqualTo("00000096385074");
        assertThat(doc.text(greenTea + "c:netContent")).isEqualTo("0.5");
        assertThat(doc.text(greenTea + "c:netContent/@measurementUnitCode")).isEqualTo("KGM");
        assertThat(doc.text(greenTea + "c:vatRate")).isEqualTo("KCT");
        assertThat(doc.count(greenTea + "c:tradeItemPrice/c:wholesalePrice")).isZero();
        assertThat(doc.text(greenTea + "c:tradeItemPrice/c:suggestedRetailPrice")).isEqualTo("165000");

        String vase = item(VASE);
        assertThat(doc.text(vase + "c:netContent/@measurementUnitCode")).isEqualTo("H87");
        assertThat(doc.text(vase + "c:vatRate")).isEqualTo("8");
        assertThat(doc.text(vase + "c:ocopCertification/c:potentialFiveStar")).isEqualTo("true");
        assertThat(doc.text(vase + "c:gpcCategoryCode")).as("group default").isEqualTo("10002185");

        String milk = item(MILK);
        assertThat(doc.text(milk + "c:netContent/@measurementUnitCode")).isEqualTo("LTR");
        assertThat(doc.text(milk + "c:vatRate")).isEqualTo("0");
        assertThat(doc.text(milk + "c:gpcCategoryCode")).isEqualTo("10007276");

        String liqueur = item(LIQUEUR);
        assertThat(doc.text(liqueur + "c:vatRate")).isEqualTo("10");
        for (String absent : List.of("c:netContent", "c:minimumTradeItemLifespanFromTimeOfProduction",
                "c:consumerStorageInstructions", "c:tradeItemDescriptionInformation/c:brandName",
                "c:ocopCertification/c:traceabilityUrl")) {
            assertThat(doc.count(liqueur + absent)).as(absent).isZero();
        }
    }

    @Test
    void deltaValidatesWithOneCommandPerAction() throws Exception {
        byte[] file = write(CatalogueHeader.Kind.DELTA, 7L, 7,
                List.of(row('A', TEA), row('U', HONEY), row('D', VASE), row('U', LIQUEUR)));
        assertThat(schemaErrors(file)).isEmpty();

        Read doc = new Read(file);
        assertThat(doc.text("//c:header/c:isReload")).isEqualTo("false");
        assertThat(doc.text("//c:header/c:deltaSequence")).isEqualTo("7");
        assertThat(doc.text("//c:header/c:lastDeltaSequence")).isEqualTo("7");
        assertThat(doc.text("//c:header/c:fileName")).isEqualTo("CENTRALRETAIL_OCOP_CATALOG_DELTA_20251104T013000_7.xml");
        assertThat(doc.texts("//c:documentCommand/c:tradeItem/c:supplierItemCode"))
                .containsExactly(TEA.ocopId(), HONEY.ocopId(), VASE.ocopId(), LIQUEUR.ocopId());
        assertThat(doc.texts("//c:documentCommand/c:documentCommandHeader/@type"))
                .containsExactly("ADD", "CHANGE_BY_REFRESH", "DELETE", "CHANGE_BY_REFRESH");
        // a deletion still names what goes, for the person reading the file
        assertThat(doc.text(item(VASE) + "c:gtin")).isEqualTo("08936814601053");
    }

    @Test
    void emptyFullSnapshotIsValid() throws Exception {
        byte[] file = write(CatalogueHeader.Kind.FULL, null, 0, List.of());
        assertThat(schemaErrors(file)).isEmpty();
        assertThat(new Read(file).count("//c:documentCommand")).isZero();
    }

    @Test
    void characterXmlCannotCarryIsReplacedAndTheFileStaysValid() throws Exception {
        Listing odd = TestListings.sample(0, n -> n.put("storage", "Khô\u0001ráo\uFFFF"));
        byte[] file = write(CatalogueHeader.Kind.DELTA, 1L, 1, List.of(row('U', odd)));
        assertThat(schemaErrors(file)).isEmpty();
        assertThat(new Read(file).text(item(odd) + "c:consumerStorageInstructions")).isEqualTo("Khô\uFFFDráo\uFFFD");
    }

    @Test
    void theShippedSchemaIsStrict() throws Exception {
        String valid = new String(write(CatalogueHeader.Kind.FULL, null, 0, List.of(row('A', TEA), row('A', VASE))),
                StandardCharsets.UTF_8);
        assertThat(schemaErrors(valid.getBytes(StandardCharsets.UTF_8))).isEmpty();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("13-digit GTIN", valid.replace("<gtin>08936814520019</gtin>", "<gtin>8936814520019</gtin>"));
        broken.put("unknown VAT rate", valid.replace("<vatRate>5</vatRate>", "<vatRate>7</vatRate>"));
        broken.put("unknown unit", valid.replace("measurementUnitCode=\"GRM\"", "measurementUnitCode=\"G\""));
        broken.put("other market", valid.replace("<targetMarketCountryCode>704<", "<targetMarketCountryCode>764<"));
        broken.put("2 stars", valid.replace("<stars>4</stars>", "<stars>2</stars>"));
        broken.put("decimal price", valid.replace("<suggestedRetailPrice>132000<", "<suggestedRetailPrice>132000.5<"));
        broken.put("unknown command", valid.replace("type=\"ADD\"", "type=\"CORRECT\""));
        broken.put("12-digit GLN", valid.replace("<senderGln>8936814000009<", "<senderGln>893681400000<"));
        broken.put("same item twice", valid.replace("<supplierItemCode>" + VASE.ocopId() + "<",
                "<supplierItemCode>" + TEA.ocopId() + "<"));
        broken.put("no Vietnamese description", valid.replaceFirst(
                "<additionalTradeItemDescription languageCode=\"vi\">[^<]*</additionalTradeItemDescription>", ""));
        broken.put("two English names", valid.replace("languageCode=\"vi\">Chè \"Shan\"", "languageCode=\"en\">Chè \"Shan\""));
        broken.put("no Vietnamese name", valid.replaceFirst(
                "<tradeItemDescription languageCode=\"vi\">[^<]*</tradeItemDescription>", ""));
        broken.forEach((what, xml) -> assertThat(schemaErrors(xml.getBytes(StandardCharsets.UTF_8))).as(what)
                .isNotEmpty());
    }

    @Test
    void twentyThousandRowsStreamToTheEnd() throws Exception {
        CountingSink sink = new CountingSink();
        CatalogueHeader header = header(CatalogueHeader.Kind.FULL, null, 0);
        int rows = 20_000;
        try (CatalogueWriter w = new CentralRetailXmlFormat().open(sink, header, CENTRAL)) {
            for (int i = 0; i < rows; i++) {
                w.write(row('A', withOcopId(TEA, "HN-2025-%06d".formatted(i))));
            }
        }
        assertThat(sink.closed).isTrue();
        assertThat(sink.count).isGreaterThan(rows * 1_000L);
        assertThat(sink.tail()).endsWith("</catalogueItemNotificationMessage>\n");
    }

    @Test
    void aListingWithoutGtinFailsNamingIt() throws Exception {
        Listing noGtin = TestListings.sample(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogueWriter w = new CentralRetailXmlFormat().open(out, header(CatalogueHeader.Kind.DELTA, 2L, 2), CENTRAL);
        w.write(row('A', TEA));
        assertThatThrownBy(() -> w.write(row('A', noGtin))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(noGtin.ocopId()).hasMessageContaining("GTIN");
        w.close();
        // the file is left visibly unfinished rather than complete without the item
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("</catalogueItemNotificationMessage>");
    }

    @Test
    void aFullSnapshotOnlyAdds() throws Exception {
        CatalogueWriter w = new CentralRetailXmlFormat().open(new ByteArrayOutputStream(),
                header(CatalogueHeader.Kind.FULL, null, 0), CENTRAL);
        assertThatThrownBy(() -> w.write(row('U', TEA))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TEA.ocopId());
    }

    @Test
    void badGlnsInTheProfileStopTheFileBeforeItStarts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogueHeader header = header(CatalogueHeader.Kind.FULL, null, 0);
        assertThatThrownBy(() -> new CentralRetailXmlFormat().open(out, header,
                config(Map.of("senderGln", "8936814000008", "receiverGln", "8930000000019"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("senderGln");
        assertThatThrownBy(() -> new CentralRetailXmlFormat().open(out, header, config(Map.of("senderGln", "8936814000009"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiverGln");
        assertThat(out.size()).isZero();
    }

    @Test
    void theShippedConfigurationWritesAValidFile() throws Exception {
        ConnectorConfig shipped = ConnectorConfigLoader.load(Path.of("connectors-config"), new MockEnvironment())
                .stream().filter(c -> c.partner().equals("centralretail")).findFirst().orElseThrow();
        assertThat(shipped.connector()).isEqualTo(new CentralRetailXmlFormat().connectorId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CatalogueWriter w = new CentralRetailXmlFormat().open(out, header(CatalogueHeader.Kind.FULL, null, 0),
                shipped)) {
            for (Listing l : List.of(TEA, HONEY, GREEN_TEA, VASE, MILK, LIQUEUR, TestListings.sample(17),
                    TestListings.sample(18), TestListings.sample(22, n -> n.put("gtin", "8936814999990")))) {
                w.write(row('A', l));
            }
        }
        assertThat(schemaErrors(out.toByteArray())).isEmpty();
        Read doc = new Read(out.toByteArray());
        assertThat(doc.text("//c:header/c:senderGln")).isEqualTo("8936814000009");
        assertThat(doc.texts("//c:gpcCategoryCode")).doesNotContainNull().hasSize(9);
    }

    @Test
    void identifiesItselfToTheFramework() {
        CentralRetailXmlFormat format = new CentralRetailXmlFormat();
        assertThat(format.connectorId()).isEqualTo("centralretail-xml");
        assertThat(format.extension()).isEqualTo("xml");
    }

    // --- helpers

    private static CatalogueRow row(char action, Listing listing) {
        return new CatalogueRow(action, listing);
    }

    private static CatalogueHeader header(CatalogueHeader.Kind kind, Long seq, long lastDelta) {
        String name = "CENTRALRETAIL_OCOP_CATALOG_" + kind + "_20251104T013000" + (seq == null ? "" : "_" + seq) + ".xml";
        return new CatalogueHeader("centralretail", kind, name, seq, lastDelta, CREATED);
    }

    private static byte[] write(CatalogueHeader.Kind kind, Long seq, long lastDelta, List<CatalogueRow> rows)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CatalogueWriter w = new CentralRetailXmlFormat().open(out, header(kind, seq, lastDelta), CENTRAL)) {
            for (CatalogueRow r : rows) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    private static String item(Listing l) {
        return "//c:tradeItem[c:supplierItemCode='" + l.ocopId() + "']/";
    }

    /** Validation with the JDK's validator against the XSD file as shipped. */
    private static List<String> schemaErrors(byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            Schema schema = factory.newSchema(XSD.toFile());
            Validator validator = schema.newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }

    private static Listing withOcopId(Listing l, String ocopId) {
        return new Listing(ocopId, l.version(), l.sku(), l.gtin(), l.name(), l.description(), l.group(), l.subgroup(),
                l.brand(), l.stars(), l.potentialFiveStar(), l.certification(), l.producer(), l.origin(), l.unit(),
                l.netContent(), l.grossWeightGrams(), l.dimensionsCm(), l.shelfLifeDays(), l.storage(),
                l.ingredients(), l.price(), l.stock(), l.images(), l.traceabilityUrl());
    }

    /** Reads the written file back with DOM and XPath, independently of the writer. */
    private static final class Read {
        private final Document doc;
        private final XPath xpath;

        Read(byte[] xml) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return "c".equals(prefix) ? NS : XMLConstants.NULL_NS_URI;
                }

                @Override
                public String getPrefix(String uri) {
                    return NS.equals(uri) ? "c" : null;
                }

                @Override
                public Iterator<String> getPrefixes(String uri) {
                    return List.of("c").iterator();
                }
            });
        }

        String text(String path) throws Exception {
            List<String> all = texts(path);
            assertThat(all).as(path).hasSize(1);
            return all.get(0);
        }

        List<String> texts(String path) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        }

        int count(String path) throws Exception {
            return texts(path).size();
        }
    }

    /** Counts and discards: the test holds no copy of the file, so only streaming can pass it. */
    private static final class CountingSink extends OutputStream {
        long count;
        boolean closed;
        private final byte[] last = new byte[64];

        @Override
        public void write(int b) {
            last[(int) (count % last.length)] = (byte) b;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        @Override
        public void close() {
            closed = true;
        }

        String tail() {
            byte[] ordered = new byte[last.length];
            for (int i = 0; i < last.length; i++) {
                ordered[i] = last[(int) ((count + i) % last.length)];
            }
            return new String(ordered, StandardCharsets.UTF_8);
        }
    }
}
