package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Eligibility;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.support.TestListings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** connectors-config/shopee.yaml as shipped, and what the mapper makes of a listing with it. */
class ShopeeConfigTest {

    private static final Map<String, String> CREDENTIALS = Map.of(
            "SHOPEE_PARTNER_ID", "2001887",
            "SHOPEE_PARTNER_KEY", "key",
            "SHOPEE_SHOP_ID", "14701711",
            "SHOPEE_REFRESH_TOKEN", "refresh");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void withoutCredentialsShopeeStaysDisabledAndSaysWhichAreMissing() throws IOException {
        Partner shopee = registered(Map.of());

        assertThat(shopee.active()).isFalse();
        assertThat(shopee.disabledReason()).contains("SHOPEE_PARTNER_ID", "SHOPEE_PARTNER_KEY", "SHOPEE_SHOP_ID",
                "SHOPEE_REFRESH_TOKEN").doesNotContain("SHOPEE_BASE_URL");
    }

    @Test
    void withCredentialsTheBuiltConnectorServesShopee() throws IOException {
        Partner shopee = registered(CREDENTIALS);

        assertThat(shopee.active()).as(String.valueOf(shopee.disabledReason())).isTrue();
        assertThat(shopee.config().connector()).isEqualTo("shopee");
        assertThat(shopee.config().transport("baseUrl")).isEqualTo("https://partner.shopeemobile.com");
        assertThat(ShopeeSettings.from(shopee.config()).problem()).isNull();
    }

    @Test
    void springBuildsTheConnectorFromTheHubsBeans() {
        try (org.springframework.context.annotation.AnnotationConfigApplicationContext context =
                     new org.springframework.context.annotation.AnnotationConfigApplicationContext()) {
            org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate();
            context.registerBean(ObjectMapper.class, () -> json);
            context.registerBean(Clock.class, Clock::systemUTC);
            context.registerBean(vn.ocop.hub.store.PartnerCredentialStore.class,
                    () -> new vn.ocop.hub.store.PartnerCredentialStore(jdbc));
            context.registerBean(vn.ocop.hub.store.PartnerMediaStore.class,
                    () -> new vn.ocop.hub.store.PartnerMediaStore(jdbc));
            context.register(ShopeeConnector.class);
            context.refresh();

            assertThat(context.getBean(ShopeeConnector.class).connectorId()).isEqualTo("shopee");
        }
    }

    @Test
    void everyGroupShopeeTakesHasANumericCategoryAndTourismGoesNowhere() {
        ConnectorConfig config = ShopeeTestHub.shippedConfig(CREDENTIALS);
        for (ProductGroup group : config.eligibility().groups()) {
            assertThat(config.mapped("category", group.name())).as(group.name()).matches("\\d+");
        }
        Listing tour = TestListings.sample(0, n -> n.put("group", "TOURISM"));
        assertThat(Eligibility.whyNot(config, tour)).isPresent();
    }

    @Test
    void aTypoInANumericSettingDisablesCallsNotTheHub() {
        Map<String, String> env = new HashMap<>(CREDENTIALS);
        env.put("SHOPEE_SHOP_ID", "shop-14701711");
        ShopeeSettings settings = ShopeeSettings.from(ShopeeTestHub.shippedConfig(env));

        assertThat(settings.problem()).contains("SHOPEE_SHOP_ID must be a number");
    }

    @Test
    void aNewItemCarriesEverythingAddItemRequiresInShopeesUnits() {
        ShopeeMapper mapper = mapper(ShopeeTestHub.shippedConfig(CREDENTIALS));
        Listing honey = TestListings.sample(6); // 8 × 8 × 19.5 cm jar

        ObjectNode item = mapper.addItem(honey, List.of("img-1", "img-2"));

        assertThat(item.path("item_name").asText()).isEqualTo(honey.name().vi());
        assertThat(item.path("item_sku").asText()).isEqualTo(honey.sku());
        assertThat(item.path("original_price").isIntegralNumber()).isTrue();
        assertThat(item.path("original_price").asLong() % 1000).as("rounded to 1 000 VND").isZero();
        assertThat(item.path("weight").decimalValue()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(honey.grossWeightGrams()).movePointLeft(3));
        assertThat(item.path("dimension").path("package_height").asInt()).as("19.5 cm rounded up").isEqualTo(20);
        assertThat(item.path("image").path("image_id_list")).extracting(JsonNode::asText).containsExactly("img-1", "img-2");
        assertThat(item.path("logistic_info").get(0).path("logistic_id").asLong()).isEqualTo(5001);
        assertThat(item.path("logistic_info").get(0).path("enabled").asBoolean()).isTrue();
        assertThat(item.path("seller_stock").get(0).path("stock").asInt()).isEqualTo(honey.stock());
        assertThat(item.path("condition").asText()).isEqualTo("NEW");
        assertThat(item.path("item_status").asText()).isEqualTo("NORMAL");
        assertThat(item.path("category_id").isIntegralNumber()).isTrue();
    }

