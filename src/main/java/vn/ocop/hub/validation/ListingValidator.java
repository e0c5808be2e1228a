package vn.ocop.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.springframework.stereotype.Component;
import vn.ocop.hub.model.CertificationLevel;
import vn.ocop.hub.model.CertificationStatus;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.Listing.Certification;
import vn.ocop.hub.model.Listing.Dimensions;
import vn.ocop.hub.model.Listing.LocalizedText;
import vn.ocop.hub.model.Listing.NetContent;
import vn.ocop.hub.model.Listing.Origin;
import vn.ocop.hub.model.Listing.Price;
import vn.ocop.hub.model.Listing.Producer;
import vn.ocop.hub.model.NetContentUnit;
import vn.ocop.hub.model.ProducerType;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.model.VatRate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a listing as sent (raw JSON) against canonical-model.md and builds the normalised
 * {@link Listing}. It reads the tree field by field instead of binding it, so that a producer
 * sees every problem of a record at once, each with its JSON path, and wrong JSON types end up
 * as field errors rather than as a binding exception about the first one.
 */
@Component
public class ListingValidator {

    /** Certificates are dated in Vietnamese local time, so "today" must be too. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int CERTIFICATE_VALIDITY_MONTHS = 36;
    public static final int MAX_IMAGES = 9;

    private static final Pattern OCOP_ID = Pattern.compile("^[A-Z0-9][A-Z0-9-]{5,39}$");
    // Annex path of Decision 148/QĐ-TTg: roman numeral (I–X is ample), item number, optional letter.
    private static final Pattern SUBGROUP = Pattern.compile("^(?:I{1,3}|IV|VI{0,3}|IX|X)\\.[1-9][0-9]?(?:\\.[a-z])?$");
    private static final Pattern TAX_CODE = Pattern.compile("^\\d{10}(?:-\\d{3})?$");
    private static final Pattern PROVINCE_CODE = Pattern.compile("^\\d{2}$");
    private static final Pattern COMMUNE_CODE = Pattern.compile("^\\d{5}$");

    private static final String NOT_WHOLE_VND = "must be a whole number of VND";

    private final Clock clock;

    public ListingValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For code outside Spring (tools, tests) that has no clock to hand. */
    public static ListingValidator withSystemClock() {
        return new ListingValidator(Clock.systemUTC());
    }

