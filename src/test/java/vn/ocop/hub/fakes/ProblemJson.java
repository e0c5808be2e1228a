package vn.ocop.hub.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Postmart's error answers (RFC 9457 problem details). Every refusal goes through here so that
 * the hub's error handling is exercised against one consistent shape.
 */
final class ProblemJson {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://postmart.vn/problems/";

    private ProblemJson() {
    }

    static Answer validation(String title, List<FieldViolation> violations) {
        ObjectNode body = body(TYPE_BASE + "validation", title, 400,
                violations.size() + " field(s) rejected");
        ArrayNode errors = body.putArray("errors");
        violations.forEach(v -> errors.addObject().put("field", v.field()).put("message", v.message()));
        return answer(body);
    }

    static Answer malformed(String detail) {
        return answer(body(TYPE_BASE + "malformed-request", "Malformed request", 400, detail));
    }

    static Answer unauthorized() {
        return answer(body(TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "Send Authorization: Bearer <api key>"))
                .withHeader("WWW-Authenticate", "Bearer realm=\"postmart\"");
    }

    static Answer notFound(String detail) {
        return answer(body(TYPE_BASE + "not-found", "Not found", 404, detail));
    }

    static Answer methodNotAllowed(String method, Collection<String> allowed) {
        return answer(body(TYPE_BASE + "method-not-allowed", "Method not allowed", 405,
                method + " is not allowed here"))
                .withHeader("Allow", String.join(", ", allowed));
    }

    static Answer unsupportedMediaType(String contentType) {
        return answer(body(TYPE_BASE + "unsupported-media-type", "Unsupported media type", 415,
                "Expected application/json in UTF-8, got " + (contentType == null ? "no Content-Type" : contentType)));
    }

    static Answer tooManyRequests(int retryAfterSeconds) {
        return answer(body(TYPE_BASE + "rate-limited", "Too many requests", 429,
                "Retry after " + retryAfterSeconds + " s"))
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** An injected failure: "about:blank" because it stands for any server trouble, not a Postmart rule. */
    static Answer injected(int status) {
        return answer(body("about:blank", reason(status), status, "Injected by the test"));
    }

    static Answer internalError(String detail) {
        return answer(body("about:blank", reason(500), 500, detail));
    }

    private static ObjectNode body(String type, String title, int status, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        return body.put("type", type).put("title", title).put("status", status).put("detail", detail);
    }

    private static Answer answer(ObjectNode body) {
        return new Answer(body.get("status").intValue(), CONTENT_TYPE, body, Map.of());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
