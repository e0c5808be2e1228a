package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.TokenBucket;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceConnector;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;

import java.time.Clock;

/** Lazada Vietnam (Lazada Open Platform), see partners.md and connectors-config/lazada.yaml. */
@Component
public class LazadaConnector implements MarketplaceConnector {

    private final PartnerCredentialStore credentials;
    private final PartnerMediaStore media;
    private final BindingStore bindings;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Clock wallClock;

    @Autowired
    public LazadaConnector(PartnerCredentialStore credentials, PartnerMediaStore media, BindingStore bindings,
                           ProducerTemplate producer, ObjectMapper json) {
        // not the hub's Clock bean: that one judges certificates and may be fixed; Lazada checks real UTC time
        this(credentials, media, bindings, producer, json, Clock.systemUTC());
    }

    LazadaConnector(PartnerCredentialStore credentials, PartnerMediaStore media, BindingStore bindings,
                    ProducerTemplate producer, ObjectMapper json, Clock wallClock) {
        this.credentials = credentials;
        this.media = media;
        this.bindings = bindings;
        this.producer = producer;
        this.json = json;
        this.wallClock = wallClock;
    }

    @Override
    public String connectorId() {
        return "lazada";
    }

    @Override
    public MarketplaceAdapter adapter(ConnectorConfig config, PartnerHttp http) {
        LazadaSettings settings = LazadaSettings.from(config);
        LazadaTransport transport = new LazadaTransport(settings.appKey(), new LazadaSigner(settings.appSecret()),
                json, wallClock);
        // tokens live on another host (auth.lazada.com); refreshes are rare, so no rate limit there
        PartnerHttp auth = new PartnerHttp(config.partner(), producer, settings.authUrl(), null);
        LazadaTokens tokens = new LazadaTokens(settings, transport, auth, credentials, wallClock);
        LazadaClient client = new LazadaClient(http, transport, tokens, contentBudget(settings));
        LazadaMapper mapper = new LazadaMapper(config, json);
        LazadaLookup lookup = new LazadaLookup(client, json);
        return new LazadaAdapter(client, mapper, new LazadaImages(config.partner(), client, mapper, media), lookup,
                new LazadaSkuIds(config.partner(), bindings, lookup), settings.skusPerCall());
    }

    private static TokenBucket contentBudget(LazadaSettings settings) {
        if (settings.contentPerSecond() <= 0) {
            return null;
        }
        return new TokenBucket(settings.contentPerSecond(), (int) Math.max(1, Math.ceil(settings.contentPerSecond())));
    }
}
