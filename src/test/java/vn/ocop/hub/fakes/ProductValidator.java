package vn.ocop.hub.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The body rules of Postmart's product, inventory and price requests (project contract). */
final class ProductValidator {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_IMAGES = 9;

    private static final Set<String> PRODUCT_FIELDS = Set.of("sellerSku", "name", "description", "categoryCode",
            "price", "stock", "unit", "weightGrams", "images", "gtin", "brand", "ocop", "origin", "producer");
    private static final Set<String> OCOP_FIELDS = Set.of("ocopId", "stars", "decisionNo", "validUntil",
            "traceabilityUrl");
    private static final Set<String> ORIGIN_FIELDS = Set.of("provinceCode", "provinceName", "addressText");
    private static final Set<String> PRODUCER_FIELDS = Set.of("id", "name");

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PROVINCE_CODE = Pattern.compile("[0-9]{2}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private ProductValidator() {
    }

    static List<FieldViolation> product(JsonNode body, String pathSellerSku) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!body.isObject()) {
            return List.of(new FieldViolation("$", "must be a JSON object"));
        }
        FieldChecker product = new FieldChecker(body, "", violations);
        product.rejectUnknown(PRODUCT_FIELDS);
        product.requiredText("sellerSku")
                .filter(sku -> !sku.equals(pathSellerSku))
                .ifPresent(sku -> product.reject("sellerSku", "must equal the sellerSku in the path"));
        product.requiredText("name")
                .filter(name -> name.codePointCount(0, name.length()) > MAX_NAME_LENGTH)
                .ifPresent(name -> product.reject("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        product.requiredText("description");
        product.requiredText("categoryCode");
        product.requiredInteger("price", 1);
        product.requiredInteger("stock", 0);
        product.requiredText("unit");
        product.requiredInteger("weightGrams", 1);
        images(product);
        product.optionalText("gtin")
                .filter(gtin -> !DIGITS.matcher(gtin).matches())
                .ifPresent(gtin -> product.reject("gtin", "must contain only digits"));
        product.optionalText("brand");
        product.requiredObject("ocop").ifPresent(ProductValidator::ocop);
        product.requiredObject("origin").ifPresent(ProductValidator::origin);
        product.requiredObject("producer").ifPresent(ProductValidator::producer);
        return violations;
    }

    static List<FieldViolation> inventory(JsonNode body) {
        return singleInteger(body, "quantity", 0);
    }

    static List<FieldViolation> price(JsonNode body) {
        return singleInteger(body, "price", 1);
    }

    private static List<FieldViolation> singleInteger(JsonNode body, String field, long minimum) {
        if (!body.isObject()) {
            return List.of(new FieldViolation("$", "must be a JSON object"));
        }
        List<FieldViolation> violations = new ArrayList<>();
        FieldChecker checker = new FieldChecker(body, "", violations);
        checker.rejectUnknown(Set.of(field));
        checker.requiredInteger(field, minimum);
        return violations;
    }

    private static void images(FieldChecker product) {
        product.requiredArray("images").ifPresent(images -> {
            if (images.isEmpty() || images.size() > MAX_IMAGES) {
                product.reject("images", "must contain 1 to " + MAX_IMAGES + " images");
            }
            for (int i = 0; i < images.size(); i++) {
                String path = product.path("images") + "[" + i + "]";
                product.text(path, images.get(i))
                        .filter(url -> !isHttpsUrl(url))
                        .ifPresent(url -> product.rejectPath(path, "must be an https URL"));
            }
        });
    }

    private static void ocop(FieldChecker ocop) {
        ocop.rejectUnknown(OCOP_FIELDS);
        ocop.requiredText("ocopId");
        ocop.requiredInteger("stars").ifPresent(stars -> {
            if (stars < 3 || stars > 5) {
                ocop.reject("stars", "must be 3, 4 or 5");
            }
        });
        ocop.requiredText("decisionNo");
        ocop.requiredText("validUntil")
                .filter(date -> !isIsoDate(date))
                .ifPresent(date -> ocop.reject("validUntil", "must be a date yyyy-MM-dd"));
        ocop.optionalText("traceabilityUrl")
                .filter(url -> !isHttpsUrl(url))
                .ifPresent(url -> ocop.reject("traceabilityUrl", "must be an https URL"));
    }

    private static void origin(FieldChecker origin) {
        origin.rejectUnknown(ORIGIN_FIELDS);
        origin.requiredText("provinceCode")
                .filter(code -> !PROVINCE_CODE.matcher(code).matches())
                .ifPresent(code -> origin.reject("provinceCode", "must be 2 digits"));
        origin.requiredText("provinceName");
        origin.optionalText("addressText");
    }

    private static void producer(FieldChecker producer) {
        producer.rejectUnknown(PRODUCER_FIELDS);
        producer.requiredText("id");
        producer.requiredText("name");
    }

    /** ASCII only: a URL with raw Vietnamese letters was not percent-encoded by the sender. */
    static boolean isHttpsUrl(String value) {
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The pattern first, because LocalDate.parse also accepts signed years beyond 9999. */
    private static boolean isIsoDate(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
