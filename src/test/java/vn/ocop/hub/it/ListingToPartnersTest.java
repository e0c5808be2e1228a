package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.ocop.hub.fakes.RecordedRequest;
import vn.ocop.hub.sftp.ChainSftpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The Hà Nội sample feed travels through the hub to Postmart (HTTP) and AEON (CSV over SFTP),
 * and later changes to single listings reach each partner as the smallest fitting update.
 * The first tests look at the state the feed leaves; the change tests each use their own listing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListingToPartnersTest extends HubIntegrationTest {

    /** AEON's columns, in order, as partners.md lists them. */
    private static final List<String> AEON_COLUMNS = List.of("action", "supplier_code", "item_code", "jan_code",
            "item_name_vi", "item_name_en", "department", "unit", "net_content", "shelf_life_days", "storage",
            "origin_province", "ocop_stars", "ocop_decision_no", "ocop_valid_until", "cost_price", "vat_rate",
            "retail_price", "case_pack", "image_url", "traceability_url");

    /** connectors-config/postmart.yaml, mapping.category */
    private static final Map<String, String> POSTMART_CATEGORY = Map.of("FOOD", "OCOP-THUC-PHAM",
            "BEVERAGE", "OCOP-DO-UONG", "HERBAL", "OCOP-DUOC-LIEU", "HANDICRAFT", "OCOP-THU-CONG",
            "ORNAMENTAL", "OCOP-SINH-VAT-CANH");
    /** connectors-config/aeon.yaml, mapping.department */
    private static final Map<String, String> AEON_DEPARTMENT = Map.of("FOOD", "01-FOOD", "BEVERAGE", "02-BEVERAGE",
            "HERBAL", "03-HEALTH", "HANDICRAFT", "05-HOUSEHOLD", "ORNAMENTAL", "06-GARDEN");

    // one listing per change scenario, so the scenarios do not depend on each other's order
    private static final String PRICE_CHANGE = "HN-2025-0056";
    private static final String STOCK_CHANGE = "HN-2025-0077";
    private static final String WITHDRAWAL = "HN-2025-0140";
    private static final String RESUBMITTED = "HN-2025-0101";

    private final CsvMapper csv = new CsvMapper();

    // the feed is published once for the whole class (static: JUnit makes an instance per test)
    private static Map<String, ObjectNode> samples;
    private static Set<String> atPostmart;
    private static Set<String> atAeon;
    private static boolean published;

    /**
     * Once, before the first test. Not in {@code @BeforeAll}: the Camel test listener starts the
     * Camel context only just before a test method, and the feed needs the routes running.
     */
    @BeforeEach
    void publishTheSampleFeedOnce() {
        if (samples != null) {
            assertThat(published).as("the sample feed went through (see the first test's failure)").isTrue();
            return;
        }
        samples = hanoiSamples().stream().collect(Collectors.toMap(s -> s.get("ocopId").asText(), Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        atPostmart = samples.values().stream().filter(HubIntegrationTest::marketplaceEligible)
                .map(s -> s.get("ocopId").asText()).collect(Collectors.toSet());
        atAeon = samples.values().stream().filter(s -> marketplaceEligible(s) && s.hasNonNull("gtin"))
                .map(s -> s.get("ocopId").asText()).collect(Collectors.toSet());
        // the sample file's promises (samples/README): otherwise these tests would prove less than they say
        assertThat(samples.values().stream().filter(HubIntegrationTest::expired)).hasSize(1);
        assertThat(samples.values().stream().filter(HubIntegrationTest::tourism)).hasSize(1);
        assertThat(atPostmart.size() - atAeon.size()).as("eligible listings without GTIN").isGreaterThanOrEqualTo(3);
        assertThat(atAeon).contains(PRICE_CHANGE, STOCK_CHANGE, WITHDRAWAL, RESUBMITTED);

        NotifyBuilder postmartDone = watch(new NotifyBuilder(camel).fromRoute("sync-postmart")
                .filter(exchange -> samples.keySet().stream().anyMatch(id -> carries(id).matches(exchange)))
                .whenDone(samples.size()));

        Reply reply = postJson("/api/v1/feeds", OFFICE_TOKEN, hanoiSamples());

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode report = reply.json();
        assertThat(report.path("received").asInt()).isEqualTo(samples.size());
        assertThat(report.path("accepted").asInt()).isEqualTo(samples.size());
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("errors")).isEmpty();
        assertThat(postmartDone.matches(60, TimeUnit.SECONDS)).as("every sample's event handled for Postmart").isTrue();
        // a chain's bindings settle once a delta file carrying them is on the SFTP server
        await().alias("chain bindings settled").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> samples.keySet().stream().noneMatch(id -> CHAINS.stream()
                        .anyMatch(chain -> "PENDING".equals(binding(id, chain).path("state").asText()))));
        published = true;
    }

    @Test
    @Order(1)
    void eachEligibleListingIsStoredAtPostmartExactlyOnceWithItsFields() {
        for (ObjectNode sample : samples.values()) {
            String id = sample.get("ocopId").asText();
            String sku = sample.get("sku").asText();
            List<RecordedRequest> requests = postmartRequestsFor(sku);
            if (!atPostmart.contains(id)) {
                assertThat(requests).as("%s is not for Postmart", id).isEmpty();
                assertThat(POSTMART.product(sku)).isEmpty();
                continue;
            }
            assertThat(requests).as("PUTs of %s", id)
                    .filteredOn(r -> r.method().equals("PUT")).hasSize(1)
                    .allSatisfy(r -> assertThat(r.status()).isBetween(200, 201));
            JsonNode product = POSTMART.product(sku).orElseThrow();
            assertThat(product.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(product.path("sellerSku").asText()).isEqualTo(sku);
            assertThat(product.path("name").asText()).isEqualTo(nfc(sample.at("/name/vi").asText()));
            assertThat(product.path("description").asText()).isEqualTo(nfc(sample.at("/description/vi").asText()));
            assertThat(product.path("categoryCode").asText())
                    .isEqualTo(POSTMART_CATEGORY.get(sample.get("group").asText()));
            assertThat(product.path("price").isIntegralNumber()).as("price of %s is whole VND", id).isTrue();
            assertThat(product.path("price").asLong()).isEqualTo(sample.at("/price/retail").asLong());
            assertThat(product.path("stock").asInt()).isEqualTo(sample.get("stock").asInt());
            assertThat(product.path("unit").asText()).isEqualTo(nfc(sample.get("unit").asText()));
            assertThat(product.path("weightGrams").asInt()).isEqualTo(sample.get("grossWeightGrams").asInt());
            assertThat(product.path("images")).isEqualTo(sample.get("images"));
            if (sample.hasNonNull("gtin")) {
                assertThat(product.path("gtin").asText()).isEqualTo(sample.get("gtin").asText());
            } else {
                assertThat(product.has("gtin")).isFalse();
            }
            JsonNode ocop = product.path("ocop");
            assertThat(ocop.path("ocopId").asText()).isEqualTo(id);
            assertThat(ocop.path("stars").asInt()).isEqualTo(sample.get("stars").asInt());
            assertThat(ocop.path("decisionNo").asText()).isEqualTo(nfc(sample.at("/certification/decisionNo").asText()));
            assertThat(ocop.path("validUntil").asText()).isEqualTo(validUntil(sample).toString());
            assertThat(ocop.path("traceabilityUrl").asText(null)).isEqualTo(sample.path("traceabilityUrl").asText(null));
            assertThat(product.at("/origin/provinceCode").asText()).isEqualTo(sample.at("/origin/provinceCode").asText());
            assertThat(product.at("/origin/provinceName").asText())
                    .isEqualTo(nfc(sample.at("/origin/provinceName").asText()));
            assertThat(product.at("/producer/id").asText()).isEqualTo(sample.at("/producer/id").asText());
            assertThat(product.at("/producer/name").asText()).isEqualTo(nfc(sample.at("/producer/name").asText()));
        }
        assertThat(atPostmart).hasSize(samples.size() - 2);
    }

    @Test
    @Order(2)
    void everyListingShowsItsStateAtEveryPartner() {
        for (ObjectNode sample : samples.values()) {
            String id = sample.get("ocopId").asText();
            JsonNode view = listing(id);
            assertThat(view.path("partners")).extracting(p -> p.path("partner").asText())
                    .containsExactlyInAnyOrderElementsOf(ALL_PARTNERS);
            // the listing as published: numbers as sent (a 10 cm box is 10, not 1E+1)
            for (String field : List.of("/netContent", "/dimensionsCm", "/price/retail", "/stock", "/images")) {
                assertThat(view.at(field)).as("%s of %s", field, id).isEqualTo(sample.at(field));
            }
            JsonNode postmart = bindingIn(view, "postmart");
            JsonNode aeon = bindingIn(view, "aeon");
            if (expired(sample)) {
                assertThat(view.path("withdrawn").asBoolean()).isTrue();
                for (JsonNode partner : List.of(postmart, aeon)) {
                    assertThat(partner.path("state").asText()).as("%s at %s", id, partner).isEqualTo("WITHDRAWN");
                    assertThat(partner.path("reason").asText()).contains("expired");
                }
            } else if (tourism(sample)) {
                for (JsonNode partner : List.of(postmart, aeon)) {
                    assertThat(partner.path("state").asText()).as("%s at %s", id, partner).isEqualTo("SKIPPED");
                    assertThat(partner.path("reason").asText()).contains("TOURISM");
                }
            } else {
                assertThat(view.path("withdrawn").asBoolean()).isFalse();
                assertThat(postmart.path("state").asText()).as("%s at postmart", id).isEqualTo("SYNCED");
                assertThat(postmart.path("partnerItemId").asText())
                        .isEqualTo(POSTMART.product(sample.get("sku").asText()).orElseThrow().path("productId").asText());
                assertThat(postmart.path("deliveredVersion").asLong()).isEqualTo(sample.get("version").asLong());
                for (String chain : CHAINS) {
                    JsonNode entry = bindingIn(view, chain);
                    if (sample.hasNonNull("gtin")) {
                        assertThat(entry.path("state").asText()).as("%s at %s", id, chain).isEqualTo("SYNCED");
                        assertThat(entry.path("deliveredVersion").asLong()).isEqualTo(sample.get("version").asLong());
                    } else {
                        assertThat(entry.path("state").asText()).as("%s at %s", id, chain).isEqualTo("SKIPPED");
                        assertThat(entry.path("reason").asText()).contains("GTIN");
                    }
                }
            }
            for (String disabled : List.of("lazada", "shopee", "tiki")) {
                JsonNode entry = bindingIn(view, disabled);
                assertThat(entry.path("state").asText()).as("%s at %s", id, disabled).isEqualTo("SKIPPED");
                assertThat(entry.path("reason").asText()).startsWith("partner disabled");
            }
        }
    }

    @Test
    @Order(3)
    void aeonReadsACompleteVerifiedCsvCatalogue() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ChainSftpClient aeon = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "aeon", AEON_PASSWORD)) {
            List<String> files = aeon.completedFiles("/outbox/delta");
            assertThat(files).isNotEmpty().allMatch(name -> name.matches("AEON_OCOP_CATALOG_DELTA_\\d{8}T\\d{6}_\\d+\\.csv"));
            for (String name : files) {
                rows.addAll(readAeonCsv(aeon, "/outbox/delta/" + name));
            }
        }
        List<Map<String, String>> added = rows.stream()
                .filter(row -> samples.containsKey(row.get("item_code")) && "A".equals(row.get("action"))).toList();
        assertThat(added).extracting(row -> row.get("item_code")).as("one A row per eligible listing with a GTIN")
                .containsExactlyInAnyOrderElementsOf(atAeon);
        for (Map<String, String> row : added) {
            ObjectNode sample = samples.get(row.get("item_code"));
            assertThat(row.get("supplier_code")).isEqualTo("HN-OCOP-001");
            assertThat(row.get("jan_code")).matches("\\d{13}").isEqualTo(sample.get("gtin").asText());
            assertThat(row.get("item_name_vi")).isEqualTo(nfc(sample.at("/name/vi").asText()));
            assertThat(row.get("department")).isEqualTo(AEON_DEPARTMENT.get(sample.get("group").asText()));
            assertThat(row.get("ocop_stars")).isEqualTo(sample.get("stars").asText());
            assertThat(row.get("ocop_valid_until")).isEqualTo(validUntil(sample).toString());
            assertThat(row.get("retail_price")).isEqualTo(sample.at("/price/retail").asText());
            assertThat(row.get("cost_price")).isEqualTo(sample.at("/price/wholesale").asText(""));
            assertThat(row.get("vat_rate")).isEqualTo(sample.at("/price/vatRate").asText());
            assertThat(row.get("image_url")).isEqualTo(sample.at("/images/0").asText());
        }
    }

    @Test
    @Order(4)
    void aeonSeesOnlyItsOwnFolder() throws IOException {
        try (ChainSftpClient central = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "centralretail",
                CENTRALRETAIL_PASSWORD)) {
            central.write("/inbox/orders/central-only.xml", "<order/>".getBytes(StandardCharsets.UTF_8));
            assertThat(central.list("/outbox/delta")).as("AEON's files are not Central Retail's")
                    .noneMatch(name -> name.startsWith("AEON_")).allMatch(name -> name.startsWith("CENTRALRETAIL_"));
        }
        try (ChainSftpClient aeon = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "aeon", AEON_PASSWORD)) {
            assertThat(aeon.list("/")).containsExactlyInAnyOrder("outbox", "inbox");
            assertThat(aeon.list("/..")).containsExactlyInAnyOrder("outbox", "inbox");
            assertThatThrownBy(() -> aeon.list("/../centralretail")).isInstanceOf(IOException.class);
            assertThat(aeon.exists("/../centralretail/inbox/orders/central-only.xml")).isFalse();
            assertThat(aeon.exists("/centralretail")).isFalse();
            assertThat(aeon.exists("/../ssh_host_key")).isFalse();
            assertThat(aeon.list("/inbox/orders")).doesNotContain("central-only.xml");
        }
    }

    @Test
    @Order(10)
    void aPriceOnlyChangeIsAPricePatchAtPostmartAndAnUpdateRowForAeon() throws IOException {
        ObjectNode next = samples.get(PRICE_CHANGE).deepCopy();
        long version = next.get("version").asLong() + 1;
        long price = next.at("/price/retail").asLong() + 5_000;
        next.put("version", version);
        ((ObjectNode) next.get("price")).put("retail", price);
        String sku = next.get("sku").asText();
        int before = postmartRequestsFor(sku).size();
        NotifyBuilder delivered = watch(notifySync("postmart", PRICE_CHANGE).whenDone(1));

        JsonNode outcome = submit(next);

        assertThat(outcome.path("change").asText()).isEqualTo("PRICE_CHANGED");
        assertThat(delivered.matches(30, TimeUnit.SECONDS)).isTrue();
        List<RecordedRequest> sent = postmartRequestsFor(sku).subList(before, postmartRequestsFor(sku).size());
        assertThat(sent).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("PATCH", "/v1/products/" + sku + "/price"));
        JsonNode body = JSON.readTree(sent.get(0).body());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.path("price").isIntegralNumber()).isTrue();
        assertThat(body.path("price").asLong()).isEqualTo(price);
        assertThat(POSTMART.product(sku).orElseThrow().path("price").asLong()).isEqualTo(price);
        JsonNode postmart = binding(PRICE_CHANGE, "postmart");
        assertThat(postmart.path("state").asText()).isEqualTo("SYNCED");
        assertThat(postmart.path("deliveredVersion").asLong()).isEqualTo(version);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> binding(PRICE_CHANGE, "aeon").path("deliveredVersion").asLong() == version);
        assertThat(binding(PRICE_CHANGE, "aeon").path("state").asText()).isEqualTo("SYNCED");
        assertThat(aeonRowsFor(PRICE_CHANGE)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("U");
            assertThat(row.get("retail_price")).isEqualTo(String.valueOf(price));
        });
    }

    @Test
    @Order(11)
    void aStockUpdateIsAnInventoryPatchAtPostmartAndNothingForAeon() throws IOException {
        String sku = samples.get(STOCK_CHANGE).get("sku").asText();
        int quantity = samples.get(STOCK_CHANGE).get("stock").asInt() + 17;
        long revision = listing(STOCK_CHANGE).path("revision").asLong();
        int before = postmartRequestsFor(sku).size();
        NotifyBuilder delivered = watch(notifySync("postmart", STOCK_CHANGE).whenDone(1));

        Reply reply = putJson("/api/v1/listings/" + STOCK_CHANGE + "/stock", OFFICE_TOKEN,
                JSON.createObjectNode().put("quantity", quantity));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("change").asText()).isEqualTo("STOCK_CHANGED");
        assertThat(reply.json().path("revision").asLong()).isEqualTo(revision + 1);
        assertThat(delivered.matches(30, TimeUnit.SECONDS)).isTrue();
        List<RecordedRequest> sent = postmartRequestsFor(sku).subList(before, postmartRequestsFor(sku).size());
        assertThat(sent).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("PATCH", "/v1/products/" + sku + "/inventory"));
        assertThat(JSON.readTree(sent.get(0).body()).path("quantity").asInt()).isEqualTo(quantity);
        assertThat(POSTMART.product(sku).orElseThrow().path("stock").asInt()).isEqualTo(quantity);
        assertThat(binding(STOCK_CHANGE, "postmart").path("state").asText()).isEqualTo("SYNCED");
        assertThat(listing(STOCK_CHANGE).path("stock").asInt()).isEqualTo(quantity);
        // AEON's sheet has no stock column: the change is not for it, and its status must not hang
        awaitState(STOCK_CHANGE, "aeon", "SYNCED");
    }

    @Test
    @Order(12)
    void aWithdrawalDeletesAtPostmartAndBecomesADeleteRowForAeon() throws IOException {
        String sku = samples.get(WITHDRAWAL).get("sku").asText();
        int before = postmartRequestsFor(sku).size();
        NotifyBuilder delivered = watch(notifySync("postmart", WITHDRAWAL).whenDone(1));

        Reply reply = postJson("/api/v1/listings/" + WITHDRAWAL + "/withdrawal", OFFICE_TOKEN,
                JSON.createObjectNode().put("reason", "producer stopped making it"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("change").asText()).isEqualTo("WITHDRAWN");
        assertThat(delivered.matches(30, TimeUnit.SECONDS)).isTrue();
        List<RecordedRequest> sent = postmartRequestsFor(sku).subList(before, postmartRequestsFor(sku).size());
        assertThat(sent).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("DELETE", "/v1/products/" + sku));
        assertThat(POSTMART.status(sku)).isEqualTo("WITHDRAWN");
        JsonNode postmart = binding(WITHDRAWAL, "postmart");
        assertThat(postmart.path("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(postmart.path("reason").asText()).contains("producer stopped making it");
        assertThat(listing(WITHDRAWAL).path("withdrawn").asBoolean()).isTrue();

        awaitState(WITHDRAWAL, "aeon", "WITHDRAWN");
        assertThat(aeonRowsFor(WITHDRAWAL)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("D");
            assertThat(row.get("jan_code")).isEqualTo(samples.get(WITHDRAWAL).get("gtin").asText());
        });
    }

    @Test
    @Order(13)
    void resubmittingTheSameVersionChangesNothingAnywhere() {
        ObjectNode same = samples.get(RESUBMITTED);
        String sku = same.get("sku").asText();
        long revision = listing(RESUBMITTED).path("revision").asLong();
        int before = postmartRequestsFor(sku).size();

        JsonNode outcome = submit(same);

        assertThat(outcome.path("change").asText()).isEqualTo("UNCHANGED");
        assertThat(outcome.path("revision").asLong()).isEqualTo(revision);
        assertThat(listing(RESUBMITTED).path("revision").asLong()).isEqualTo(revision);
        // A stock update afterwards is a marker: events of one listing reach Postmart in order, so
        // once the marker is handled, anything the resubmission had published would have been too.
        NotifyBuilder marker = watch(notifySync("postmart", RESUBMITTED).whenDone(1));
        Reply stock = putJson("/api/v1/listings/" + RESUBMITTED + "/stock", OFFICE_TOKEN,
                JSON.createObjectNode().put("quantity", same.get("stock").asInt() + 1));
        assertThat(stock.status()).isEqualTo(202);
        assertThat(marker.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(postmartRequestsFor(sku).subList(before, postmartRequestsFor(sku).size()))
                .extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("PATCH", "/v1/products/" + sku + "/inventory"));
    }

    // ---- reading AEON's files as AEON would ---------------------------------------------------

    /** Every row about one listing in the delta files AEON may read now, oldest file first. */
    private List<Map<String, String>> aeonRowsFor(String ocopId) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ChainSftpClient aeon = ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "aeon", AEON_PASSWORD)) {
            for (String name : aeon.completedFiles("/outbox/delta")) {
                readAeonCsv(aeon, "/outbox/delta/" + name).stream()
                        .filter(row -> ocopId.equals(row.get("item_code"))).forEach(rows::add);
            }
        }
        return rows;
    }

    /**
     * One completed file: its checksum verified against {@code .sha256}, then the bytes checked
     * for AEON's framing (BOM, CRLF, the header row) and parsed with an independent CSV reader.
     */
    private List<Map<String, String>> readAeonCsv(ChainSftpClient aeon, String path) throws IOException {
        byte[] bytes = aeon.read(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        assertThat(sha256(bytes)).as("checksum of %s", name).isEqualTo(aeon.sha256Of(path));
        String checksumLine = new String(aeon.read(path + ".sha256"), StandardCharsets.UTF_8);
        assertThat(checksumLine).as("sha256sum format").isEqualTo(sha256(bytes) + "  " + name + "\n");
        assertThat(bytes).as("UTF-8 BOM").startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n").doesNotContain("\r");
        assertThat(text.substring(0, text.indexOf("\r\n"))).isEqualTo(String.join(",", AEON_COLUMNS));

        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class).with(schema).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).hasSize(AEON_COLUMNS.size()));
        String manifest = new String(aeon.read(path + ".done"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("rows=" + rows.size() + "\n").contains("sha256=" + sha256(bytes) + "\n");
        return rows;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