    public ValidationResult validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            return ValidationResult.rejected(null, List.of(new FieldError("$", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Fields root = new Fields(node, "", errors, false);

        String ocopId = root.text("ocopId", Presence.REQUIRED, 40,
                OCOP_ID, "must be 6–40 characters of A–Z, 0–9 or '-', starting with a letter or digit");
        Long version = root.wholeNumber("version", Presence.REQUIRED, "must be a whole number");
        if (version != null && version < 1) {
            root.error("version", "must be at least 1");
        }
        String sku = root.text("sku", Presence.REQUIRED, 40);
        String gtin = gtin(root);
        LocalizedText name = localized(root.section("name"), 120);
        LocalizedText description = localized(root.section("description"), 5000);
        ProductGroup group = root.choice("group", Presence.REQUIRED, ProductGroup.class);
        String subgroup = root.text("subgroup", Presence.OPTIONAL, 20,
                SUBGROUP, "must be an annex path such as I.3.b (roman numeral, number, optional letter)");
        String brand = root.text("brand", Presence.OPTIONAL, 120);
        Integer stars = stars(root);
        Boolean potentialFiveStar = root.flag("potentialFiveStar");
        if (Boolean.TRUE.equals(potentialFiveStar) && stars != null && stars != 4) {
            root.error("potentialFiveStar", "is only allowed with stars = 4 (got " + stars + ")");
        }
        Certification certification = certification(root.section("certification"), stars);
        Producer producer = producer(root.section("producer"));
        Origin origin = origin(root.section("origin"));
        String unit = root.text("unit", Presence.REQUIRED, 20);
        NetContent netContent = root.present("netContent") ? netContent(root.section("netContent")) : null;
        Integer grossWeightGrams = root.integer("grossWeightGrams", Presence.OPTIONAL, 1);
        Dimensions dimensions = root.present("dimensionsCm") ? dimensions(root.section("dimensionsCm")) : null;
        Integer shelfLifeDays = root.integer("shelfLifeDays", Presence.OPTIONAL, 1);
        String storage = root.text("storage", Presence.OPTIONAL, 2000);
        String ingredients = root.text("ingredients", Presence.OPTIONAL, 2000);
        Price price = price(root.section("price"));
        Integer stock = root.integer("stock", Presence.REQUIRED, 0);
        List<String> images = root.httpsUrls("images", 1, MAX_IMAGES);
        String traceabilityUrl = root.httpsUrl("traceabilityUrl", Presence.OPTIONAL);

        if (!errors.isEmpty()) {
            return ValidationResult.rejected(rawOcopId(node), errors);
        }
        // Every required value is non-null here: a missing one would have produced an error.
        return ValidationResult.accepted(new Listing(ocopId, version, sku, gtin, name, description, group,
                subgroup, brand, stars, Boolean.TRUE.equals(potentialFiveStar), certification, producer, origin,
                unit, netContent, grossWeightGrams, dimensions, shelfLifeDays, storage, ingredients, price, stock,
                images, traceabilityUrl));
    }

    /** The date the certificate's validity is judged against. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VIETNAM);
    }

    private static String rawOcopId(JsonNode node) {
        JsonNode id = node.path("ocopId");
        if (id.isTextual() || id.isNumber()) {
            String text = id.asText().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static String gtin(Fields root) {
        String gtin = root.text("gtin", Presence.OPTIONAL, Integer.MAX_VALUE);
        if (gtin == null) {
            return null;
        }
        if (!Gtin.isDigits(gtin)) {
            root.error("gtin", "must contain only digits");
        } else if (!Gtin.hasAllowedLength(gtin)) {
            root.error("gtin", "must have 8, 12, 13 or 14 digits (got " + gtin.length() + ")");
        } else if (!Gtin.hasValidCheckDigit(gtin)) {
            int expected = Gtin.checkDigit(gtin.substring(0, gtin.length() - 1));
            root.error("gtin", "check digit is wrong (expected " + expected + ")");
        } else {
            return gtin;
        }
        return null;
    }

    private static LocalizedText localized(Fields text, int maxLength) {
        return new LocalizedText(text.text("vi", Presence.REQUIRED, maxLength),
                text.text("en", Presence.OPTIONAL, maxLength));
    }

    private static Integer stars(Fields root) {
        Long stars = root.wholeNumber("stars", Presence.REQUIRED, "must be 3, 4 or 5");
        if (stars == null) {
            return null;
        }
        if (stars < 3 || stars > 5) {
            root.error("stars", "must be 3, 4 or 5");
            return null;
        }
        return stars.intValue();
    }

    private Certification certification(Fields certification, Integer stars) {
        String decisionNo = certification.text("decisionNo", Presence.REQUIRED, 80);
        String issuer = certification.text("issuer", Presence.REQUIRED, 200);
        CertificationLevel level = certification.choice("level", Presence.REQUIRED, CertificationLevel.class);
        if (stars != null && stars == 5 && level != null && level != CertificationLevel.NATIONAL) {
            certification.error("level", "5-star certificates are issued nationally: level must be NATIONAL");
        }
        LocalDate issuedOn = certification.date("issuedOn", Presence.REQUIRED);
        LocalDate validUntil = certification.date("validUntil", Presence.OPTIONAL);
        if (validUntil == null && issuedOn != null) {
            validUntil = issuedOn.plusMonths(CERTIFICATE_VALIDITY_MONTHS);
        } else if (validUntil != null && issuedOn != null && !validUntil.isAfter(issuedOn)) {
            certification.error("validUntil", "must be after certification.issuedOn (" + issuedOn + ")");
        }
        CertificationStatus status = certification.choice("status", Presence.OPTIONAL, CertificationStatus.class);
        if (status == null) {
            status = CertificationStatus.ACTIVE;
        }
        // The office does not always resend a listing when a certificate lapses; the date decides.
        if (validUntil != null && validUntil.isBefore(today())) {
            status = CertificationStatus.EXPIRED;
        }
        return new Certification(decisionNo, issuer, level, issuedOn, validUntil, status);
    }

    private static Producer producer(Fields producer) {
        return new Producer(
                producer.text("id", Presence.REQUIRED, 64),
                producer.text("name", Presence.REQUIRED, 200),
                producer.choice("type", Presence.REQUIRED, ProducerType.class),
                producer.text("taxCode", Presence.OPTIONAL, 14,
                        TAX_CODE, "must be 10 digits, optionally followed by '-' and 3 digits (0101234567-001)"));
    }

    private static Origin origin(Fields origin) {
        return new Origin(
                origin.text("provinceCode", Presence.REQUIRED, 2, PROVINCE_CODE, "must be 2 digits (Hà Nội is 01)"),
                origin.text("provinceName", Presence.REQUIRED, 100),
                origin.text("communeCode", Presence.OPTIONAL, 5, COMMUNE_CODE, "must be 5 digits"),
                origin.text("communeName", Presence.OPTIONAL, 100),
                origin.text("addressText", Presence.OPTIONAL, 500));
    }

    private static NetContent netContent(Fields netContent) {
        return new NetContent(netContent.positiveNumber("value", Presence.REQUIRED),
                netContent.choice("unit", Presence.REQUIRED, NetContentUnit.class));
    }

    private static Dimensions dimensions(Fields dimensions) {
        // A partial box is useless for shipping fees, so all three are needed once the object is sent.
        return new Dimensions(dimensions.positiveNumber("length", Presence.REQUIRED),
                dimensions.positiveNumber("width", Presence.REQUIRED),
                dimensions.positiveNumber("height", Presence.REQUIRED));
    }

    private static Price price(Fields price) {
        Long retail = price.wholeNumber("retail", Presence.REQUIRED, NOT_WHOLE_VND);
        if (retail != null && retail <= 0) {
            price.error("retail", "must be greater than 0");
            retail = null;
        }
        Long wholesale = price.wholeNumber("wholesale", Presence.OPTIONAL, NOT_WHOLE_VND);
        if (wholesale != null && wholesale <= 0) {
            price.error("wholesale", "must be greater than 0");
        } else if (wholesale != null && retail != null && wholesale > retail) {
            price.error("wholesale", "must not be above price.retail (" + retail + ")");
        }
        return new Price(retail == null ? 0 : retail, wholesale, vatRate(price));
    }

    private static VatRate vatRate(Fields price) {
        JsonNode value = price.value("vatRate", Presence.REQUIRED);
        if (value == null) {
            return null;
        }
        String label = null;
        if (value.isNumber()) {
            // 8 and 8.0 are the same rate; 8.5 is no rate at all.
            label = value.decimalValue().stripTrailingZeros().toPlainString();
        } else if (value.isTextual()) {
            label = normalize(value.textValue());
        }
        if (label != null) {
            for (VatRate rate : VatRate.values()) {
                if (rate.label().equalsIgnoreCase(label)) {
                    return rate;
                }
            }
        }
        price.error("vatRate", "must be one of 0, 5, 8, 10 or \"KCT\"");
        return null;
    }

    /** Trim (Unicode-aware) and compose, so "Chè" typed on a Mac equals "Chè" typed on Windows. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private enum Presence { REQUIRED, OPTIONAL }

    /**
     * Typed reads of one JSON object's fields that record a {@link FieldError} (with the full
     * path) instead of throwing, and return null when the value cannot be used.
     * A section whose object had the wrong type is "broken": its own error is already recorded,
     * so its fields stay silent rather than each repeating "is required".
     */
    private static final class Fields {
        private final JsonNode object;
        private final String prefix;
        private final List<FieldError> errors;
        private final boolean broken;

        Fields(JsonNode object, String prefix, List<FieldError> errors, boolean broken) {
            this.object = object;
            this.prefix = prefix;
            this.errors = errors;
            this.broken = broken;
        }

        /** A nested object; an absent one reads as empty so its required fields are reported by path. */
        Fields section(String name) {
            JsonNode value = broken ? MissingNode.getInstance() : object.path(name);
            String childPrefix = path(name) + ".";
            if (isAbsent(value)) {
                return new Fields(MissingNode.getInstance(), childPrefix, errors, broken);
            }
            if (!value.isObject()) {
                error(name, "must be an object");
                return new Fields(MissingNode.getInstance(), childPrefix, errors, true);
            }
            return new Fields(value, childPrefix, errors, false);
        }

        boolean present(String name) {
            return !broken && !isAbsent(object.path(name));
        }

        /** The raw value, or null (after reporting "is required" if it must be there). */
        JsonNode value(String name, Presence presence) {
            if (broken) {
                return null;
            }
            JsonNode value = object.path(name);
            if (isAbsent(value)) {
                if (presence == Presence.REQUIRED) {
                    error(name, "is required");
                }
                return null;
            }
            return value;
        }

        String text(String name, Presence presence, int maxLength) {
            JsonNode value = value(name, presence);
            return value == null ? null : text(value, path(name), presence, maxLength);
        }

        String text(String name, Presence presence, int maxLength, Pattern pattern, String patternMessage) {
            String text = text(name, presence, maxLength);
            if (text != null && !pattern.matcher(text).matches()) {
                error(name, patternMessage);
                return null;
            }
            return text;
        }

        <E extends Enum<E>> E choice(String name, Presence presence, Class<E> type) {
            String text = text(name, presence, Integer.MAX_VALUE);
            if (text == null) {
                return null;
            }
            E[] constants = type.getEnumConstants();
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            error(name, "must be one of " + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }

        LocalDate date(String name, Presence presence) {
            String text = text(name, presence, Integer.MAX_VALUE);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(name, "must be an ISO date (YYYY-MM-DD)");
                return null;
            }
        }

        Boolean flag(String name) {
            JsonNode value = value(name, Presence.OPTIONAL);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                error(name, "must be true or false");
                return null;
            }
            return value.booleanValue();
        }

        Long wholeNumber(String name, Presence presence, String notWholeMessage) {
            JsonNode value = value(name, presence);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                error(name, "must be a number");
                return null;
            }
            // 12000.0 counts as fractional on purpose: it shows the sender computes in floating point.
            if (!value.isIntegralNumber()) {
                error(name, notWholeMessage);
                return null;
            }
            if (!value.canConvertToLong()) {
                error(name, "is too large");
                return null;
            }
            return value.longValue();
        }

        Integer integer(String name, Presence presence, int min) {
            Long value = wholeNumber(name, presence, "must be a whole number");
            if (value == null) {
                return null;
            }
            if (value < min) {
                error(name, min == 0 ? "must not be negative" : "must be at least " + min);
                return null;
            }
            if (value > Integer.MAX_VALUE) {
                error(name, "must be at most " + Integer.MAX_VALUE);
                return null;
            }
            return value.intValue();
        }

        BigDecimal positiveNumber(String name, Presence presence) {
            JsonNode value = value(name, presence);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                error(name, "must be a number");
                return null;
            }
            BigDecimal number = value.decimalValue();
            if (number.signum() <= 0) {
                error(name, "must be greater than 0");
                return null;
            }
            return number;
        }

