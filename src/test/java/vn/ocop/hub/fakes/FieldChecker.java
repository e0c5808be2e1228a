package vn.ocop.hub.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the fields of one JSON object and collects every violation instead of stopping at the
 * first, because Postmart reports all rejected fields in one answer. A field that fails its
 * basic check (presence, type, text hygiene) yields no value, so the caller's finer rules never
 * add a second, confusing error for the same field.
 */
final class FieldChecker {

    private final JsonNode object;
    private final String prefix;
    private final List<FieldViolation> violations;

    FieldChecker(JsonNode object, String prefix, List<FieldViolation> violations) {
        this.object = object;
        this.prefix = prefix;
        this.violations = violations;
    }

    String path(String name) {
        return prefix + name;
    }

    void reject(String name, String message) {
        rejectPath(path(name), message);
    }

    void rejectPath(String fieldPath, String message) {
        violations.add(new FieldViolation(fieldPath, message));
    }

    /** Unknown fields are refused so that a misspelt optional field cannot vanish silently. */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(name, "is not a known field");
            }
        }
    }

    Optional<String> requiredText(String name) {
        return present(name, true).flatMap(node -> text(path(name), node));
    }

    /** Absent and null both mean "not given"; a blank value is refused: the hub should omit it. */
    Optional<String> optionalText(String name) {
        return present(name, false).flatMap(node -> text(path(name), node));
    }

    /** Text checks shared by fields and array elements. */
    Optional<String> text(String fieldPath, JsonNode node) {
        if (!node.isTextual()) {
            rejectPath(fieldPath, "must be a string");
            return Optional.empty();
        }
        String value = node.textValue();
        if (value.isBlank()) {
            rejectPath(fieldPath, "must not be blank");
        } else if (hasUnpairedSurrogate(value)) {
            rejectPath(fieldPath, "is not valid Unicode");
        } else if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            rejectPath(fieldPath, "must be NFC-normalised");
        } else {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    /** Integers only: 1000.0 and 1e3 are refused because Postmart prices and counts are whole numbers. */
    OptionalLong requiredInteger(String name) {
        Optional<JsonNode> node = present(name, true);
        if (node.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode value = node.get();
        if (!value.isNumber() || !value.isIntegralNumber()) {
            reject(name, "must be an integer");
        } else if (!value.canConvertToLong()) {
            reject(name, "is too large");
        } else {
            return OptionalLong.of(value.longValue());
        }
        return OptionalLong.empty();
    }

    void requiredInteger(String name, long minimum) {
        requiredInteger(name).ifPresent(value -> {
            if (value < minimum) {
                reject(name, minimum == 1 ? "must be greater than 0" : "must be at least " + minimum);
            }
        });
    }

    Optional<FieldChecker> requiredObject(String name) {
        return present(name, true).flatMap(node -> {
            if (!node.isObject()) {
                reject(name, "must be an object");
                return Optional.empty();
            }
            return Optional.of(new FieldChecker(node, path(name) + ".", violations));
        });
    }

    Optional<JsonNode> requiredArray(String name) {
        return present(name, true).flatMap(node -> {
            if (!node.isArray()) {
                reject(name, "must be an array");
                return Optional.empty();
            }
            return Optional.of(node);
        });
    }

    private Optional<JsonNode> present(String name, boolean required) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** JSON escapes can smuggle a lone surrogate that no UTF-8 encoder could have produced. */
    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
