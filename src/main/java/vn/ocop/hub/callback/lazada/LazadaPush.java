package vn.ocop.hub.callback.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ocop.hub.callback.PartnerMessageStore;
import vn.ocop.hub.callback.Payloads;

/**
 * A Lazada push (Lazada Push Mechanism): {@code {"seller_id":…,"message_type":0,"data":{…},
 * "timestamp":…,"site":"lazada_vn"}}. Lazada delivers at least once and retries every 30 minutes:
 * trade order messages are deduplicated on order id + line id + status, as Lazada advises.
 */
public final class LazadaPush {

    public static final int TRADE_ORDER = 0;
    public static final int SHALLOW_STOCK = 6;

    private LazadaPush() {
    }

    public static String dedupKey(ObjectMapper json, byte[] rawBody) {
        JsonNode root = Payloads.objectOrNull(json, rawBody);
        if (root == null) {
            return "body:" + PartnerMessageStore.sha256(rawBody);
        }
        String type = Payloads.text(root, "message_type");
        JsonNode data = root.path("data");
        if (String.valueOf(TRADE_ORDER).equals(type) && Payloads.text(data, "trade_order_id") != null) {
            return type + "|" + Payloads.text(data, "trade_order_id") + "|"
                    + empty(Payloads.text(data, "trade_order_line_id")) + "|" + empty(Payloads.text(data, "order_status"));
        }
        if (String.valueOf(SHALLOW_STOCK).equals(type)) {
            return type + "|" + empty(Payloads.firstText(data, "sku_id", "seller_sku")) + "|"
                    + empty(Payloads.text(root, "timestamp"));
        }
        return empty(type) + "|body:" + PartnerMessageStore.sha256(rawBody);
    }

    private static String empty(String s) {
        return s == null ? "" : s;
    }
}
