package vn.ocop.hub.connector.lazada;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.fakes.lazada.FakeLazadaSignature;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LazadaSignerTest {

    /** Lazada's published example: GetOrder with the SDK's system parameters. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "app_key", "123456",
            "access_token", "test",
            "timestamp", "1517820392000",
            "sign_method", "sha256",
            "order_id", "1234");
    private static final String PUBLISHED_SIGN = "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A";

    @Test
    void reproducesLazadasPublishedTestVector() {
        assertThat(LazadaSigner.baseString("/order/get", PUBLISHED))
                .isEqualTo("/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000");
        assertThat(new LazadaSigner("helloworld").sign("/order/get", PUBLISHED)).isEqualTo(PUBLISHED_SIGN);
    }

    @Test
    void theFakesIndependentVerifierAgreesOnTheVector() {
        assertThat(FakeLazadaSignature.expected("helloworld", "/order/get", PUBLISHED)).isEqualTo(PUBLISHED_SIGN);
    }

    @Test
    void leavesOutTheSignItselfAndEmptyValuesButSignsThePayload() {
        Map<String, String> params = new LinkedHashMap<>(PUBLISHED);
        params.put("sign", "ANYTHING");
        params.put("empty", "");
        assertThat(new LazadaSigner("helloworld").sign("/order/get", params)).isEqualTo(PUBLISHED_SIGN);

        Map<String, String> withPayload = new LinkedHashMap<>(PUBLISHED);
        withPayload.put("payload", "{\"Request\":{\"Product\":{\"Attributes\":{\"name\":\"Chè búp khô\"}}}}");
        String signed = new LazadaSigner("helloworld").sign("/product/create", withPayload);
        assertThat(signed).isNotEqualTo(PUBLISHED_SIGN).matches("[0-9A-F]{64}");
        assertThat(signed).isEqualTo(FakeLazadaSignature.expected("helloworld", "/product/create", withPayload));
    }

    @Test
    void theApiPathAndTheSecretAreBothPartOfTheSignature() {
        LazadaSigner signer = new LazadaSigner("helloworld");
        assertThat(signer.sign("/order/items/get", PUBLISHED)).isNotEqualTo(PUBLISHED_SIGN);
        assertThat(new LazadaSigner("hello-world").sign("/order/get", PUBLISHED)).isNotEqualTo(PUBLISHED_SIGN);
    }

    @Test
    void sortsByAsciiNameNotByInsertionOrder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("foobar", "4");
        params.put("foo_bar", "3");
        params.put("foo", "1");
        params.put("bar", "2");
        // the signature guide's own example
        assertThat(LazadaSigner.baseString("/test/api", params)).isEqualTo("/test/apibar2foo1foo_bar3foobar4");
    }
}
