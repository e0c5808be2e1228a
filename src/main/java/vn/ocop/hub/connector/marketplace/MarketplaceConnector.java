package vn.ocop.hub.connector.marketplace;

import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorFactory;

/** A marketplace the hub can push to: builds that partner's Adapter from its configuration. */
public interface MarketplaceConnector extends ConnectorFactory {
    MarketplaceAdapter adapter(ConnectorConfig config, PartnerHttp http);
}
