package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** What the fake answers: a status, a JSON body and extra headers. */
record TikiAnswer(int status, JsonNode body, Map<String, String> headers) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static TikiAnswer ok(JsonNode body) {
        return new TikiAnswer(200, body, Map.of());
    }

    /** Tiki's common exception shape: {@code {"errors":["…"]}} (open.tiki.vn, Common exceptions). */
    static TikiAnswer errors(int status, List<String> messages) {
        ObjectNode body = NODES.objectNode();
        messages.forEach(body.putArray("errors")::add);
        return new TikiAnswer(status, body, Map.of());
    }

    static TikiAnswer error(int status, String message) {
        return errors(status, List.of(message));
    }

    static TikiAnswer tooManyRequests() {
        TikiAnswer answer = error(429, "You're requesting too many requests! Slow down! "
                + "Current rate limit is 200 request / per second / per seller");
        return new TikiAnswer(429, answer.body(), Map.of("Retry-After", "1"));
    }

    /** OAuth2's own error shape (RFC 6749 section 5.2), which a token endpoint uses. */
    static TikiAnswer oauthError(int status, String error, String description) {
        ObjectNode body = NODES.objectNode().put("error", error).put("error_description", description);
        return new TikiAnswer(status, body, status == 401 ? Map.of("WWW-Authenticate", "Basic") : Map.of());
    }
}
