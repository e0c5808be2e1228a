package vn.ocop.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ocop.hub.model.CertificationLevel;
import vn.ocop.hub.model.CertificationStatus;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.NetContentUnit;
import vn.ocop.hub.model.ProducerType;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.model.VatRate;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ListingValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** 17:00 Hà Nội time on 22 Nov 2026. */
    private static final Clock NOV_22_2026 = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private final ListingValidator validator = new ListingValidator(NOV_22_2026);

    private static final String VALID = """
            {
              "ocopId": "HN-BAVI-0042",
              "version": 3,
              "sku": "MO-BV-500",
              "gtin": "8936045123454",
              "name": {"vi": "Mật ong hoa nhãn Ba Vì", "en": "Ba Vi longan honey"},
              "description": {"vi": "Mật ong nguyên chất thu từ đàn ong nuôi dưới chân núi Ba Vì."},
              "group": "FOOD",
              "subgroup": "I.3.b",
              "brand": "Ong Ba Vì",
              "stars": 4,
              "potentialFiveStar": true,
              "certification": {
                "decisionNo": "3292/QĐ-UBND",
                "issuer": "UBND Thành phố Hà Nội",
                "level": "PROVINCIAL",
                "issuedOn": "2025-09-15"
              },
              "producer": {"id": "P-0101", "name": "HTX Ong mật Ba Vì", "type": "COOPERATIVE", "taxCode": "0106543210"},
              "origin": {"provinceCode": "01", "provinceName": "Hà Nội", "communeCode": "09736",
                         "communeName": "xã Ba Vì", "addressText": "Thôn Yên Cắt, xã Ba Vì, Hà Nội"},
              "unit": "chai",
              "netContent": {"value": 500, "unit": "ml"},
              "grossWeightGrams": 820,
              "dimensionsCm": {"length": 8, "width": 8, "height": 19.5},
              "shelfLifeDays": 730,
              "storage": "Nơi khô ráo, tránh ánh nắng trực tiếp",
              "ingredients": "100% mật ong hoa nhãn",
              "price": {"retail": 185000, "wholesale": 150000, "vatRate": 5},
              "stock": 240,
              "images": ["https://cdn.ocop.hanoi.example/img/HN-BAVI-0042-1.jpg",
                         "https://cdn.ocop.hanoi.example/img/HN-BAVI-0042-2.jpg",
                         "https://cdn.ocop.hanoi.example/img/HN-BAVI-0042-3.jpg"],
              "traceabilityUrl": "https://truyxuat.hanoi.example/HN-BAVI-0042"
            }
            """;

    private static ObjectNode valid() {
        try {
            return (ObjectNode) MAPPER.readTree(VALID);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a dotted path ("certification.level") to a value; null removes the field. */
    private static ObjectNode with(ObjectNode root, String dottedPath, Object value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (value == null) {
            parent.remove(last);
        } else {
            parent.set(last, value instanceof JsonNode node ? node : MAPPER.valueToTree(value));
        }
        return root;
    }

    private static ObjectNode validWith(String dottedPath, Object value) {
        return with(valid(), dottedPath, value);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode images(String... urls) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String url : urls) {
            array.add(url);
        }
        return array;
    }

    @Nested
    class ValidListing {

        @Test
        void passesAndKeepsEveryField() {
            ValidationResult result = validator.validate(valid());

            assertThat(result.errors()).isEmpty();
            assertThat(result.valid()).isTrue();
            Listing listing = result.listing();
            assertThat(listing.ocopId()).isEqualTo("HN-BAVI-0042");
            assertThat(result.ocopIdOrNull()).isEqualTo("HN-BAVI-0042");
            assertThat(listing.version()).isEqualTo(3);
            assertThat(listing.gtin()).isEqualTo("8936045123454");
            assertThat(listing.group()).isEqualTo(ProductGroup.FOOD);
            assertThat(listing.subgroup()).isEqualTo("I.3.b");
            assertThat(listing.stars()).isEqualTo(4);
            assertThat(listing.potentialFiveStar()).isTrue();
            assertThat(listing.certification().level()).isEqualTo(CertificationLevel.PROVINCIAL);
            assertThat(listing.producer().type()).isEqualTo(ProducerType.COOPERATIVE);
            assertThat(listing.origin().communeCode()).isEqualTo("09736");
            assertThat(listing.netContent().value()).isEqualByComparingTo("500");
            assertThat(listing.netContent().unit()).isEqualTo(NetContentUnit.ml);
            assertThat(listing.grossWeightGrams()).isEqualTo(820);
            assertThat(listing.dimensionsCm().height()).isEqualByComparingTo(new BigDecimal("19.5"));
            assertThat(listing.shelfLifeDays()).isEqualTo(730);
            assertThat(listing.price().retail()).isEqualTo(185_000L);
            assertThat(listing.price().wholesale()).isEqualTo(150_000L);
            assertThat(listing.price().vatRate()).isEqualTo(VatRate.FIVE);
            assertThat(listing.stock()).isEqualTo(240);
            assertThat(listing.images()).hasSize(3);
            assertThat(listing.traceabilityUrl()).isEqualTo("https://truyxuat.hanoi.example/HN-BAVI-0042");
        }

        @Test
        void storesTextTrimmedAndNfcNormalised() {
            String decomposed = Normalizer.normalize("Chè búp Ba Trại", Normalizer.Form.NFD);
            assertThat(decomposed).isNotEqualTo("Chè búp Ba Trại");
            ObjectNode node = validWith("name.vi", "  " + decomposed + "\t");
            with(node, "producer.name", Normalizer.normalize(" HTX Chè Ba Trại ", Normalizer.Form.NFD));
            with(node, "unit", " hộp ");

            Listing listing = validator.validate(node).listing();

            assertThat(listing.name().vi()).isEqualTo("Chè búp Ba Trại");
            assertThat(Normalizer.isNormalized(listing.name().vi(), Normalizer.Form.NFC)).isTrue();
            assertThat(listing.producer().name()).isEqualTo("HTX Chè Ba Trại");
            assertThat(listing.unit()).isEqualTo("hộp");
        }

        @Test
        void countsLengthAfterNormalisation() {
            // 120 composed letters are 240 chars in NFD; only the composed length counts.
            String nfd = Normalizer.normalize("ệ".repeat(120), Normalizer.Form.NFD);
            assertThat(nfd.length()).isGreaterThan(120);

            assertThat(validator.validate(validWith("name.vi", nfd)).valid()).isTrue();
        }

        @Test
        void defaultsValidUntilTo36MonthsAfterIssue() {
            Listing listing = validator.validate(valid()).listing();

            assertThat(listing.certification().validUntil()).isEqualTo(LocalDate.of(2028, 9, 15));
            assertThat(listing.certification().status()).isEqualTo(CertificationStatus.ACTIVE);
        }

        @Test
        void keepsAGivenValidUntilAndStatus() {
            ObjectNode node = validWith("certification.validUntil", "2027-01-31");
            with(node, "certification.status", "REVOKED");

            Listing listing = validator.validate(node).listing();

            assertThat(listing.certification().validUntil()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(listing.certification().status()).isEqualTo(CertificationStatus.REVOKED);
        }

        @Test
        void leavesOptionalFieldsOutOrAtTheirDefaults() {
            ObjectNode node = valid();
            for (String optional : new String[] {"gtin", "subgroup", "brand", "potentialFiveStar", "netContent",
                    "grossWeightGrams", "dimensionsCm", "shelfLifeDays", "storage", "ingredients", "traceabilityUrl",
                    "name.en", "price.wholesale", "producer.taxCode", "origin.communeCode", "origin.communeName",
                    "origin.addressText"}) {
                with(node, optional, null);
            }
            with(node, "brand", "   "); // blank optional text means "not given"

            ValidationResult result = validator.validate(node);

            assertThat(result.errors()).isEmpty();
            Listing listing = result.listing();
            assertThat(listing.hasGtin()).isFalse();
            assertThat(listing.brand()).isNull();
            assertThat(listing.potentialFiveStar()).isFalse();
            assertThat(listing.netContent()).isNull();
            assertThat(listing.price().wholesale()).isNull();
        }

        @Test
        void acceptsExplicitNullsForOptionalFields() {
            ObjectNode node = validWith("gtin", JsonNodeFactory.instance.nullNode());
            with(node, "dimensionsCm", JsonNodeFactory.instance.nullNode());

            assertThat(validator.validate(node).errors()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "5", "8", "10", "\"0\"", "\"8\"", "\"KCT\"", "\"kct\"", "8.0"})
        void acceptsEveryVatRateAsNumberOrString(String vatRate) {
            assertThat(validator.validate(validWith("price.vatRate", json(vatRate))).errors()).isEmpty();
        }

        @Test
        void keepsKctApartFromZero() {
            assertThat(validator.validate(validWith("price.vatRate", "KCT")).listing().price().vatRate())
                    .isEqualTo(VatRate.KCT);
            assertThat(validator.validate(validWith("price.vatRate", 0)).listing().price().vatRate())
                    .isEqualTo(VatRate.ZERO);
        }

        @ParameterizedTest
        @ValueSource(strings = {"73513537", "036000291452", "10012345678902"})
        void acceptsGtin8And12And14(String gtin) {
            assertThat(validator.validate(validWith("gtin", gtin)).errors()).isEmpty();
        }

        @Test
        void acceptsFiveStarsWithNationalLevel() {
            ObjectNode node = validWith("stars", 5);
            with(node, "potentialFiveStar", false);
            with(node, "certification.level", "NATIONAL");

            assertThat(validator.validate(node).errors()).isEmpty();
        }

        @Test
        void acceptsNineImagesAndAStockOfZero() {
            ArrayNode nine = images();
            for (int i = 1; i <= 9; i++) {
                nine.add("https://cdn.ocop.hanoi.example/img/x-" + i + ".jpg");
            }
            ObjectNode node = validWith("images", nine);
            with(node, "stock", 0);

            assertThat(validator.validate(node).errors()).isEmpty();
        }

        @Test
        void buildsWithTheSystemClockOutsideSpring() {
            assertThat(ListingValidator.withSystemClock().validate(valid()).valid()).isTrue();
        }
    }

    @Nested
    class Expiry {

        @Test
        void marksAListingPastValidUntilExpiredWhateverItSays() {
            ObjectNode node = validWith("certification.issuedOn", "2023-06-01");
            with(node, "certification.status", "ACTIVE");

            Listing listing = validator.validate(node).listing();

            assertThat(listing.certification().validUntil()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(listing.certification().status()).isEqualTo(CertificationStatus.EXPIRED);
        }

        @Test
        void overridesRevokedToo() {
            ObjectNode node = validWith("certification.validUntil", "2026-11-21");
            with(node, "certification.status", "REVOKED");

            assertThat(validator.validate(node).listing().certification().status())
                    .isEqualTo(CertificationStatus.EXPIRED);
        }

        @Test
        void isStillValidOnItsLastDay() {
            ObjectNode node = validWith("certification.validUntil", "2026-11-22");

            assertThat(validator.validate(node).listing().certification().status())
                    .isEqualTo(CertificationStatus.ACTIVE);
        }

        @Test
        void judgesTheDateInHanoiNotUtc() {
            // 18:00 UTC on the 22nd is already 01:00 on the 23rd in Hà Nội.
            Clock lateEvening = Clock.fixed(Instant.parse("2026-11-22T18:00:00Z"), ZoneOffset.UTC);
            ObjectNode node = validWith("certification.validUntil", "2026-11-22");

            assertThat(new ListingValidator(lateEvening).validate(node).listing().certification().status())
                    .isEqualTo(CertificationStatus.EXPIRED);
        }
    }

    @Nested
    class Rejections {

        static Stream<Arguments> singleFieldViolations() {
            return Stream.of(
                    arguments("ocopId", null, "ocopId", "is required"),
                    arguments("ocopId", "hn-0042", "ocopId", "A–Z"),
                    arguments("ocopId", "HN-1", "ocopId", "6–40"),
                    arguments("ocopId", "-HN-0042", "ocopId", "starting with"),
                    arguments("ocopId", "HN_BAVI_0042", "ocopId", "A–Z"),
                    arguments("version", 0, "version", "at least 1"),
                    arguments("version", null, "version", "is required"),
                    arguments("sku", "", "sku", "must not be blank"),
                    arguments("sku", "S".repeat(41), "sku", "at most 40 characters"),
                    arguments("gtin", "8936045123455", "gtin", "check digit is wrong (expected 4)"),
                    arguments("gtin", "893604512345", "gtin", "check digit is wrong (expected 1)"),
                    arguments("gtin", "89360451234", "gtin", "8, 12, 13 or 14 digits"),
                    arguments("gtin", "893-604512345", "gtin", "only digits"),
                    arguments("name.vi", null, "name.vi", "is required"),
                    arguments("name.vi", "M".repeat(121), "name.vi", "at most 120 characters (got 121)"),
                    arguments("name.en", "H".repeat(121), "name.en", "at most 120"),
                    arguments("description.vi", "   ", "description.vi", "must not be blank"),
                    arguments("description.vi", "x".repeat(5001), "description.vi", "at most 5000"),
                    arguments("group", "FOODS", "group", "must be one of FOOD, BEVERAGE, HERBAL, HANDICRAFT"),
                    arguments("group", null, "group", "is required"),
                    arguments("subgroup", "3.b", "subgroup", "annex path"),
                    arguments("subgroup", "IIII.3.b", "subgroup", "annex path"),
                    arguments("subgroup", "I.3.bb", "subgroup", "annex path"),
                    arguments("stars", 2, "stars", "must be 3, 4 or 5"),
                    arguments("stars", 6, "stars", "must be 3, 4 or 5"),
                    arguments("certification.decisionNo", null, "certification.decisionNo", "is required"),
                    arguments("certification.issuer", "", "certification.issuer", "must not be blank"),
                    arguments("certification.level", "COMMUNE", "certification.level", "DISTRICT, PROVINCIAL, NATIONAL"),
                    arguments("certification.issuedOn", null, "certification.issuedOn", "is required"),
                    arguments("certification.issuedOn", "15/09/2025", "certification.issuedOn", "ISO date"),
                    arguments("certification.issuedOn", "2025-02-30", "certification.issuedOn", "ISO date"),
                    arguments("certification.validUntil", "2025-09-15", "certification.validUntil",
                            "must be after certification.issuedOn"),
                    arguments("certification.validUntil", "2024-01-01", "certification.validUntil",
                            "must be after certification.issuedOn"),
                    arguments("certification.status", "SUSPENDED", "certification.status", "ACTIVE, EXPIRED, REVOKED"),
                    arguments("producer.id", null, "producer.id", "is required"),
                    arguments("producer.id", "p".repeat(65), "producer.id", "at most 64"),
                    arguments("producer.name", null, "producer.name", "is required"),
                    arguments("producer.type", "FARMER", "producer.type", "ENTERPRISE, COOPERATIVE, COOPERATIVE_GROUP, HOUSEHOLD"),
                    arguments("producer.type", null, "producer.type", "is required"),
                    arguments("producer.taxCode", "010654321", "producer.taxCode", "10 digits"),
                    arguments("producer.taxCode", "0106543210-01", "producer.taxCode", "10 digits"),
                    arguments("origin.provinceCode", "1", "origin.provinceCode", "2 digits"),
                    arguments("origin.provinceCode", null, "origin.provinceCode", "is required"),
                    arguments("origin.provinceName", null, "origin.provinceName", "is required"),
                    arguments("origin.communeCode", "9736", "origin.communeCode", "5 digits"),
                    arguments("unit", " ", "unit", "must not be blank"),
                    arguments("unit", "u".repeat(21), "unit", "at most 20"),
                    arguments("netContent.value", 0, "netContent.value", "greater than 0"),
                    arguments("netContent.value", -250, "netContent.value", "greater than 0"),
                    arguments("netContent.unit", "lít", "netContent.unit", "must be one of g, kg, ml, l, piece"),
                    arguments("netContent.unit", null, "netContent.unit", "is required"),
                    arguments("grossWeightGrams", 0, "grossWeightGrams", "at least 1"),
                    arguments("dimensionsCm.height", 0, "dimensionsCm.height", "greater than 0"),
                    arguments("dimensionsCm.width", null, "dimensionsCm.width", "is required"),
                    arguments("shelfLifeDays", 0, "shelfLifeDays", "at least 1"),
                    arguments("storage", "s".repeat(2001), "storage", "at most 2000"),
                    arguments("ingredients", "i".repeat(2001), "ingredients", "at most 2000"),
                    arguments("price.retail", 0, "price.retail", "greater than 0"),
                    arguments("price.retail", null, "price.retail", "is required"),
                    arguments("price.wholesale", 0, "price.wholesale", "greater than 0"),
                    arguments("price.wholesale", 185001, "price.wholesale", "must not be above price.retail"),
                    arguments("price.vatRate", 7, "price.vatRate", "must be one of 0, 5, 8, 10 or \"KCT\""),
                    arguments("price.vatRate", "8%", "price.vatRate", "must be one of 0, 5, 8, 10"),
                    arguments("price.vatRate", 8.5, "price.vatRate", "must be one of"),
                    arguments("price.vatRate", null, "price.vatRate", "is required"),
                    arguments("stock", -1, "stock", "must not be negative"),
                    arguments("stock", null, "stock", "is required"),
                    arguments("stock", 3_000_000_000L, "stock", "at most 2147483647"),
                    arguments("images", null, "images", "is required"),
                    arguments("traceabilityUrl", "http://truyxuat.hanoi.example/x", "traceabilityUrl", "https URL"),
                    arguments("traceabilityUrl", "truyxuat.hanoi.example/x", "traceabilityUrl", "https URL"));
        }

        @ParameterizedTest(name = "{0} = {1} -> {2} {3}")
        @MethodSource("singleFieldViolations")
        void rejectsWithThePathAndReason(String field, Object value, String path, String reason) {
            ValidationResult result = validator.validate(validWith(field, value));

            assertThat(result.valid()).isFalse();
            assertThat(result.listing()).isNull();
            assertThat(result.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(path);
                assertThat(error.message()).contains(reason);
            });
        }

        @Test
        void rejectsFiveStarsBelowNationalLevel() {
            ObjectNode node = validWith("stars", 5);
            with(node, "potentialFiveStar", null);

            assertThat(validator.validate(node).errors()).containsExactly(new FieldError("certification.level",
                    "5-star certificates are issued nationally: level must be NATIONAL"));
        }

        @Test
        void rejectsPotentialFiveStarOnAThreeStarProduct() {
            ObjectNode node = validWith("stars", 3);

            assertThat(validator.validate(node).errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("potentialFiveStar");
                assertThat(error.message()).contains("only allowed with stars = 4");
            });
        }

        @Test
        void acceptsPotentialFiveStarFalseOnAnyStars() {
            ObjectNode node = validWith("stars", 3);
            with(node, "potentialFiveStar", false);

            assertThat(validator.validate(node).errors()).isEmpty();
        }

        @Test
        void reportsTheIndexOfANonHttpsImage() {
            ObjectNode node = validWith("images", images(
                    "https://cdn.ocop.hanoi.example/img/a.jpg",
                    "https://cdn.ocop.hanoi.example/img/b.jpg",
                    "http://cdn.ocop.hanoi.example/img/c.jpg"));

            assertThat(validator.validate(node).errors())
                    .containsExactly(new FieldError("images[2]", "must be an https URL"));
        }

        @Test
        void reportsEveryBadImage() {
            ObjectNode node = validWith("images", images("ftp://x.example/a.jpg", "https://x.example/b.jpg", ""));
            ((ArrayNode) node.get("images")).add(42);

            assertThat(validator.validate(node).errors()).extracting(FieldError::field)
                    .containsExactly("images[0]", "images[2]", "images[3]");
        }

        @Test
        void rejectsTenImages() {
            ArrayNode ten = images();
            for (int i = 1; i <= 10; i++) {
                ten.add("https://cdn.ocop.hanoi.example/img/x-" + i + ".jpg");
            }

            assertThat(validator.validate(validWith("images", ten)).errors())
                    .containsExactly(new FieldError("images", "must contain at most 9 images (got 10)"));
        }

        @Test
        void rejectsNoImages() {
            assertThat(validator.validate(validWith("images", images())).errors())
                    .containsExactly(new FieldError("images", "must contain at least 1 image"));
        }

        @Test
        void rejectsFractionalPrices() {
            assertThat(validator.validate(validWith("price.retail", 12000.5)).errors())
                    .containsExactly(new FieldError("price.retail", "must be a whole number of VND"));
            assertThat(validator.validate(validWith("price.retail", json("12000.0"))).errors())
                    .containsExactly(new FieldError("price.retail", "must be a whole number of VND"));
            assertThat(validator.validate(validWith("price.wholesale", 9999.99)).errors())
                    .containsExactly(new FieldError("price.wholesale", "must be a whole number of VND"));
        }
    }

    @Nested
    class WrongTypes {

        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    arguments("ocopId", "42", "ocopId", "must be a string"),
                    arguments("version", "\"3\"", "version", "must be a number"),
                    arguments("version", "3.5", "version", "must be a whole number"),
                    arguments("gtin", "8936045123454", "gtin", "must be a string"),
                    arguments("name", "\"Mật ong\"", "name", "must be an object"),
                    arguments("name.vi", "[\"Mật ong\"]", "name.vi", "must be a string"),
                    arguments("stars", "\"4\"", "stars", "must be a number"),
                    arguments("stars", "4.5", "stars", "must be 3, 4 or 5"),
                    arguments("potentialFiveStar", "\"true\"", "potentialFiveStar", "must be true or false"),
                    arguments("certification", "[]", "certification", "must be an object"),
                    arguments("certification.issuedOn", "20250915", "certification.issuedOn", "must be a string"),
                    arguments("producer.type", "1", "producer.type", "must be a string"),
                    arguments("netContent", "500", "netContent", "must be an object"),
                    arguments("netContent.value", "\"500\"", "netContent.value", "must be a number"),
                    arguments("grossWeightGrams", "\"820\"", "grossWeightGrams", "must be a number"),
                    arguments("grossWeightGrams", "820.5", "grossWeightGrams", "must be a whole number"),
                    arguments("dimensionsCm.length", "true", "dimensionsCm.length", "must be a number"),
                    arguments("price", "185000", "price", "must be an object"),
                    arguments("price.retail", "\"185000\"", "price.retail", "must be a number"),
                    arguments("price.vatRate", "true", "price.vatRate", "must be one of"),
                    arguments("stock", "\"240\"", "stock", "must be a number"),
                    arguments("stock", "99999999999999999999999", "stock", "is too large"),
                    arguments("images", "\"https://cdn.ocop.hanoi.example/img/a.jpg\"", "images",
                            "must be an array of https URLs"),
                    arguments("images", "[{\"url\": \"https://x.example/a.jpg\"}]", "images[0]", "must be a string"),
                    arguments("traceabilityUrl", "{}", "traceabilityUrl", "must be a string"));
        }

        @ParameterizedTest(name = "{0} = {1} -> {2} {3}")
        @MethodSource("wrongTypes")
        void reportsAFieldErrorInsteadOfThrowing(String field, String jsonValue, String path, String reason) {
            ValidationResult result = validator.validate(validWith(field, json(jsonValue)));

            assertThat(result.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(path);
                assertThat(error.message()).contains(reason);
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"listing\"", "42", "null", "true"})
        void rejectsANonObjectBodyWithOneRootError(String body) {
            ValidationResult result = validator.validate(json(body));

            assertThat(result.errors()).containsExactly(new FieldError("$", "must be a JSON object"));
            assertThat(result.ocopIdOrNull()).isNull();
        }

        @Test
        void rejectsAJavaNull() {
            assertThat(validator.validate(null).errors()).containsExactly(new FieldError("$", "must be a JSON object"));
        }

        @Test
        void reportsEachRequiredFieldOfAMissingSection() {
            ValidationResult result = validator.validate(validWith("certification", null));

            assertThat(result.errors()).extracting(FieldError::field).containsExactly(
                    "certification.decisionNo", "certification.issuer", "certification.level",
                    "certification.issuedOn");
        }

        @Test
        void anEmptyObjectListsEveryRequiredField() {
            ValidationResult result = validator.validate(MAPPER.createObjectNode());

            assertThat(result.errors()).extracting(FieldError::field).containsExactly(
                    "ocopId", "version", "sku", "name.vi", "description.vi", "group", "stars",
                    "certification.decisionNo", "certification.issuer", "certification.level",
                    "certification.issuedOn", "producer.id", "producer.name", "producer.type",
                    "origin.provinceCode", "origin.provinceName", "unit", "price.retail", "price.vatRate",
                    "stock", "images");
            assertThat(result.errors()).allSatisfy(error -> assertThat(error.message()).isEqualTo("is required"));
        }
    }

    @Nested
    class SeveralErrors {

        @Test
        void reportsEveryBadFieldInOnePass() {
            ObjectNode node = validWith("ocopId", "HN-BAVI-0042");
            with(node, "gtin", "8936045123450");
            with(node, "name.vi", "");
            with(node, "stars", 5);
            with(node, "certification.validUntil", "2025-01-01");
            with(node, "producer.taxCode", "abc");
            with(node, "price.retail", 12000.5);
            with(node, "price.vatRate", 7);
            with(node, "stock", "many");
            with(node, "images", images("https://a.example/1.jpg", "https://a.example/2.jpg", "http://a.example/3.jpg"));

            ValidationResult result = validator.validate(node);

            assertThat(result.valid()).isFalse();
            assertThat(result.listing()).isNull();
            assertThat(result.ocopIdOrNull()).isEqualTo("HN-BAVI-0042");
            assertThat(result.errors()).extracting(FieldError::field).containsExactly(
                    "gtin", "name.vi", "potentialFiveStar", "certification.level", "certification.validUntil",
                    "producer.taxCode", "price.retail", "price.vatRate", "stock", "images[2]");
            assertThat(result.errors()).filteredOn(error -> error.field().equals("gtin"))
                    .extracting(FieldError::message).containsExactly("check digit is wrong (expected 4)");
        }

        @Test
        void keepsTheRawOcopIdOfARejectedRecordEvenIfMalformed() {
            ObjectNode node = validWith("ocopId", " hn-bavi-0042 ");
            with(node, "stock", -5);

            ValidationResult result = validator.validate(node);

            assertThat(result.errors()).extracting(FieldError::field).containsExactly("ocopId", "stock");
            assertThat(result.ocopIdOrNull()).isEqualTo("hn-bavi-0042");
        }
    }
}
