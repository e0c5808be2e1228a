package vn.ocop.hub.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.callback.lazada.LazadaPush;
import vn.ocop.hub.callback.shopee.ShopeePush;
import vn.ocop.hub.connector.lazada.LazadaPushSignature;
import vn.ocop.hub.connector.postmart.PostmartWebhookSignature;
import vn.ocop.hub.connector.shopee.ShopeeSigner;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The partners' push signatures against published vectors, and the keys that recognise a redelivery. */
class PushSignaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The code 3 example of Shopee's push guide. */
    private static final String SHOPEE_PUSH = "{\"data\":{\"items\":[],\"ordersn\":\"220810QSK8S7BX\",\"status\":"
            + "\"PROCESSED\",\"completed_scenario\":\"\",\"update_time\":1660123127},\"shop_id\":727720655,\"code\":3,"
            + "\"timestamp\":1660123127}";

    @Test
    void shopeeSignsTheCallbackUrlAndTheRawBody() {
        // vector in research/marketplaces.md 1.4 (key, URL and the guide's body)
        assertThat(new ShopeeSigner(0, "test_partner_key_123").signPush("https://hub.example.com/webhooks/shopee",
                bytes(SHOPEE_PUSH))).isEqualTo("10cf740390c18d48432bab5297388a402b5160de3485735ee3cb8eb1a41b89f4");
        assertThat(new ShopeeSigner(0, "test_partner_key_123").signPush("https://hub.example.com/callbacks/shopee",
                bytes(SHOPEE_PUSH))).as("another URL, another signature")
                .isNotEqualTo("10cf740390c18d48432bab5297388a402b5160de3485735ee3cb8eb1a41b89f4");
    }

    @Test
    void lazadaSignsTheAppKeyAndTheRawBodyInLowercase() {
        // the vector of Lazada's push documentation: its body literally as printed there
        String body = "{\"seller_id\":\"1234567\", \"message_type\":0, \"data\":{...}..}";
        assertThat(LazadaPushSignature.of("3412gyo124goi3124", "123456", bytes(body)))
                .isEqualTo("f3d2ca947f16a50b577c036adecd18bec126ea19cadedd59816e255d3b6104ab");
    }

    @Test
    void postmartSignsTheBodyWithAPrefix() {
        String signature = PostmartWebhookSignature.of("s3cret", bytes("{\"type\":\"order.created\"}"));
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(Signatures.matches(signature, signature.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(Signatures.matches(signature, PostmartWebhookSignature.of("s3cret", bytes("{}")))).isFalse();
        assertThat(Signatures.matches(signature, null)).isFalse();
        assertThat(Signatures.matches(signature, "")).isFalse();
    }

    @Test
    void aShopeePushIsKeyedByCodeShopOrderStatusAndUpdateTime() {
        assertThat(ShopeePush.dedupKey(JSON, bytes(SHOPEE_PUSH)))
                .isEqualTo("3|727720655|220810QSK8S7BX|PROCESSED|1660123127");
        // the same push reformatted, and as a lost push carries it (data as a JSON string), is the same fact
        String spaced = SHOPEE_PUSH.replace(",", ", ");
        String lost = "{\"code\":3,\"shop_id\":727720655,\"timestamp\":1660123127,\"data\":"
                + JSON.valueToTree(JSON.createObjectNode().put("ordersn", "220810QSK8S7BX").put("status", "PROCESSED")
                .put("update_time", 1660123127).toString()) + "}";
        assertThat(ShopeePush.dedupKey(JSON, bytes(spaced))).isEqualTo(ShopeePush.dedupKey(JSON, bytes(SHOPEE_PUSH)));
        assertThat(ShopeePush.dedupKey(JSON, bytes(lost))).isEqualTo(ShopeePush.dedupKey(JSON, bytes(SHOPEE_PUSH)));
        // the next status of the same order is a new fact
        assertThat(ShopeePush.dedupKey(JSON, bytes(SHOPEE_PUSH.replace("PROCESSED", "SHIPPED"))))
                .isNotEqualTo(ShopeePush.dedupKey(JSON, bytes(SHOPEE_PUSH)));
        assertThat(ShopeePush.dedupKey(JSON, bytes("not json"))).startsWith("body:");
    }

    @Test
    void aLazadaTradeOrderPushIsKeyedByOrderLineAndStatus() {
        String push = "{\"seller_id\":\"1234567\",\"message_type\":0,\"data\":{\"order_status\":\"unpaid\","
                + "\"trade_order_id\":\"260422900198363\",\"trade_order_line_id\":\"260422900298363\","
                + "\"status_update_time\":1603698638},\"timestamp\":1603766859530,\"site\":\"lazada_vn\"}";
        assertThat(LazadaPush.dedupKey(JSON, bytes(push))).isEqualTo("0|260422900198363|260422900298363|unpaid");
        // Lazada's retry 30 minutes later carries a new timestamp: still the same fact
        assertThat(LazadaPush.dedupKey(JSON, bytes(push.replace("1603766859530", "1603768659530"))))
                .isEqualTo("0|260422900198363|260422900298363|unpaid");
        assertThat(LazadaPush.dedupKey(JSON, bytes(push.replace("unpaid", "pending"))))
                .isEqualTo("0|260422900198363|260422900298363|pending");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
