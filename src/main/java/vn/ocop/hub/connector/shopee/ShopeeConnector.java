package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceConnector;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;

import java.time.Clock;
import java.time.Duration;

/** Shopee Vietnam through Shopee Open Platform v2 (design/partners.md, research/marketplaces.md §1). */
@Component
public class ShopeeConnector implements MarketplaceConnector {

    private static final Duration IMAGE_DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final PartnerCredentialStore credentials;
    private final PartnerMediaStore media;
    private final Clock clock;
    private final ImageSource images;

    @Autowired
    public ShopeeConnector(ObjectMapper json, PartnerCredentialStore credentials, PartnerMediaStore media, Clock clock) {
        this(json, credentials, media, clock, new HttpImageSource(IMAGE_DOWNLOAD_TIMEOUT));
    }

    /** With another image source: tests, or a hub that keeps the producers' images itself. */
    public ShopeeConnector(ObjectMapper json, PartnerCredentialStore credentials, PartnerMediaStore media, Clock clock,
                           ImageSource images) {
        this.json = json;
        this.credentials = credentials;
        this.media = media;
        this.clock = clock;
        this.images = images;
    }

    @Override
    public String connectorId() {
        return "shopee";
    }

    @Override
    public MarketplaceAdapter adapter(ConnectorConfig config, PartnerHttp http) {
        ShopeeSettings settings = ShopeeSettings.from(config);
        ShopeeSigner signer = new ShopeeSigner(settings.partnerId(), settings.partnerKey());
        ShopeeTokens tokens = new ShopeeTokens(config.partner(), http, signer, settings, credentials, json, clock);
        ShopeeClient client = new ShopeeClient(http, signer, tokens, settings, json, clock);
        return new ShopeeAdapter(config, client, new ShopeeMapper(config, settings, json),
                new ShopeeImages(config.partner(), client, images, media), new ShopeeItemLookup(client, clock), clock);
    }
}
