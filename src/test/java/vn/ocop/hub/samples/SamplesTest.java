package vn.ocop.hub.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.model.CertificationLevel;
import vn.ocop.hub.model.CertificationStatus;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.ProducerType;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample files and the generator must only ever produce what the validator accepts (or, for the mixed feed, exactly what it is meant to reject). */
class SamplesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock NOV_22_2026 = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

    private final ListingValidator validator = new ListingValidator(NOV_22_2026);

    @Test
    void everyHanoiListingInTheJsonArrayIsValid() throws IOException {
        JsonNode array = MAPPER.readTree(Files.readString(Path.of("samples/hanoi-listings.json"), StandardCharsets.UTF_8));

        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isGreaterThanOrEqualTo(22);
        List<Listing> listings = new ArrayList<>();
        for (JsonNode node : array) {
            ValidationResult result = validator.validate(node);
            assertThat(result.errors()).as("errors of %s", node.path("ocopId").asText()).isEmpty();
            listings.add(result.listing());
        }
        assertCoversTheProgramme(listings);
    }

    @Test
    void theNdjsonHoldsTheSameRecordsAsTheJsonArray() throws IOException {
        JsonNode array = MAPPER.readTree(Files.readString(Path.of("samples/hanoi-listings.json"), StandardCharsets.UTF_8));
        List<JsonNode> lines = readNdjson("samples/hanoi-listings.ndjson");

        assertThat(lines).hasSize(array.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(array.get(i));
            assertThat(validator.validate(lines.get(i)).errors()).isEmpty();
        }
    }

    @Test
    void theMixedFeedHasThreeValidAndTwoInvalidRecords() throws IOException {
        List<ValidationResult> results = readNdjson("samples/mixed-feed.ndjson").stream()
                .map(validator::validate).toList();

        assertThat(results).hasSize(5);
        assertThat(results).filteredOn(ValidationResult::valid).extracting(ValidationResult::ocopIdOrNull)
                .containsExactly("HN-2025-0056", "HN-2024-0598", "HN-2025-0325");
        assertThat(results).filteredOn(result -> !result.valid()).extracting(ValidationResult::ocopIdOrNull)
                .containsExactly("HN-2025-0311", "HN-2024-0064");

        assertThat(results.get(1).errors()).extracting(FieldError::field).containsExactly(
                "gtin", "potentialFiveStar", "certification.level", "certification.status", "price.retail",
                "images[1]");
        assertThat(results.get(3).errors()).extracting(FieldError::field).containsExactly(
                "name.vi", "potentialFiveStar", "certification.validUntil", "producer.taxCode", "price.retail",
                "price.vatRate", "stock");
    }

    @Test
    void twoThousandGeneratedListingsAreValidWithUniqueIds() {
        ListingGenerator generator = new ListingGenerator(ListingGenerator.DEFAULT_SEED);
        Set<String> ids = new HashSet<>();
        Set<String> gtins = new HashSet<>();
        int withGtin = 0;
        List<Listing> listings = new ArrayList<>();

        // Iterated rather than collected: the generator is meant to be consumed as a stream.
        for (Iterator<ObjectNode> nodes = generator.stream(2000, 1).iterator(); nodes.hasNext(); ) {
            ObjectNode node = nodes.next();
            ValidationResult result = validator.validate(node);
            assertThat(result.errors()).as("errors of %s", node.path("ocopId").asText()).isEmpty();
            Listing listing = result.listing();
            assertThat(ids.add(listing.ocopId())).as("duplicate %s", listing.ocopId()).isTrue();
            if (listing.hasGtin()) {
                withGtin++;
                assertThat(gtins.add(listing.gtin())).isTrue();
            }
            listings.add(listing);
        }

        assertThat(ids).hasSize(2000).contains("GEN-00000000", "GEN-00001999");
        assertThat(withGtin).isBetween(1250, 1550); // about 70 %
        assertThat(listings).extracting(Listing::group).containsAll(EnumSet.allOf(ProductGroup.class));
        assertThat(listings).extracting(Listing::stars).contains(3, 4, 5);
        assertThat(listings).extracting(listing -> listing.producer().type())
                .containsAll(EnumSet.allOf(ProducerType.class));
        assertThat(listings.stream().map(listing -> listing.price().retail()).collect(Collectors.toSet()))
                .hasSizeGreaterThan(100);
    }

    @Test
    void theGeneratorIsDeterministicAndVersionOnlyMovesTheStock() {
        ObjectNode first = new ListingGenerator(7L).listing(123, 1);
        ObjectNode again = new ListingGenerator(7L).listing(123, 1);
        ObjectNode version2 = new ListingGenerator(7L).listing(123, 2);

        assertThat(again).isEqualTo(first);
        assertThat(version2.get("ocopId")).isEqualTo(first.get("ocopId"));
        assertThat(version2.get("version").asLong()).isEqualTo(2);
        ObjectNode withoutVolatile = first.deepCopy();
        ObjectNode version2WithoutVolatile = version2.deepCopy();
        for (ObjectNode node : List.of(withoutVolatile, version2WithoutVolatile)) {
            node.remove(List.of("version", "stock"));
        }
        assertThat(version2WithoutVolatile).isEqualTo(withoutVolatile);
        assertThat(new ListingGenerator(8L).listing(123, 1)).isNotEqualTo(first);
        assertThat(validator.validate(version2).valid()).isTrue();
    }

    @Test
    void theStreamMatchesSingleListingsAndTheNdjsonWriter() throws IOException {
        ListingGenerator generator = new ListingGenerator(99L);
        List<ObjectNode> streamed = generator.stream(5, 1).toList();
        StringWriter ndjson = new StringWriter();
        generator.writeNdjson(5, 1, ndjson);
        String[] lines = ndjson.toString().split("\n");

        assertThat(lines).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(streamed.get(i)).isEqualTo(generator.listing(i, 1));
            // compared as text: parsing back turns BigDecimal/long nodes into double/int nodes
            assertThat(lines[i]).isEqualTo(MAPPER.writeValueAsString(streamed.get(i)));
        }
    }

    private static void assertCoversTheProgramme(List<Listing> listings) {
        assertThat(listings).extracting(Listing::group).containsAll(EnumSet.allOf(ProductGroup.class));
        assertThat(listings).extracting(listing -> listing.producer().type())
                .containsAll(EnumSet.allOf(ProducerType.class));
        assertThat(listings).filteredOn(listing -> listing.stars() == 5)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(listing -> assertThat(listing.certification().level()).isEqualTo(CertificationLevel.NATIONAL));
        assertThat(listings).anySatisfy(listing -> {
            assertThat(listing.stars()).isEqualTo(4);
            assertThat(listing.potentialFiveStar()).isTrue();
        });
        assertThat(listings).filteredOn(Listing::hasGtin).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(listing -> assertThat(listing.gtin()).hasSize(13).startsWith("893"));
        assertThat(listings).filteredOn(listing -> !listing.hasGtin()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(listings).extracting(listing -> listing.certification().level())
                .contains(CertificationLevel.DISTRICT, CertificationLevel.PROVINCIAL);
        assertThat(listings).allSatisfy(listing -> {
            assertThat(listing.origin().provinceCode()).isEqualTo("01");
            assertThat(listing.origin().provinceName()).isEqualTo("Hà Nội");
            if (listing.price().wholesale() != null) {
                assertThat(listing.price().wholesale()).isLessThan(listing.price().retail());
            }
        });
        long active = listings.stream()
                .filter(listing -> listing.certification().status() == CertificationStatus.ACTIVE).count();
        assertThat(active).as("most samples are still valid on 2026-11-22").isGreaterThan(listings.size() * 3L / 4);
    }

    private static List<JsonNode> readNdjson(String path) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(path), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(MAPPER.readTree(line));
            }
        }
        return nodes;
    }
}
