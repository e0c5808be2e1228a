package vn.ocop.hub.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.connector.chain.CatalogueStaging;
import vn.ocop.hub.connector.chain.ChainStagingSynchronizer;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.MarketplaceConnector;
import vn.ocop.hub.connector.marketplace.MarketplaceSynchronizer;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.connector.marketplace.PriceStockBatcher;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PriceStockQueue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one Synchronizer per active partner from its configuration and connector, and is what
 * the {@code listing-synchronizer} route template calls for every message on a partner's queue.
 */
@Component("synchronizers")
public class Synchronizers {

    public static final String PARTNER_HEADER = "hubPartner";
    public static final String RESYNC_HEADER = "hubResync";

    private final Map<String, Synchronizer> byPartner = new HashMap<>();
    private final ObjectMapper json;

    public Synchronizers(PartnerRegistry registry, List<ConnectorFactory> connectors, BindingStore bindings,
                         CatalogueStaging staging, ProducerTemplate producer, ObjectMapper json,
                         TransactionTemplate tx, PriceStockQueue priceStock) {
        this.json = json;
        Map<String, ConnectorFactory> byId = new HashMap<>();
        connectors.forEach(c -> byId.put(c.connectorId(), c));
        for (Partner partner : registry.active()) {
            ConnectorConfig config = partner.config();
            Retrier retrier = new Retrier(config.retry(), d -> Thread.sleep(d.toMillis()));
            Synchronizer synchronizer;
            if (partner.isMarketplace()) {
                MarketplaceConnector connector = (MarketplaceConnector) byId.get(config.connector());
                PartnerHttp http = new PartnerHttp(partner.name(), producer, config.transport("baseUrl"),
                        TokenBucket.of(config.rateLimit()));
                MarketplaceAdapter adapter = connector.adapter(config, http);
                PriceStockBatcher batcher = adapter.priceStockBatching()
                        .map(b -> new PriceStockBatcher(partner.name(), b, priceStock, Clock.systemUTC()))
                        .orElse(null);
                synchronizer = new MarketplaceSynchronizer(config, adapter, bindings, retrier, batcher);
            } else {
                synchronizer = new ChainStagingSynchronizer(config, staging, bindings, tx);
            }
            byPartner.put(partner.name(), synchronizer);
        }
    }

    public void synchronize(@Header(PARTNER_HEADER) String partner, @Header(RESYNC_HEADER) Boolean resync,
                            @Body String message) {
        Synchronizer synchronizer = byPartner.get(partner);
        if (synchronizer == null) {
            throw new IllegalStateException("no active synchronizer for partner " + partner);
        }
        synchronizer.synchronize(parse(message), Boolean.TRUE.equals(resync));
    }

    /** For the approval-poll route template: settles items a partner finished reviewing. */
    public int pollApprovals(@Header(PARTNER_HEADER) String partner) {
        return byPartner.get(partner) instanceof MarketplaceSynchronizer m ? m.pollApprovals(100) : 0;
    }

    /** The Adapter an active marketplace's synchronizer uses: its signing, tokens and rate limit, shared. */
    public java.util.Optional<MarketplaceAdapter> adapter(String partner) {
        return byPartner.get(partner) instanceof MarketplaceSynchronizer m ? java.util.Optional.of(m.adapter())
                : java.util.Optional.empty();
    }

    /**
     * For the price-stock-batch route template: sends what the partner's consumers staged, a
     * call's worth at a time, up to {@value #CALLS_PER_TICK} calls per tick so the timer stays lively.
     */
    public int flushPriceStock(@Header(PARTNER_HEADER) String partner) {
        return byPartner.get(partner) instanceof MarketplaceSynchronizer m ? m.flushPriceStock(CALLS_PER_TICK) : 0;
    }

    static final int CALLS_PER_TICK = 20;

    public boolean batchesPriceStock(String partner) {
        return byPartner.get(partner) instanceof MarketplaceSynchronizer m && m.batchesPriceStock();
    }

    public boolean tracksApprovals(String partner) {
        return byPartner.get(partner) instanceof MarketplaceSynchronizer m && m.tracksApprovals();
    }

    ChangeEvent parse(String message) {
        try {
            return json.readValue(message, ChangeEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable change event: " + e.getOriginalMessage(), e);
        }
    }
}
