package vn.ocop.hub.connector;

/**
 * A configured partner and whether its synchronizer runs. A partner that cannot run (its
 * connector is not built, or a credential is missing) is still listed, with the reason, so the
 * operator and every listing's status can say why nothing reaches it.
 */
public record Partner(ConnectorConfig config, boolean active, String disabledReason) {

    public String name() {
        return config.partner();
    }

    public boolean isMarketplace() {
        return config.kind() == ConnectorConfig.PartnerKind.MARKETPLACE;
    }

    public boolean isRetailChain() {
        return config.kind() == ConnectorConfig.PartnerKind.RETAIL_CHAIN;
    }
}
