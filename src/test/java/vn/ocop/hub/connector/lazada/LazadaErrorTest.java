package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LazadaErrorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LazadaError parse(String json) throws Exception {
        return LazadaError.from(JSON.readTree(json));
    }

    @Test
    void throttlingIsTransientAndWaitsAsLongAsTheBanLasts() throws Exception {
        LazadaError limit = parse("""
                {"type":"ISV","code":"ApiCallLimit","message":"Api access frequency exceeds the limit. \
                this ban will last 3 seconds","request_id":"0ba2887315178178017221014"}""");
        LazadaError e901 = parse("{\"type\":\"ISV\",\"code\":\"901\",\"message\":\"E901: Limit service request speed\"}");
        LazadaError tooFast = parse("""
                {"type":"ISV","code":"500","message":"E500: Create product failed",
                 "detail":[{"field":"SellerSku","message":"SYS_REQUEST_TOO_FAST: Slow down a bit!"}]}""");

        assertThat(limit.isTransient()).isTrue();
        assertThat(limit.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(e901.isTransient()).isTrue();
        assertThat(e901.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(tooFast.isTransient()).as("found in the detail of a summary code").isTrue();
    }

    @Test
    void backendAndPlatformFailuresAreTransientWhateverTheCode() throws Exception {
        assertThat(parse("{\"type\":\"ISP\",\"code\":\"X\",\"message\":\"backend\"}").isTransient()).isTrue();
        assertThat(parse("{\"type\":\"SYSTEM\",\"code\":\"Y\",\"message\":\"platform\"}").isTransient()).isTrue();
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"ServiceTimeout\",\"message\":\"\"}").isTransient()).isTrue();
    }

    @Test
    void contentErrorsArePermanentAndDescribedInLazadasWords() throws Exception {
        LazadaError error = parse("""
                {"type":"ISV","code":"500","message":"E500: Create product failed",
                 "detail":[{"field":"Attributes.brand","message":"THD_BRAND_ID_IS_NOT_VALID_IN_CATEGORY"}],
                 "request_id":"2101554016563124475412756"}""");

        assertThat(error.isTransient()).isFalse();
        assertThat(error.accessTokenRejected()).isFalse();
        assertThat(error.describe()).isEqualTo("E500: Create product failed (Attributes.brand: "
                + "THD_BRAND_ID_IS_NOT_VALID_IN_CATEGORY) [ISV code 500, request 2101554016563124475412756]");
    }

    @Test
    void theHubsOwnCredentialProblemsAreNotContentRejections() throws Exception {
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"IncompleteSignature\",\"message\":\"x\"}").isTransient()).isTrue();
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"IllegalRefreshToken\",\"message\":\"x\"}").isTransient()).isTrue();
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"IllegalAccessToken\",\"message\":\"x\"}").accessTokenRejected())
                .isTrue();
    }

    @Test
    void recognisesADuplicateSellerSkuInEitherForm() throws Exception {
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"4105\",\"message\":\"BIZ_CHECK_SELLER_SKU_DUPLICATE\"}")
                .isDuplicateSellerSku()).isTrue();
        LazadaError summary = parse("""
                {"type":"ISV","code":"500","message":"E500: Create product failed",
                 "detail":[{"field":"SellerSku","message":"BIZ_CHECK_SELLER_SKU_DUPLICATE: SellerSku repeat"}]}""");
        assertThat(summary.isDuplicateSellerSku()).isTrue();
        assertThat(summary.isTransient()).isFalse();
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"500\",\"message\":\"E500: Create product failed\"}")
                .isDuplicateSellerSku()).isFalse();
    }

    @Test
    void recognisesAnItemLazadaNoLongerHas() throws Exception {
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"208\",\"message\":\"E208: Item not exist\"}").isItemMissing())
                .isTrue();
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"E0002\",\"message\":\"Product:item id not exist\"}")
                .isItemMissing()).isTrue();
        assertThat(parse("""
                {"type":"ISV","code":"501","message":"E501: Update product failed",
                 "detail":[{"seller_sku":"CBT-200","message":"ITEM_NOT_FOUND: item 31 has no SKU 15"}]}""")
                .isItemMissing()).isTrue();
        assertThat(parse("{\"type\":\"ISV\",\"code\":\"E0004\",\"message\":\"Product Status not online\"}")
                .isAlreadyOffline()).isTrue();
    }
}
