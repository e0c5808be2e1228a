package vn.ocop.hub.connector.shopee;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Shopee's documented error codes and messages, sorted into what the hub does with them. */
class ShopeeErrorsTest {

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "error_auth|Invalid access_token.|AUTH",
            "error_server|Something wrong. Please try later.|TRANSIENT",
            "error_inner|System error, please try again later or contact the OpenAPI support team.|TRANSIENT",
            "error_network|Inner http call failed|TRANSIENT",
            "error_system_busy|Our system is taking some time to respond, please try later.|TRANSIENT",
            "error_update_price_fail|Update price failed, please try later.|TRANSIENT",
            // the gateway's own checks say nothing about the listing
            "error_sign|Wrong sign.|TRANSIENT",
            "error_param|Invalid timestamp|TRANSIENT",
            "error_param|There is no partner_id in query.|TRANSIENT",
            "error_param_shop_id_not_found|Shop_id is not found.|TRANSIENT",
            // the content
            "error_param|invalid field ItemName: value must  Not Null|PERMANENT",
            "error_param|Image not exist.|PERMANENT",
            "error_invalid_category|Invalid category ID 1|PERMANENT",
            "error_less_required_attribute|Mandatory attribute information required|PERMANENT",
            "error_repeated_mtsku|A similar product has already been uploaded|PERMANENT",
            "error_busi|The GTIN code is mandatory, please check and upload again.|PERMANENT"})
    void classify(String code, String message, ShopeeErrors.Kind kind) {
        assertThat(ShopeeErrors.classify(code, message)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "product.error_param|error_param",
            "error_param|error_param",
            "media_space.error_param|error_param"})
    void theModulePrefixIsIgnored(String error, String code) {
        ShopeeEnvelope envelope = ShopeeEnvelope.parse(200, "{\"error\":\"" + error + "\",\"message\":\"m\","
                + "\"request_id\":\"r1\"}", new com.fasterxml.jackson.databind.ObjectMapper());
        assertThat(envelope.failed()).isTrue();
        assertThat(envelope.code()).isEqualTo(code);
        assertThat(envelope.describe()).isEqualTo(error + ": m (request_id r1)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "error_item_not_found|Item_id is not found.|true",
            "|Product not found|true",
            "error_param|Invalid Weight.|false"})
    void itemMissing(String code, String message, boolean missing) {
        assertThat(ShopeeErrors.meansItemMissing(code == null ? "" : code, message)).isEqualTo(missing);
    }
}
