package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Reading partners' JSON leniently where they are loose (numbers as text, ids as numbers). */
public final class Payloads {

    private Payloads() {
    }

    /** The body as a JSON object, or unusable. A JSON string holding an object (Shopee's lost pushes) is unwrapped. */
    public static JsonNode object(ObjectMapper json, String text, String what) {
        try {
            JsonNode node = json.readTree(text == null ? "" : text);
            if (node != null && node.isTextual()) {
                node = json.readTree(node.asText());
            }
            if (node == null || !node.isObject()) {
                throw new UnusableMessageException(what + " is not a JSON object");
            }
            return node;
        } catch (UnusableMessageException e) {
            throw e;
        } catch (Exception e) {
            throw new UnusableMessageException(what + " is not readable JSON: " + e.getMessage());
        }
    }

    /**
     * A raw callback body as a JSON object, or null when it is not one: dedup keys are made before
     * anything is refused, and a body that is no object is keyed by its hash instead.
     */
    public static JsonNode objectOrNull(ObjectMapper json, byte[] rawBody) {
        try {
            JsonNode root = json.readTree(rawBody);
            return root != null && root.isObject() ? root : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    /** A field as text (numbers too), or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** A whole number (a JSON number or numeric text), or null. */
    public static Long number(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UnusableMessageException(field + " is not a number: " + text);
        }
    }

    /** Unix seconds or milliseconds (told apart by size), or null. */
    public static Instant epoch(JsonNode node, String field) {
        Long value = number(node, field);
        if (value == null || value <= 0) {
            return null;
        }
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    public static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