    @Test
    void aListingWithoutGtinOrRegisteredBrandIsSentAsShopeeDefines() {
        ShopeeMapper mapper = mapper(ShopeeTestHub.shippedConfig(CREDENTIALS));
        Listing noGtin = TestListings.sample(1);

        ObjectNode item = mapper.addItem(noGtin, List.of("img"));

        assertThat(item.path("gtin_code").asText()).isEqualTo("00");
        assertThat(item.path("brand").path("brand_id").asLong()).isZero();
        assertThat(item.path("brand").path("original_brand_name").asText()).isEqualTo("No Brand");
    }

    @Test
    void aRegisteredBrandAndASubGroupCategoryComeFromTheMappingTables() {
        ConnectorConfig shipped = ShopeeTestHub.shippedConfig(CREDENTIALS);
        Map<String, Map<String, String>> mapping = new HashMap<>(shipped.mapping());
        mapping.put("brand", Map.of("Chè Ba Trại", "1234567"));
        Map<String, String> categories = new HashMap<>(shipped.mapping().get("category"));
        categories.put("II.1.a", "100870");
        mapping.put("category", categories);
        ShopeeMapper mapper = mapper(withMapping(shipped, mapping));
        Listing tea = TestListings.sample(0, n -> n.put("subgroup", "II.1.a"));

        ObjectNode item = mapper.addItem(tea, List.of("img"));

        assertThat(item.path("brand").path("brand_id").asLong()).isEqualTo(1234567);
        assertThat(item.path("brand").path("original_brand_name").asText()).isEqualTo("Chè Ba Trại");
        assertThat(item.path("category_id").asLong()).isEqualTo(100870);
        assertThat(mapper.categoryId(TestListings.sample(2))).as("FOOD, no sub-group").isEqualTo(100640);
    }

    @Test
    void anUnmappedGroupIsRefusedWithTheSettingToFix() {
        ConnectorConfig shipped = ShopeeTestHub.shippedConfig(CREDENTIALS);
        Map<String, Map<String, String>> mapping = new HashMap<>(shipped.mapping());
        mapping.put("category", Map.of("FOOD", "100640"));
        ShopeeMapper mapper = mapper(withMapping(shipped, mapping));

        assertThatThrownBy(() -> mapper.categoryId(TestListings.sample(0)))
                .isInstanceOf(PermanentPartnerException.class).hasMessageContaining("mapping.category");
    }

    @Test
    void aLongDescriptionIsShortenedButTheCertificationIsKept() {
        ShopeeMapper mapper = mapper(ShopeeTestHub.shippedConfig(CREDENTIALS));
        Listing wordy = TestListings.sample(0, n -> ((ObjectNode) n.get("description")).put("vi", "Chè ngon. ".repeat(450)));

        String description = mapper.description(wordy);

        assertThat(description.length()).isLessThanOrEqualTo(ShopeeSettings.DEFAULT_DESCRIPTION_MAX);
        assertThat(description).startsWith("Chè ngon.").contains("…").contains("3292/QĐ-UBND")
                .endsWith(wordy.traceabilityUrl());
    }

    @Test
    void heavyParcelsAreWholeKilogramsNotScientificNotation() {
        ShopeeMapper mapper = mapper(ShopeeTestHub.shippedConfig(CREDENTIALS));
        Listing heavy = TestListings.sample(4, n -> n.put("grossWeightGrams", 10_000));

        assertThat(mapper.addItem(heavy, List.of("img")).toString()).contains("\"weight\":10,");
    }

    private ShopeeMapper mapper(ConnectorConfig config) {
        return new ShopeeMapper(config, ShopeeSettings.from(config), json);
    }

    private static ConnectorConfig withMapping(ConnectorConfig c, Map<String, Map<String, String>> mapping) {
        return new ConnectorConfig(c.partner(), c.displayName(), c.kind(), c.connector(), c.enabled(), c.toggles(),
                c.eligibility(), mapping, c.pricing(), c.stock(), c.transport(), c.requires(), c.profile(),
                c.rateLimit(), c.retry(), c.schedule(), c.consumers());
    }

    private static Partner registered(Map<String, String> environment) throws IOException {
        Path dir = Files.createTempDirectory("shopee-registry");
        Files.copy(Path.of("connectors-config", "shopee.yaml"), dir.resolve("shopee.yaml"));
        MockEnvironment env = new MockEnvironment();
        environment.forEach(env::setProperty);
        HubProperties properties = new HubProperties(dir, dir, null, null, null, null);
        ShopeeConnector connector = new ShopeeConnector(new ObjectMapper(), null, null, Clock.systemUTC(),
                url -> {
                    throw new AssertionError("no image is fetched here");
                });
        return new PartnerRegistry(properties, env, List.of(connector)).find("shopee").orElseThrow();
    }
}
