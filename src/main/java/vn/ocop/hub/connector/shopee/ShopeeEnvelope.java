package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Shopee's answer: {@code {"error":"","message":"","warning":"","request_id":"…","response":{…}}}.
 * An empty {@code error} means success whatever the HTTP status; a non-empty one is a failure
 * even under HTTP 200. The token call has no {@code response} object: its fields sit at the top,
 * so {@link #root} is kept too.
 *
 * @param readable false when the body was not a JSON object at all (a proxy's HTML page, say)
 */
record ShopeeEnvelope(int status, String error, String message, String warning, String requestId,
                      JsonNode response, JsonNode root, boolean readable) {

    static ShopeeEnvelope parse(int status, String body, ObjectMapper json) {
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                return unreadable(status);
            }
            return new ShopeeEnvelope(status, root.path("error").asText(""), root.path("message").asText(""),
                    root.path("warning").asText(""), root.path("request_id").asText(""), root.path("response"),
                    root, true);
        } catch (Exception notJson) {
            return unreadable(status);
        }
    }

    private static ShopeeEnvelope unreadable(int status) {
        return new ShopeeEnvelope(status, "", "", "", "", MissingNode.getInstance(), MissingNode.getInstance(), false);
    }

    boolean failed() {
        return !error.isEmpty();
    }

    /** "product.error_param" and "error_param" are the same error: match on what follows the module. */
    String code() {
        int dot = error.lastIndexOf('.');
        return dot < 0 ? error : error.substring(dot + 1);
    }

    /** What an operator reads on the listing's status: Shopee's own words plus the id its support asks for. */
    String describe() {
        String text = error + (message.isEmpty() ? "" : ": " + message);
        return requestId.isEmpty() ? text : text + " (request_id " + requestId + ")";
    }
}
