package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceConnector;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.store.PartnerCredentialStore;

import java.time.Clock;

/** Tiki Open API (open.tiki.vn): OAuth2 client credentials, reviewed product requests, updateSku. */
@Component
public class TikiConnector implements MarketplaceConnector {

    private final ObjectMapper json;
    private final PartnerCredentialStore store;
    private final Clock clock;

    public TikiConnector(ObjectMapper json, PartnerCredentialStore store, Clock clock) {
        this.json = json;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String connectorId() {
        return "tiki";
    }

    @Override
    public MarketplaceAdapter adapter(ConnectorConfig config, PartnerHttp http) {
        TikiSettings settings = TikiSettings.from(config);
        TikiTokens tokens = new TikiTokens(http, json, clock, settings.clientId(), settings.clientSecret());
        TikiApi api = new TikiApi(http, tokens, json);
        return new TikiAdapter(api, new TikiMapper(config, settings, json),
                new TikiCreateJournal(store, config.partner()), settings, clock);
    }
}
