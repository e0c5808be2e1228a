package vn.ocop.hub.connector.hapro;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorConfigLoader;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;
import vn.ocop.hub.connector.hapro.ParsedInterchange.Seg;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.VatRate;
import vn.ocop.hub.support.TestListings;
import vn.ocop.hub.validation.Gtin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HaproPricatFormatTest {

    static final String SUPPLIER_GLN = "8931234000011";
    static final String HAPRO_GLN = "8935600000018";
    static final Instant CREATED = Instant.parse("2025-11-02T18:00:00Z"); // 01:00 on 3 Nov in Hà Nội

    static final ConnectorConfig HAPRO = config(Map.of("supplierGln", SUPPLIER_GLN, "buyerGln", HAPRO_GLN,
            "supplierCode", "NCC-OCOP-01"));

    static List<Listing> samples;

    @BeforeAll
    static void loadSamples() {
        samples = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            samples.add(TestListings.sample(i));
        }
    }

    static ConnectorConfig config(Map<String, Object> profile) {
        return new ConnectorConfig("hapro", "Hapro", ConnectorConfig.PartnerKind.RETAIL_CHAIN, "hapro-eancom", true,
                new ConnectorConfig.Toggles(true, true, false, true), null, null,
                new ConnectorConfig.PriceRules(new BigDecimal("10"), 1000L), null, null, null, profile, null, null, null, null);
    }

    static CatalogueHeader full() {
        return new CatalogueHeader("hapro", CatalogueHeader.Kind.FULL, "HAPRO_OCOP_CATALOG_FULL_20251103T010000.edi",
                null, 41, CREATED);
    }

    static CatalogueHeader delta(long seq) {
        return new CatalogueHeader("hapro", CatalogueHeader.Kind.DELTA,
                "HAPRO_OCOP_CATALOG_DELTA_20251103T010000_" + seq + ".edi", seq, seq, CREATED);
    }

    static byte[] write(CatalogueHeader header, List<CatalogueRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CatalogueWriter w = new HaproPricatFormat().open(out, header, HAPRO)) {
            for (CatalogueRow row : rows) {
                w.write(row);
            }
        }
        return out.toByteArray();
    }

    @Test
    void fullSnapshotListsEveryItemAsAddedAndValidates() throws Exception {
        List<CatalogueRow> rows = samples.stream().map(l -> new CatalogueRow('A', l)).toList();
        byte[] bytes = write(full(), rows);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("UNA:+.?*'UNB+UNOW:4+" + SUPPLIER_GLN + ":14+" + HAPRO_GLN + ":14+20251103:0100+F251103010000'");

        ParsedInterchange edi = ParsedInterchange.parse(bytes);
        assertThat(edi.errors()).isEmpty();
        assertThat(edi.first("UNH").v(2, 1)).isEqualTo("PRICAT");
        assertThat(edi.first("UNH").elements().get(1)).containsExactly("PRICAT", "D", "01B", "UN", "EAN008");
        Seg bgm = edi.first("BGM");
        assertThat(bgm.v(1)).isEqualTo("9");
        assertThat(bgm.v(2)).isEqualTo("F251103010000");
        assertThat(bgm.v(3)).isEqualTo("9");
        assertThat(edi.first("DTM").elements().get(0)).containsExactly("137", "202511030100", "203");
        assertThat(edi.all("RFF")).extracting(s -> s.v(1, 1) + "=" + s.v(1, 2)).containsExactly(
                "ACD=HAPRO_OCOP_CATALOG_FULL_20251103T010000.edi", "ZZZ=FULL UP TO DELTA 41", "IA=NCC-OCOP-01");
        assertThat(edi.all("NAD")).extracting(s -> s.v(1) + "=" + s.v(2, 1) + "/" + s.v(2, 3))
                .containsExactly("SU=" + SUPPLIER_GLN + "/9", "BY=" + HAPRO_GLN + "/9");
        assertThat(edi.first("CUX").elements().get(0)).containsExactly("2", "VND", "8");

        // UNT counts UNH to UNT; UNZ one message with the UNB reference
        int unh = indexOf(edi, "UNH");
        int unt = indexOf(edi, "UNT");
        assertThat(edi.first("UNT").v(1)).isEqualTo(String.valueOf(unt - unh + 1));
        assertThat(edi.first("UNT").v(2)).isEqualTo(edi.first("UNH").v(1));
        assertThat(edi.first("UNZ").v(1)).isEqualTo("1");
        assertThat(edi.first("UNZ").v(2)).isEqualTo(edi.first("UNB").v(5));

        List<List<Seg>> items = edi.items();
        assertThat(items).hasSize(samples.size());
        for (int i = 0; i < items.size(); i++) {
            Listing l = samples.get(i);
            List<Seg> item = items.get(i);
            Seg lin = item.get(0);
            assertThat(lin.v(1)).isEqualTo(String.valueOf(i + 1));
            assertThat(lin.v(2)).as("action of %s", l.ocopId()).isEqualTo("1");
            assertThat(lin.v(3, 1)).isEqualTo(l.gtin());
            assertThat(lin.v(3, 2)).isEqualTo(l.hasGtin() ? "SRV" : null);
            assertThat(seg(item, "PIA").elements()).containsExactly(List.of("5"), List.of(l.ocopId(), "SA", "", "91"));
            assertThat(seg(item, "IMD").v(3, 4)).isEqualTo(l.name().vi());
            assertThat(seg(item, "IMD").v(3, 6)).isEqualTo("vi");
            assertThat(price(item, "AAE")).isEqualTo(String.valueOf(ListingRules.price(HAPRO, l)));
            assertThat(price(item, "AAA")).isEqualTo(l.price().wholesale() == null ? null : l.price().wholesale().toString());
            Seg tax = seg(item, "TAX");
            assertThat(tax.v(1)).isEqualTo("7");
            assertThat(tax.v(2)).isEqualTo("VAT");
            if (l.price().vatRate() == VatRate.KCT) {
                assertThat(tax.v(5, 1)).isEqualTo("KCT");
                assertThat(tax.v(5, 4)).isNull();
                assertThat(tax.v(6)).isEqualTo("E");
            } else {
                assertThat(tax.v(5, 4)).isEqualTo(l.price().vatRate().label());
                assertThat(tax.v(6)).isEqualTo(l.price().vatRate().percent() == 0 ? "Z" : "S");
            }
            Seg ftx = seg(item, "FTX");
            assertThat(ftx.v(1)).isEqualTo("PRD");
            assertThat(ftx.elements().get(3)).containsExactly("OCOP " + l.stars() + " sao",
                    "Số QĐ " + l.certification().decisionNo(), "Cấp bởi " + l.certification().issuer(),
                    "Hiệu lực đến " + l.certification().validUntil());
        }
    }

    @Test
    void retailPriceFollowsTheChainsPriceRules() throws Exception {
        Listing tea = samples.get(0); // retail 120 000, +10 % rounded up to 1 000
        ParsedInterchange edi = ParsedInterchange.parse(write(full(), List.of(new CatalogueRow('A', tea))));
        assertThat(price(edi.items().get(0), "AAE")).isEqualTo("132000");
        assertThat(seg(edi.items().get(0), "PRI").elements().get(0)).containsExactly("AAA", "95000");
    }

    @Test
    void deltaMarksAddedChangedAndDeletedItems() throws Exception {
        List<CatalogueRow> rows = List.of(new CatalogueRow('A', samples.get(0)), new CatalogueRow('U', samples.get(2)),
                new CatalogueRow('D', samples.get(6)), new CatalogueRow('U', samples.get(1)));
        byte[] bytes = write(delta(42), rows);
        ParsedInterchange edi = ParsedInterchange.parse(bytes);
        assertThat(edi.errors()).isEmpty();
        assertThat(edi.first("UNB").v(5)).isEqualTo("D42");
        assertThat(edi.first("BGM").v(2)).isEqualTo("D42");
        assertThat(edi.first("BGM").v(3)).isEqualTo("4");
        assertThat(edi.all("RFF")).extracting(s -> s.v(1, 2)).contains("DELTA 42");
        assertThat(edi.items()).extracting(item -> item.get(0).v(2)).containsExactly("1", "3", "2", "3");
        assertThat(edi.items()).extracting(item -> item.get(0).v(3, 1))
                .containsExactly("8936814520019", "8936814570120", "8936814715002", null);
        assertThat(edi.items()).extracting(item -> seg(item, "PIA").v(2, 1))
                .containsExactly("HN-2025-0101", "HN-2025-0056", "HN-2025-0077", "HN-2024-0212");
        // a deletion names the item (Vietnamese and English name) and nothing more
        assertThat(edi.items().get(2)).extracting(Seg::tag).containsExactly("LIN", "PIA", "IMD", "IMD");
        int unh = indexOf(edi, "UNH");
        assertThat(edi.first("UNT").v(1)).isEqualTo(String.valueOf(indexOf(edi, "UNT") - unh + 1));
    }

    @Test
    void namesWithServiceCharactersAreEscapedAndRoundTripExactly() throws Exception {
        String name = "Mứt gừng 'Hạ Long' + quế: loại 1?";
        String english = "Ginger jam 'Ha Long' + cinnamon: grade 1? 50*2";
        Listing jam = TestListings.sample(2, n -> {
            n.with("name").put("vi", name);
            n.with("name").put("en", english);
        });
        byte[] bytes = write(full(), List.of(new CatalogueRow('A', jam)));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("Mứt gừng ?'Hạ Long?' ?+ quế?: loại 1??");
        assertThat(text).contains("?'").contains("?+").contains("?:").contains("??").contains("50?*2");

        ParsedInterchange edi = ParsedInterchange.parse(bytes);
        assertThat(edi.errors()).isEmpty();
        assertThat(edi.all("IMD")).extracting(s -> s.v(3, 4)).containsExactly(name, english);
        assertThat(edi.all("IMD")).extracting(s -> s.v(3, 6)).containsExactly("vi", "en");
    }

    @Test
    void netContentUsesUnEceUnitCodes() throws Exception {
        // 0: 200 g, 6: 500 ml, 9: 1 kg, 12: 1 l, 3: 1 piece
        List<CatalogueRow> rows = List.of(0, 6, 9, 12, 3).stream().map(i -> new CatalogueRow('A', samples.get(i))).toList();
        ParsedInterchange edi = ParsedInterchange.parse(write(full(), rows));
        assertThat(edi.errors()).isEmpty();
        assertThat(edi.all("MEA")).extracting(s -> s.v(1) + " " + s.v(2, 1) + " " + s.v(3, 1) + ":" + s.v(3, 2))
                .containsExactly("PD AAA GRM:200", "PD ABJ MLT:500", "PD AAA KGM:1", "PD ABJ LTR:1", "PD null H87:1");
    }

    @Test
    void zeroRateIsZeroRatedAndKctIsExempt() throws Exception {
        Listing zero = TestListings.sample(0, n -> n.with("price").put("vatRate", 0));
        Listing kct = samples.get(1);
        ParsedInterchange edi = ParsedInterchange.parse(write(full(), List.of(new CatalogueRow('A', zero),
                new CatalogueRow('A', kct))));
        assertThat(edi.all("TAX")).extracting(s -> s.v(5, 1) + "|" + s.v(5, 4) + "|" + s.v(6))
                .containsExactly("null|0|Z", "KCT|null|E");
    }

    @Test
    void anEmptyDeltaIsStillAWellFormedInterchange() throws Exception {
        ParsedInterchange edi = ParsedInterchange.parse(write(delta(3), List.of()));
        assertThat(edi.errors()).isEmpty();
        assertThat(edi.items()).isEmpty();
        assertThat(edi.first("UNT").v(1)).isEqualTo(String.valueOf(indexOf(edi, "UNT") - indexOf(edi, "UNH") + 1));
    }

    @Test
    void twentyThousandItemsStreamThroughOneMessage() throws Exception {
        int count = 5_000; // 20,000 and 100,000 are measured by ChainSnapshotBenchmark
        CountingStream out = new CountingStream();
        try (CatalogueWriter w = new HaproPricatFormat().open(out, full(), HAPRO)) {
            for (int i = 0; i < count; i++) {
                Listing base = samples.get(i % 23);
                String body = "893" + String.format("%09d", i);
                w.write(new CatalogueRow('A', withIds(base, "HN-BULK-" + i, body + Gtin.checkDigit(body))));
            }
        }
        ParsedInterchange edi = ParsedInterchange.parse(out.bytes());
        assertThat(edi.errors()).isEmpty();
        List<Seg> lins = edi.all("LIN");
        assertThat(lins).hasSize(count);
        assertThat(lins.get(count - 1).v(1)).isEqualTo(String.valueOf(count));
        assertThat(lins).allMatch(s -> "1".equals(s.v(2)));
        assertThat(edi.all("PIA").get(count - 1).v(2, 1)).isEqualTo("HN-BULK-" + (count - 1));
        assertThat(edi.first("UNT").v(1)).isEqualTo(String.valueOf(indexOf(edi, "UNT") - indexOf(edi, "UNH") + 1));
    }

    @Test
    void whatStaediRejectsStopsTheFileWithTheSegmentNamed() {
        // ocopIds may have 40 characters; EANCOM's item identifier (DE 7140) only 35
        Listing longId = TestListings.sample(0, n -> n.put("ocopId", "HN-" + "9".repeat(37)));
        assertThatThrownBy(() -> write(full(), List.of(new CatalogueRow('A', longId))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("item HN-999")
                .hasMessageContaining("DATA_ELEMENT_TOO_LONG")
                .hasMessageContaining("(PIA)");
    }

    @Test
    void fullSnapshotsAndDeltasGetDistinctInterchangeReferences() {
        HaproSettings settings = HaproSettings.from(HAPRO);
        CatalogueHeader laterFull = new CatalogueHeader("hapro", CatalogueHeader.Kind.FULL,
                "HAPRO_OCOP_CATALOG_FULL_20251104T010001.edi", null, 50, CREATED);
        assertThat(PricatWriter.interchangeReference(full(), settings)).isEqualTo("F251103010000");
        assertThat(PricatWriter.interchangeReference(laterFull, settings)).isEqualTo("F251104010001");
        assertThat(PricatWriter.interchangeReference(delta(7), settings)).isEqualTo("D7");
        assertThat(PricatWriter.interchangeReference(delta(1234567890123L), settings)).hasSizeLessThanOrEqualTo(14);
    }

    @Test
    void theShippedConfigurationWritesAValidCatalogue() throws Exception {
        ConnectorConfig shipped = ConnectorConfigLoader.load(Path.of("connectors-config"), new MockEnvironment()).stream()
                .filter(c -> c.partner().equals("hapro")).findFirst().orElseThrow();
        assertThat(shipped.connector()).isEqualTo(new HaproPricatFormat().connectorId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CatalogueWriter w = new HaproPricatFormat().open(out, delta(1), shipped)) {
            w.write(new CatalogueRow('A', samples.get(0)));
        }
        ParsedInterchange edi = ParsedInterchange.parse(out.toByteArray());
        assertThat(edi.errors()).isEmpty();
        assertThat(edi.first("UNB").v(2, 1)).isEqualTo(SUPPLIER_GLN);
        assertThat(edi.first("UNB").v(3, 1)).isEqualTo(HAPRO_GLN);
        assertThat(edi.all("RFF")).extracting(s -> s.v(1, 1)).doesNotContain("IA"); // no supplier code by default
    }

    @Test
    void glnsAreRequiredAndChecked() {
        Map<String, Object> noBuyer = new HashMap<>(Map.of("supplierGln", SUPPLIER_GLN));
        assertThatThrownBy(() -> new HaproPricatFormat().open(new ByteArrayOutputStream(), full(), config(noBuyer)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("profile.buyerGln");
        Map<String, Object> badCheckDigit = Map.of("supplierGln", "8931234000012", "buyerGln", HAPRO_GLN);
        assertThatThrownBy(() -> new HaproPricatFormat().open(new ByteArrayOutputStream(), full(), config(badCheckDigit)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("8931234000012");
    }

    private static Listing withIds(Listing l, String ocopId, String gtin) {
        return new Listing(ocopId, l.version(), l.sku(), gtin, l.name(), l.description(), l.group(), l.subgroup(),
                l.brand(), l.stars(), l.potentialFiveStar(), l.certification(), l.producer(), l.origin(), l.unit(),
                l.netContent(), l.grossWeightGrams(), l.dimensionsCm(), l.shelfLifeDays(), l.storage(), l.ingredients(),
                l.price(), l.stock(), l.images(), l.traceabilityUrl());
    }

    private static int indexOf(ParsedInterchange edi, String tag) {
        for (int i = 0; i < edi.segments().size(); i++) {
            if (edi.segments().get(i).tag().equals(tag)) {
                return i;
            }
        }
        throw new AssertionError("no " + tag);
    }

    private static Seg seg(List<Seg> item, String tag) {
        return item.stream().filter(s -> s.tag().equals(tag)).findFirst().orElseThrow(() -> new AssertionError("no " + tag));
    }

    private static String price(List<Seg> item, String qualifier) {
        return item.stream().filter(s -> s.tag().equals("PRI") && qualifier.equals(s.v(1, 1)))
                .map(s -> s.v(1, 2)).findFirst().orElse(null);
    }

    /** Keeps the bytes, and shows the writer closes the stream it was given. */
    private static final class CountingStream extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 << 20);
        private boolean closed;

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }

        byte[] bytes() {
            assertThat(closed).isTrue();
            return buffer.toByteArray();
        }
    }
}
