package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.support.TestListings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazadaMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTED = List.of("https://vn-live-02.slatic.net/p/a.jpg",
            "https://vn-live-02.slatic.net/p/b.jpg");

    private final ConnectorConfig shipped = LazadaRig.shippedConfig(new MockEnvironment());
    private final LazadaMapper mapper = new LazadaMapper(shipped, JSON);

    private static JsonNode product(String payload) throws Exception {
        return JSON.readTree(payload).path("Request").path("Product");
    }

    @Test
    void createPayloadCarriesWhatLazadaRequiresInItsShapeAndUnits() throws Exception {
        Listing tea = TestListings.sample(0);

        JsonNode product = product(mapper.createPayload(tea, HOSTED));

        assertThat(product.path("PrimaryCategory").asText()).isEqualTo("10000321");
        assertThat(product.path("Images").path("Image").isArray()).isTrue();
        assertThat(product.path("Images").path("Image")).extracting(JsonNode::asText).containsExactlyElementsOf(HOSTED);
        JsonNode attributes = product.path("Attributes");
        assertThat(attributes.path("name").asText()).isEqualTo("Chè búp khô Ba Trại");
        assertThat(attributes.path("brand").asText()).isEqualTo("Chè Ba Trại");
        assertThat(attributes.path("description").asText()).startsWith("<p>Chè xanh búp nhỏ")
                .contains("<p><strong>Bảo quản:</strong> Nơi khô ráo");
        assertThat(attributes.path("short_description").asText()).startsWith("<ul><li>Sản phẩm OCOP 4 sao")
                .contains("3292/QĐ-UBND").endsWith("</ul>");
        JsonNode skus = product.path("Skus").path("Sku");
        assertThat(skus.isArray()).isTrue();
        assertThat(skus).hasSize(1);
        JsonNode sku = skus.get(0);
        assertThat(sku.path("SellerSku").asText()).isEqualTo("CBT-200");
        assertThat(sku.path("price").asText()).isEqualTo("120000");
        assertThat(sku.path("quantity").asText()).isEqualTo("480");
        assertThat(sku.path("package_weight").asText()).as("230 g in kg").isEqualTo("0.23");
        assertThat(sku.path("package_length").asText()).isEqualTo("18");
        assertThat(sku.path("package_width").asText()).isEqualTo("10");
        assertThat(sku.path("package_height").asText()).isEqualTo("5");
        assertThat(sku.path("package_content").asText()).isEqualTo("1 gói Chè búp khô Ba Trại (200 g)");
    }

    @Test
    void updatePayloadIsKeyedByItemAndSkuIdsAndLeavesPriceAndStockToPriceQuantity() throws Exception {
        JsonNode product = product(mapper.updatePayload(TestListings.sample(0), HOSTED, "3100000001", "15200000001"));

        assertThat(product.path("ItemId").asText()).isEqualTo("3100000001");
        JsonNode sku = product.path("Skus").path("Sku").get(0);
        assertThat(sku.path("SkuId").asText()).isEqualTo("15200000001");
        assertThat(sku.path("Status").asText()).isEqualTo("active");
        assertThat(sku.has("price")).isFalse();
        assertThat(sku.has("quantity")).isFalse();
        assertThat(sku.path("package_weight").asText()).isEqualTo("0.23");
    }

    @Test
    void pricesFollowThePartnersRulesInWholeDong() {
        MockEnvironment env = new MockEnvironment().withProperty("LAZADA_MARKUP_PERCENT", "7.5");
        LazadaMapper marked = new LazadaMapper(LazadaRig.shippedConfig(env), JSON);
        Listing odd = TestListings.sample(0, n -> ((ObjectNode) n.get("price")).put("retail", 120_300));

        assertThat(mapper.price(odd)).as("rounded up to 1,000").isEqualTo(121_000);
        assertThat(marked.price(odd)).as("120,300 × 1.075 = 129,322.5, rounded up").isEqualTo(130_000);
    }

    @Test
    void stockFollowsThePartnersRules() {
        MockEnvironment env = new MockEnvironment().withProperty("LAZADA_STOCK_BUFFER_PERCENT", "10");
        LazadaMapper buffered = new LazadaMapper(LazadaRig.shippedConfig(env), JSON);
        Listing tea = TestListings.sample(0).withStock(45, 3);

        assertThat(mapper.quantity(tea)).isEqualTo(45);
        assertThat(buffered.quantity(tea)).as("floor(45 × 0.9)").isEqualTo(40);
    }

    @Test
    void aSubGroupOverridesItsGroupsCategoryMostSpecificFirst() {
        Listing fresh = TestListings.sample(2, n -> n.put("subgroup", "I.1.b"));
        Listing plainFood = TestListings.sample(2);

        assertThat(mapper.category(fresh)).isEqualTo("10000302"); // I.1 in lazada.yaml
        assertThat(mapper.category(plainFood)).isEqualTo("10000297"); // FOOD
    }

    @Test
    void aGroupWithoutACategoryIsRejectedWithTheReason() {
        Map<String, Map<String, String>> mapping = Map.of("category", Map.of("FOOD", "10000297"));
        ConnectorConfig withoutBeverage = new ConnectorConfig(shipped.partner(), shipped.displayName(), shipped.kind(),
                shipped.connector(), true, shipped.toggles(), shipped.eligibility(), mapping, shipped.pricing(),
                shipped.stock(), shipped.transport(), shipped.requires(), shipped.profile(), shipped.rateLimit(),
                shipped.retry(), shipped.schedule(), shipped.consumers());

        assertThatThrownBy(() -> new LazadaMapper(withoutBeverage, JSON).category(TestListings.sample(0)))
                .isInstanceOf(PermanentPartnerException.class)
                .hasMessageContaining("BEVERAGE");
    }

    @Test
    void aListingWithoutBrandOrSizeGetsTheConfiguredDefaults() throws Exception {
        Listing bare = TestListings.sample(0, n -> {
            n.remove("brand");
            n.remove("dimensionsCm");
            n.put("grossWeightGrams", 4);
        });

        JsonNode product = product(mapper.createPayload(bare, HOSTED));

        assertThat(product.path("Attributes").path("brand").asText()).isEqualTo("No Brand");
        JsonNode sku = product.path("Skus").path("Sku").get(0);
        assertThat(sku.path("package_length").asText()).isEqualTo("20");
        assertThat(sku.path("package_width").asText()).isEqualTo("15");
        assertThat(sku.path("package_height").asText()).isEqualTo("10");
        assertThat(sku.path("package_weight").asText()).as("never below 0.01 kg").isEqualTo("0.01");
    }

    @Test
    void sizesKeepAtMostTwoDecimalsRoundingUp() throws Exception {
        Listing honey = TestListings.sample(6, n -> ((ObjectNode) n.get("dimensionsCm")).put("height", 19.505));

        JsonNode sku = product(mapper.createPayload(honey, HOSTED)).path("Skus").path("Sku").get(0);

        assertThat(sku.path("package_height").asText()).isEqualTo("19.51");
        assertThat(sku.path("package_weight").asText()).isEqualTo("0.82");
    }

    @Test
    void noMoreThanEightImagesAreSent() throws Exception {
        List<String> nine = IntStream.rangeClosed(1, 9).mapToObj(i -> "https://vn-live-02.slatic.net/p/" + i + ".jpg")
                .toList();

        JsonNode images = product(mapper.createPayload(TestListings.sample(0), nine)).path("Images").path("Image");

        assertThat(images).hasSize(8);
    }

    @Test
    void xmlPayloadsEscapeTextAndLeaveOutWhatIsNotChanging() {
        assertThat(mapper.priceQuantity("31", "15", "A&B<1>", 99_000L, null))
                .isEqualTo("<Request><Product><Skus><Sku><ItemId>31</ItemId><SkuId>15</SkuId>"
                        + "<SellerSku>A&amp;B&lt;1&gt;</SellerSku><Price>99000</Price></Sku></Skus></Product></Request>");
        assertThat(mapper.priceQuantity("31", "15", "X", null, 0)).contains("<Quantity>0</Quantity>")
                .doesNotContain("Price");
        assertThat(mapper.deactivate("31")).isEqualTo("<Request><Product><ItemId>31</ItemId></Product></Request>");
        assertThat(mapper.migrateImage("https://cdn.example.vn/a.jpg?w=800&h=800"))
                .isEqualTo("<Request><Image><Url>https://cdn.example.vn/a.jpg?w=800&amp;h=800</Url></Image></Request>");
    }

    @Test
    void descriptionTextIsEscapedNotInterpretedAsHtml() throws Exception {
        Listing tricky = TestListings.sample(0, n -> ((ObjectNode) n.get("description"))
                .put("vi", "Hộp <b>quà</b> & túi\nDòng hai"));

        String description = product(mapper.createPayload(tricky, HOSTED)).path("Attributes").path("description").asText();

        assertThat(description).startsWith("<p>Hộp &lt;b&gt;quà&lt;/b&gt; &amp; túi</p><p>Dòng hai</p>");
    }

    @Test
    void categoryAttributesFromTheProfileAreAdded() throws Exception {
        Map<String, Object> profile = new LinkedHashMap<>(shipped.profile());
        profile.put("categoryAttributes", Map.of("10000321", Map.of("tea_type", "Green Tea")));
        ConnectorConfig withAttributes = new ConnectorConfig(shipped.partner(), shipped.displayName(), shipped.kind(),
                shipped.connector(), true, shipped.toggles(), shipped.eligibility(), shipped.mapping(),
                shipped.pricing(), shipped.stock(), shipped.transport(), shipped.requires(), profile,
                shipped.rateLimit(), shipped.retry(), shipped.schedule(), shipped.consumers());

        JsonNode attributes = product(new LazadaMapper(withAttributes, JSON).createPayload(TestListings.sample(0), HOSTED))
                .path("Attributes");

        assertThat(attributes.path("tea_type").asText()).isEqualTo("Green Tea");
        assertThat(product(mapper.createPayload(TestListings.sample(0), HOSTED)).path("Attributes").has("tea_type"))
                .isFalse();
    }
}
