package vn.ocop.hub.fakes.lazada;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/**
 * What the fake sends back, in Lazada's envelope: {@code {"code":"0","data":…,"request_id":…}} on
 * success, {@code {"type","code","message","request_id"}} (plus {@code detail} for the 500/501
 * summaries) on failure, both under HTTP 200 as Lazada does.
 */
record FakeLazadaAnswer(int status, String contentType, String body, String code) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of {@code detail}: which field or SKU failed, and Lazada's business code for it. */
    record Detail(String field, String sellerSku, String message) {
    }

    static FakeLazadaAnswer ok(ObjectNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("code", "0");
        body.put("request_id", requestId());
        return json(body, "0");
    }

    /** {@code data} of any shape (an array for /order/items/get). */
    static FakeLazadaAnswer okData(com.fasterxml.jackson.databind.JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("code", "0");
        body.put("request_id", requestId());
        return json(body, "0");
    }

    /** Token answers are flat: the fields sit next to "code". */
    static FakeLazadaAnswer flat(ObjectNode fields) {
        fields.put("code", "0");
        fields.put("request_id", requestId());
        return json(fields, "0");
    }

    static FakeLazadaAnswer error(String type, String code, String message) {
        return error(type, code, message, List.of());
    }

    static FakeLazadaAnswer error(String type, String code, String message, List<Detail> details) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("code", code);
        body.put("message", message);
        if (!details.isEmpty()) {
            ArrayNode detail = body.putArray("detail");
            for (Detail d : details) {
                ObjectNode entry = detail.addObject();
                if (d.field() != null) {
                    entry.put("field", d.field());
                }
                if (d.sellerSku() != null) {
                    entry.put("seller_sku", d.sellerSku());
                }
                entry.put("message", d.message());
            }
        }
        body.put("request_id", requestId());
        return json(body, code);
    }

    static FakeLazadaAnswer isv(String code, String message) {
        return error("ISV", code, message);
    }

    /** A gateway failure in front of the platform: HTTP 5xx with no envelope. */
    static FakeLazadaAnswer gateway(int status) {
        return new FakeLazadaAnswer(status, "text/html; charset=UTF-8",
                "<html><body><h1>" + status + "</h1>Injected by the test</body></html>", "HTTP" + status);
    }

    static FakeLazadaAnswer notFound(String path) {
        return new FakeLazadaAnswer(404, "text/plain; charset=UTF-8", "no such API: " + path, "HTTP404");
    }

    private static FakeLazadaAnswer json(ObjectNode body, String code) {
        return new FakeLazadaAnswer(200, "application/json;charset=UTF-8", body.toString(), code);
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 25);
    }
}
