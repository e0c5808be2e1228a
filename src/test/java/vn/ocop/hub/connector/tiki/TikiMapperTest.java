package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.support.TestListings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canonical listing → Tiki's product request and updateSku bodies, with the shipped tiki.yaml. */
class TikiMapperTest {

    private static final Map<String, String> CREDENTIALS = Map.of("TIKI_CLIENT_ID", "app", "TIKI_CLIENT_SECRET",
            "secret", "TIKI_WAREHOUSE_ID", "1034");

    private final ConnectorConfig config = TikiYaml.load(CREDENTIALS);
    private final TikiMapper mapper = mapper(config);

    @Test
    void theProductRequestCarriesWhatTikiNeedsForASimpleProduct() {
        JsonNode body = mapper.createRequest(listing(n -> ((ObjectNode) n.get("price")).put("retail", 119_200)));

        assertThat(body.path("category_id").asLong()).isEqualTo(4424);
        assertThat(body.path("name").asText()).isEqualTo("Chè búp khô Ba Trại");
        assertThat(body.path("market_price").asLong()).as("integer VND rounded up to 1000").isEqualTo(120_000);
        assertThat(body.path("image").asText()).endsWith("HN-2025-0101-1.jpg");
        assertThat(body.path("images")).hasSize(2);
        assertThat(body.path("option_attributes")).isEmpty();
        assertThat(body.at("/meta_data/is_auto_turn_on").asBoolean(true)).isFalse();
        JsonNode attributes = body.path("attributes");
        assertThat(attributes.path("brand").asText()).isEqualTo("Chè Ba Trại");
        assertThat(attributes.path("origin").asText()).isEqualTo("Việt Nam");
        assertThat(attributes.path("manufacturer").asText()).isEqualTo("Hợp tác xã Chè Ba Trại");
        assertThat(attributes.path("product_weight_kg").asText()).isEqualTo("0.23");
        assertThat(attributes.path("product_length").asText()).isEqualTo("18");
        assertThat(attributes.path("product_height").asText()).isEqualTo("5");
        assertThat(body.path("variants")).hasSize(1);
        JsonNode variant = body.path("variants").get(0);
        assertThat(variant.path("sku").asText()).as("becomes Tiki's original_sku").isEqualTo("CBT-200");
        assertThat(variant.path("price").asLong()).isEqualTo(120_000);
        assertThat(variant.path("inventory_type").asText()).isEqualTo("dropship");
        assertThat(variant.path("seller_warehouse").asText()).isEqualTo("1034");
        assertThat(variant.at("/warehouse_stocks/0/warehouseId").asLong()).isEqualTo(1034);
        assertThat(variant.at("/warehouse_stocks/0/qtyAvailable").asInt()).isEqualTo(480);
    }

    @Test
    void theDescriptionIsEscapedHtmlWithTheOcopCertification() {
        String html = mapper.createRequest(listing(n -> ((ObjectNode) n.get("description"))
                .put("vi", "Chè <ngon> & thơm"))).path("description").asText();

        assertThat(html).startsWith("<p>Chè &lt;ngon&gt; &amp; thơm</p>");
        assertThat(html).contains("Sản phẩm OCOP 4 sao, Quyết định 3292/QĐ-UBND của UBND Thành phố Hà Nội");
        assertThat(html).contains("<a href=\"https://truyxuat.ocop.hanoi.example/sp/HN-2025-0101\">");
    }

    @Test
    void aListingWithoutBrandGetsTheConfiguredDefault() {
        JsonNode body = mapper.createRequest(listing(n -> n.remove("brand")));

        assertThat(body.at("/attributes/brand").asText()).isEqualTo("OEM");
    }

    @Test
    void aSubgroupCategoryWinsOverItsGroupAndAMissingOneIsARejection() {
        Map<String, String> categories = new HashMap<>(config.mapping().get("category"));
        categories.put("I.3.b", "8322");
        categories.remove("FOOD");
        TikiMapper custom = mapper(withCategories(categories));

        assertThat(custom.createRequest(listing(n -> n.put("subgroup", "I.3.b"))).path("category_id").asLong())
                .isEqualTo(8322);
        assertThatThrownBy(() -> custom.createRequest(listing(n -> n.put("group", "FOOD"))))
                .isInstanceOf(PermanentPartnerException.class)
                .hasMessageContaining("no Tiki category is configured for group FOOD");
    }

    @Test
    void updateSkuBodiesNameTheProductByOurSkuAndTheConfiguredWarehouse() {
        assertThat(mapper.price("CBT-200", 136_000).toString())
                .isEqualTo("{\"original_sku\":\"CBT-200\",\"price\":136000}");
        assertThat(mapper.stock("CBT-200", 12).toString())
                .isEqualTo("{\"original_sku\":\"CBT-200\",\"warehouse_quantities\":[{\"warehouse_id\":1034,\"qty_available\":12}]}");
        assertThat(mapper.activate("CBT-200", 136_000L, 12).toString()).isEqualTo("{\"original_sku\":\"CBT-200\","
                + "\"price\":136000,\"active\":1,\"warehouse_quantities\":[{\"warehouse_id\":1034,\"qty_available\":12}]}");
        assertThat(mapper.deactivate("CBT-200").toString()).isEqualTo("{\"original_sku\":\"CBT-200\",\"active\":0}");
    }

    @Test
    void activationLeavesPriceAloneWhenThePriceToggleIsOff() {
        ConnectorConfig c = config;
        ConnectorConfig noPrice = new ConnectorConfig(c.partner(), c.displayName(), c.kind(), c.connector(), c.enabled(),
                new ConnectorConfig.Toggles(true, false, true, true), c.eligibility(), c.mapping(), c.pricing(), c.stock(),
                c.transport(), c.requires(), c.profile(), c.rateLimit(), c.retry(), c.schedule(), c.consumers());

        assertThat(mapper(noPrice).activate("CBT-200", 136_000L, 12).has("price")).isFalse();
    }

    @Test
    void theFingerprintIgnoresPriceAndStockButNotContent() {
        String original = mapper.contentFingerprint(mapper.createRequest(listing(n -> { })));
        String repriced = mapper.contentFingerprint(mapper.createRequest(listing(n -> {
            ((ObjectNode) n.get("price")).put("retail", 150_000);
            n.put("stock", 3);
        })));
        String reworded = mapper.contentFingerprint(mapper.createRequest(listing(n ->
                ((ObjectNode) n.get("description")).put("vi", "Mô tả mới"))));

        assertThat(repriced).isEqualTo(original);
        assertThat(reworded).isNotEqualTo(original);
    }

    private ConnectorConfig withCategories(Map<String, String> categories) {
        ConnectorConfig c = config;
        return new ConnectorConfig(c.partner(), c.displayName(), c.kind(), c.connector(), c.enabled(), c.toggles(),
                c.eligibility(), Map.of("category", categories), c.pricing(), c.stock(), c.transport(), c.requires(),
                c.profile(), c.rateLimit(), c.retry(), c.schedule(), c.consumers());
    }

    private static TikiMapper mapper(ConnectorConfig config) {
        return new TikiMapper(config, TikiSettings.from(config), TestListings.JSON);
    }

    private static Listing listing(Consumer<ObjectNode> edit) {
        return TestListings.sample(0, edit);
    }
}
