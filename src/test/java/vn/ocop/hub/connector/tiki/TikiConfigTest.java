package vn.ocop.hub.connector.tiki;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.support.TestListings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** connectors-config/tiki.yaml as the hub reads it: active with credentials, disabled without. */
class TikiConfigTest {

    private static final Map<String, String> CREDENTIALS = Map.of("TIKI_CLIENT_ID", "app", "TIKI_CLIENT_SECRET",
            "secret", "TIKI_WAREHOUSE_ID", "1034");

    private final TikiConnector connector = new TikiConnector(TestListings.JSON, new PartnerCredentialStore(null),
            Clock.systemUTC());

    @Test
    void withCredentialsTikiIsActiveAndServedByTheTikiConnector() {
        Partner tiki = registered(CREDENTIALS);

        assertThat(tiki.active()).as(tiki.disabledReason()).isTrue();
        assertThat(tiki.config().connector()).isEqualTo(connector.connectorId());
        assertThat(tiki.isMarketplace()).isTrue();
    }

    @Test
    void withoutCredentialsTikiStaysDisabledAndSaysWhichSettingsAreMissing() {
        Partner tiki = registered(Map.of());

        assertThat(tiki.active()).isFalse();
        assertThat(tiki.disabledReason())
                .isEqualTo("missing configuration: TIKI_CLIENT_ID, TIKI_CLIENT_SECRET, TIKI_WAREHOUSE_ID");
    }

    @Test
    void theRateLimitNeverExceedsTikisTwoHundredPerSecond() {
        ConnectorConfig config = TikiYaml.load(CREDENTIALS);

        // a token bucket admits up to rate + burst requests in any one-second window
        assertThat(config.rateLimit().requestsPerSecond() + config.rateLimit().burst()).isLessThanOrEqualTo(200);
        assertThat(config.rateLimit().requestsPerSecond()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void theApprovalPollPeriodDefaultsToAMinuteAndCanBeShortened() {
        assertThat(TikiYaml.load(CREDENTIALS).schedule().approvalPollEvery()).isEqualTo(Duration.ofMinutes(1));

        Map<String, String> quick = new java.util.HashMap<>(CREDENTIALS);
        quick.put("TIKI_APPROVAL_POLL_EVERY", "PT2S");
        assertThat(TikiYaml.load(quick).schedule().approvalPollEvery()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWarehouseIdThatIsNotTikisNumericIdStopsTheAdapterFromBeingBuilt() {
        Map<String, String> typo = new java.util.HashMap<>(CREDENTIALS);
        typo.put("TIKI_WAREHOUSE_ID", "kho-ha-noi");
        ConnectorConfig config = TikiYaml.load(typo);

        assertThatThrownBy(() -> connector.adapter(config, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TIKI_WAREHOUSE_ID must be Tiki's numeric warehouse id");
    }

    @Test
    void theSecretNeverAppearsInTheSettingsText() {
        TikiSettings settings = TikiSettings.from(TikiYaml.load(CREDENTIALS));

        assertThat(settings.toString()).doesNotContain("secret=secret").contains("clientSecret=***");
    }

    private Partner registered(Map<String, String> properties) {
        MockEnvironment env = new MockEnvironment();
        properties.forEach(env::setProperty);
        Path dir = TikiYaml.copyAlone();
        try {
            HubProperties hub = new HubProperties(null, dir, null, null, null, null);
            return new PartnerRegistry(hub, env, List.of(connector)).find("tiki").orElseThrow();
        } finally {
            TikiYaml.delete(dir);
        }
    }
}
