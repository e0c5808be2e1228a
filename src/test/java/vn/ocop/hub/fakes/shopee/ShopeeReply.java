package vn.ocop.hub.fakes.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * What the fake answers: Shopee's envelope {@code {"error","message","warning","request_id",
 * "response"}}, or nothing at all when the connection is to be dropped after the work is done.
 */
record ShopeeReply(int status, String body, boolean dropConnection) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ShopeeReply ok(JsonNode response) {
        ObjectNode envelope = envelope("", "");
        envelope.set("response", response);
        return new ShopeeReply(200, envelope.toString(), false);
    }

    /** The token call: no "response" object, its fields sit next to error and message. */
    static ShopeeReply topLevel(ObjectNode fields) {
        ObjectNode envelope = envelope("", "");
        envelope.setAll(fields);
        return new ShopeeReply(200, envelope.toString(), false);
    }

    static ShopeeReply error(int status, String error, String message) {
        return new ShopeeReply(status, envelope(error, message).toString(), false);
    }

    /** Business refusals come under HTTP 200: only the envelope says it failed. */
    static ShopeeReply refused(String error, String message) {
        return error(200, error, message);
    }

    /** Shopee's wording for a missing required field, e.g. "invalid field ItemId: value must  Not Null". */
    static ShopeeReply missing(String field) {
        return refused("product.error_param", "invalid field " + camel(field) + ": value must  Not Null");
    }

    static ShopeeReply dropped() {
        return new ShopeeReply(0, "", true);
    }

    String error() {
        try {
            return dropConnection ? "(dropped)" : JSON.readTree(body).path("error").asText("");
        } catch (Exception e) {
            return "";
        }
    }

    private static ObjectNode envelope(String error, String message) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("error", error);
        envelope.put("message", message);
        envelope.put("warning", "");
        envelope.put("request_id", UUID.randomUUID().toString().replace("-", ""));
        return envelope;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
