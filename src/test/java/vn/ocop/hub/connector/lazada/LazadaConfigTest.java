package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped connectors-config/lazada.yaml, read by the hub's own loader and registry. */
class LazadaConfigTest {

    private static Partner lazadaIn(MockEnvironment env) {
        Path dir = LazadaRig.onlyLazadaYaml();
        HubProperties properties = new HubProperties(Path.of("target"), dir, null, null, null, null);
        LazadaConnector connector = new LazadaConnector(null, null, null, null, null);
        return new PartnerRegistry(properties, env, List.of(connector)).find("lazada").orElseThrow();
    }

    @Test
    void staysDisabledWithoutCredentialsAndNamesWhatIsMissing() {
        Partner lazada = lazadaIn(new MockEnvironment());

        assertThat(lazada.active()).isFalse();
        assertThat(lazada.disabledReason()).contains("LAZADA_APP_KEY", "LAZADA_APP_SECRET", "LAZADA_ACCESS_TOKEN",
                "LAZADA_REFRESH_TOKEN");
    }

    @Test
    void runsOnceTheEnvironmentSuppliesThem() {
        Partner lazada = lazadaIn(new MockEnvironment()
                .withProperty("LAZADA_APP_KEY", "105827")
                .withProperty("LAZADA_APP_SECRET", "s")
                .withProperty("LAZADA_ACCESS_TOKEN", "a")
                .withProperty("LAZADA_REFRESH_TOKEN", "r"));

        assertThat(lazada.active()).as(lazada.disabledReason()).isTrue();
        ConnectorConfig config = lazada.config();
        assertThat(config.connector()).isEqualTo("lazada");
        assertThat(config.transport("baseUrl")).isEqualTo("https://api.lazada.vn/rest");
        assertThat(config.transport("authUrl")).isEqualTo("https://auth.lazada.com/rest");
        LazadaSettings settings = LazadaSettings.from(config);
        assertThat(settings.refreshBeforeExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.contentPerSecond()).isEqualTo(5);
        assertThat(settings.skusPerCall()).as("Lazada's most per price_quantity call").isEqualTo(50);
    }

    @Test
    void skusPerPriceQuantityCallCanBeLoweredButNotRaisedAboveLazadasFifty() {
        try (LazadaRig rig = LazadaRig.start(Map.of("LAZADA_PRICE_STOCK_SKUS_PER_CALL", "20"), false)) {
            assertThat(rig.adapter.priceStockBatching().orElseThrow().maxPerCall()).isEqualTo(20);
        }
        for (String wrong : new String[] {"51", "0", "many"}) {
            ConnectorConfig config = LazadaRig.shippedConfig(new MockEnvironment()
                    .withProperty("LAZADA_APP_KEY", "105827").withProperty("LAZADA_APP_SECRET", "s")
                    .withProperty("LAZADA_PRICE_STOCK_SKUS_PER_CALL", wrong));
            assertThatThrownBy(() -> LazadaSettings.from(config)).as(wrong)
                    .hasMessageContaining("profile.priceStockSkusPerCall").hasMessageContaining("1 to 50")
                    .hasMessageContaining("'" + wrong + "'");
        }
    }

    @Test
    void springBuildsTheConnectorWithTheHubsBeans() throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            JdbcTemplate jdbc = new JdbcTemplate();
            context.registerBean(PartnerCredentialStore.class, () -> new PartnerCredentialStore(jdbc));
            context.registerBean(PartnerMediaStore.class, () -> new PartnerMediaStore(jdbc));
            context.registerBean(BindingStore.class, () -> new BindingStore(jdbc));
            context.registerBean(ProducerTemplate.class, () -> camel.createProducerTemplate());
            context.registerBean(ObjectMapper.class, () -> new ObjectMapper());
            context.register(LazadaConnector.class);
            context.refresh();

            assertThat(context.getBean(LazadaConnector.class).connectorId()).isEqualTo("lazada");
        }
    }

    @Test
    void everyGroupLazadaTakesHasACategoryAndTheLimitsMatchLazadas() {
        ConnectorConfig config = LazadaRig.shippedConfig(new MockEnvironment());

        for (ProductGroup group : config.eligibility().groups()) {
            assertThat(config.mapped("category", group.name())).as(group.name()).matches("\\d+");
        }
        assertThat(config.eligibility().groups()).doesNotContain(ProductGroup.TOURISM);
        assertThat(config.rateLimit().requestsPerSecond()).as("inventory calls per second per seller").isEqualTo(50);
        assertThat(config.pricing().roundTo()).isEqualTo(1000);
        assertThat(config.mapped("brand", "default")).isEqualTo("No Brand");
        assertThat(config.requires()).containsExactlyInAnyOrder("transport.baseUrl", "transport.authUrl",
                "transport.appKey", "transport.appSecret", "transport.accessToken", "transport.refreshToken");
    }
}