        String httpsUrl(String name, Presence presence) {
            JsonNode value = value(name, presence);
            return value == null ? null : httpsUrl(value, path(name), presence);
        }

        List<String> httpsUrls(String name, int min, int max) {
            JsonNode value = value(name, Presence.REQUIRED);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                error(name, "must be an array of https URLs");
                return null;
            }
            if (value.size() < min) {
                error(name, "must contain at least " + min + (min == 1 ? " image" : " images"));
            } else if (value.size() > max) {
                error(name, "must contain at most " + max + " images (got " + value.size() + ")");
            }
            List<String> urls = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                urls.add(httpsUrl(value.get(i), path(name) + "[" + i + "]", Presence.REQUIRED));
            }
            return urls.contains(null) ? null : List.copyOf(urls);
        }

        void error(String name, String message) {
            errorAt(path(name), message);
        }

        private String httpsUrl(JsonNode value, String path, Presence presence) {
            if (isAbsent(value)) {
                if (presence == Presence.REQUIRED) {
                    errorAt(path, "is required");
                }
                return null;
            }
            String text = text(value, path, presence, 2000);
            if (text != null && !isHttpsUrl(text)) {
                errorAt(path, "must be an https URL");
                return null;
            }
            return text;
        }

        private String text(JsonNode value, String path, Presence presence, int maxLength) {
            if (!value.isTextual()) {
                errorAt(path, "must be a string");
                return null;
            }
            String text = normalize(value.textValue());
            if (text.isEmpty()) {
                // An empty optional field means "not given", as it does in the chains' spreadsheets.
                if (presence == Presence.REQUIRED) {
                    errorAt(path, "must not be blank");
                }
                return null;
            }
            int length = text.codePointCount(0, text.length());
            if (length > maxLength) {
                errorAt(path, "must be at most " + maxLength + " characters (got " + length + ")");
                return null;
            }
            return text;
        }

        private void errorAt(String path, String message) {
            errors.add(new FieldError(path, message));
        }

        private String path(String name) {
            return prefix + name;
        }

        private static boolean isAbsent(JsonNode value) {
            return value == null || value.isMissingNode() || value.isNull();
        }
    }
}
