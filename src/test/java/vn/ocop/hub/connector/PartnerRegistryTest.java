package vn.ocop.hub.connector;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerRegistryTest {

    private static List<ConnectorConfig> load(MockEnvironment env) {
        return ConnectorConfigLoader.load(Path.of("connectors-config"), env);
    }

    @Test
    void allEightPartnersAreConfigured() {
        assertThat(load(new MockEnvironment())).extracting(ConnectorConfig::partner)
                .containsExactlyInAnyOrder("aeon", "centralretail", "winmart", "hapro", "shopee", "lazada", "tiki",
                        "postmart");
    }

    @Test
    void missingCredentialsDisableAPartnerAndNameTheVariable() {
        ConnectorConfig postmart = load(new MockEnvironment()).stream()
                .filter(c -> c.partner().equals("postmart")).findFirst().orElseThrow();
        Partner p = PartnerRegistry.evaluate(postmart, Set.of("postmart", "aeon-csv"));
        assertThat(p.active()).isFalse();
        assertThat(p.disabledReason()).contains("POSTMART_BASE_URL").contains("POSTMART_API_KEY");
    }

    @Test
    void environmentSuppliesCredentialsAndEnablesThePartner() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("POSTMART_BASE_URL", "http://127.0.0.1:1")
                .withProperty("POSTMART_API_KEY", "k")
                .withProperty("AEON_SFTP_PASSWORD", "s");
        List<ConnectorConfig> configs = load(env);
        // every connector named in connectors-config counts as built here
        Set<String> built = configs.stream().map(ConnectorConfig::connector).filter(c -> c != null)
                .collect(java.util.stream.Collectors.toSet());
        for (ConnectorConfig c : configs) {
            Partner p = PartnerRegistry.evaluate(c, built);
            if (c.partner().equals("postmart") || c.partner().equals("aeon")) {
                assertThat(p.active()).as(c.partner()).isTrue();
            } else if (c.connector() == null) {
                assertThat(p.active()).as(c.partner()).isFalse();
                assertThat(p.disabledReason()).isEqualTo("connector not built yet");
            } else {
                assertThat(p.active()).as(c.partner()).isFalse();
                assertThat(p.disabledReason()).as(c.partner()).startsWith("missing configuration: ")
                        .contains(c.partner().toUpperCase() + "_");
            }
        }
        ConnectorConfig postmart = configs.stream().filter(c -> c.partner().equals("postmart")).findFirst().orElseThrow();
        assertThat(postmart.transport("baseUrl")).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void aConnectorThatIsNotDeployedIsReported() {
        ConnectorConfig postmart = load(new MockEnvironment().withProperty("POSTMART_BASE_URL", "http://x")
                .withProperty("POSTMART_API_KEY", "k")).stream()
                .filter(c -> c.partner().equals("postmart")).findFirst().orElseThrow();
        assertThat(PartnerRegistry.evaluate(postmart, Set.of()).disabledReason()).isEqualTo("unknown connector 'postmart'");
    }

    @Test
    void sftpSettingsFollowTheChainNamingConvention() {
        assertThat(PartnerRegistry.environmentName("winmart", "password")).isEqualTo("WINMART_SFTP_PASSWORD");
        assertThat(PartnerRegistry.environmentName("shopee", "partnerKey")).isEqualTo("SHOPEE_PARTNER_KEY");
    }
}
