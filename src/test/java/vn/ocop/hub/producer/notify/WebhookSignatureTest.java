package vn.ocop.hub.producer.notify;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-test";
    private static final String BODY = "{\"eventId\":\"e-1\",\"note\":\"Đơn hàng\"}";

    @Test
    void signsTimestampDotBodyWithHmacSha256() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String independent = HexFormat.of().formatHex(mac.doFinal(
                ("1700000000." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(SECRET, "1700000000", body)).isEqualTo("sha256=" + independent);
    }

    @Test
    void matchesAValueComputedOutsideJava() {
        // printf '1700000000.{"eventId":"e-1","note":"Đơn hàng"}' | openssl dgst -sha256 -hmac whsec-test
        assertThat(WebhookSignature.sign(SECRET, "1700000000", BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=11ae70d60c71f27c3c1f610d81ddf3c9a23c12ebe7004ee955f39a1c4eccf2fb");
    }

    @Test
    void theTimestampAndEveryBodyByteAreSigned() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(SECRET, "1700000000", body);
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(WebhookSignature.sign(SECRET, "1700000001", body)).isNotEqualTo(signature);
        byte[] changed = body.clone();
        changed[changed.length - 2] ^= 1;
        assertThat(WebhookSignature.sign(SECRET, "1700000000", changed)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("other-secret", "1700000000", body)).isNotEqualTo(signature);
    }
}
