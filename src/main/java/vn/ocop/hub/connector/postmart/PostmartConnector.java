package vn.ocop.hub.connector.postmart;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceConnector;
import vn.ocop.hub.connector.marketplace.PartnerHttp;

/** Postmart (Vietnam Post): contract defined by this project, see partners.md. */
@Component
public class PostmartConnector implements MarketplaceConnector {

    private final ObjectMapper json;

    public PostmartConnector(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String connectorId() {
        return "postmart";
    }

    @Override
    public MarketplaceAdapter adapter(ConnectorConfig config, PartnerHttp http) {
        return new PostmartAdapter(http, new PostmartMapper(config, json), config.transport("apiKey"), json);
    }
}
