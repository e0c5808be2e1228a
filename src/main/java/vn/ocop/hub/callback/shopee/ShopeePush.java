package vn.ocop.hub.callback.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ocop.hub.callback.PartnerMessageStore;
import vn.ocop.hub.callback.Payloads;

/**
 * A Shopee push as the developer guide shows it: {@code {"code":3,"shop_id":…,"timestamp":…,
 * "data":{"ordersn":…,"status":…,"update_time":…}}}. Shopee repeats a push it thinks undelivered,
 * and a lost push pulled later is the same push again: both must land on one stored message.
 */
public final class ShopeePush {

    /** Order status change: {@code data.ordersn}, {@code data.status}; the lines must be fetched. */
    public static final int ORDER_STATUS = 3;
    /** Reserved stock change: {@code data.item_id}, model or variation, {@code changed_values}. */
    public static final int RESERVED_STOCK = 8;

    private static final ObjectMapper READER = new ObjectMapper();

    private ShopeePush() {
    }

    /**
     * code | shop_id | order (or item and model) | status (or action) | update_time when present.
     * An order status push without update_time is one fact per status; other pushes without one
     * fall back to the push's timestamp. A push naming none of these is keyed by its body's hash.
     */
    public static String dedupKey(ObjectMapper json, byte[] rawBody) {
        JsonNode root = Payloads.objectOrNull(json, rawBody);
        if (root == null) {
            return "body:" + PartnerMessageStore.sha256(rawBody);
        }
        return dedupKey(root, rawBody);
    }

    static String dedupKey(JsonNode root, byte[] rawBody) {
        JsonNode data = data(root);
        String code = Payloads.text(root, "code");
        String shop = Payloads.firstText(root, "shop_id");
        if (shop == null) {
            shop = Payloads.text(data, "shop_id");
        }
        String subject = Payloads.firstText(data, "ordersn", "order_sn");
        if (subject == null && Payloads.text(data, "item_id") != null) {
            subject = "item " + Payloads.text(data, "item_id") + "/"
                    + nullToEmpty(Payloads.firstText(data, "model_id", "variation_id"));
        }
        String state = Payloads.firstText(data, "status", "order_status", "action");
        String time = Payloads.text(data, "update_time");
        if (time == null && !String.valueOf(ORDER_STATUS).equals(code)) {
            time = Payloads.text(root, "timestamp");
        }
        if (subject == null && state == null) {
            return nullToEmpty(code) + "|" + nullToEmpty(shop) + "|body:" + PartnerMessageStore.sha256(rawBody);
        }
        return nullToEmpty(code) + "|" + nullToEmpty(shop) + "|" + nullToEmpty(subject) + "|" + nullToEmpty(state)
                + (time == null ? "" : "|" + time);
    }

    /** The push's {@code data}; a lost push carries it as a JSON string, which is unwrapped. */
    static JsonNode data(JsonNode root) {
        JsonNode data = root.path("data");
        if (data.isTextual()) {
            try {
                return READER.readTree(data.asText());
            } catch (Exception notJson) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
        return data;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
