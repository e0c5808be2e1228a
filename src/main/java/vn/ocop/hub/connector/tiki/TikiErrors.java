package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Tiki's error body, {@code {"errors":["…", "…"]}} (open.tiki.vn, Common exceptions), turned into
 * the one line an operator reads on the listing's status. The token endpoint answers in OAuth2's
 * own shape ({@code error}, {@code error_description}), which is read too.
 */
final class TikiErrors {

    private static final int MAX_LENGTH = 1000;

    private TikiErrors() {
    }

    static String describe(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return "(no details)";
        }
        try {
            JsonNode answer = json.readTree(body);
            List<String> messages = new ArrayList<>();
            answer.path("errors").forEach(e -> messages.add(e.isTextual() ? e.asText() : e.toString()));
            if (messages.isEmpty() && answer.hasNonNull("error")) {
                messages.add(answer.path("error").asText()
                        + (answer.hasNonNull("error_description") ? ": " + answer.path("error_description").asText() : ""));
            }
            return messages.isEmpty() ? shorten(body) : shorten(String.join("; ", messages));
        } catch (Exception notJson) {
            return shorten(body);
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 3) + "...";
    }
}
