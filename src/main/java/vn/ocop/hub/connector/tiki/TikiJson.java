package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ocop.hub.connector.TransientPartnerException;

/** Reading Tiki's 2xx answers. */
final class TikiJson {

    private TikiJson() {
    }

    /** An unreadable success answer is Tiki (or a proxy) misbehaving, not the listing's fault: retry. */
    static JsonNode read(ObjectMapper json, String body, String what) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || node.isMissingNode()) {
                throw new TransientPartnerException("Tiki sent an empty answer to " + what);
            }
            return node;
        } catch (TransientPartnerException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientPartnerException("Tiki sent an unreadable answer to " + what + ": " + e.getMessage(),
                    null, e);
        }
    }

    /** Tiki writes ids sometimes as numbers, sometimes as strings; both become text. */
    static String id(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isNumber() || (value.isTextual() && !value.asText().isBlank())) {
                return value.asText();
            }
        }
        return null;
    }
}
