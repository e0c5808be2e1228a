package vn.ocop.hub.callback;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.Retrier;
import vn.ocop.hub.connector.Synchronizers;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A marketplace's API for reading orders back: the very Adapter its synchronizer uses (one token
 * holder per partner, so Shopee's single-use refresh token is never spent twice), behind that
 * partner's retry policy from connectors-config.
 */
@Component
public class PartnerApis {

    private final PartnerRegistry registry;
    private final Function<String, Optional<MarketplaceAdapter>> adapters;
    private final Retrier.Sleeper sleeper;
    private final Map<String, Retrier> retriers = new ConcurrentHashMap<>();

    @Autowired
    public PartnerApis(PartnerRegistry registry, Synchronizers synchronizers) {
        this(registry, synchronizers::adapter, d -> Thread.sleep(d.toMillis()));
    }

    public PartnerApis(PartnerRegistry registry, Function<String, Optional<MarketplaceAdapter>> adapters,
                       Retrier.Sleeper sleeper) {
        this.registry = registry;
        this.adapters = adapters;
        this.sleeper = sleeper;
    }

    /**
     * The partner's API of this kind. A partner that is not running (credentials missing) is
     * passing trouble, not the message's fault: the message waits and is retried.
     */
    public <T> T api(String partner, Class<T> kind) {
        Partner p = registry.find(partner)
                .orElseThrow(() -> new UnusableMessageException("no partner " + partner + " in connectors-config"));
        if (!p.active()) {
            throw new TransientPartnerException(partner + " is not running (" + p.disabledReason()
                    + "): its orders cannot be read until it is");
        }
        MarketplaceAdapter adapter = adapters.apply(partner).orElseThrow(() ->
                new TransientPartnerException(partner + " has no running adapter"));
        if (!kind.isInstance(adapter)) {
            throw new IllegalStateException(partner + "'s adapter does not offer " + kind.getSimpleName());
        }
        return kind.cast(adapter);
    }

    /** One call with the partner's retries for transient failures (connection, 5xx, 429, busy codes). */
    public <T> T call(String partner, String what, Supplier<T> action) {
        Retrier retrier = retriers.computeIfAbsent(partner, name -> new Retrier(
                registry.find(name).map(p -> p.config().retry()).orElse(null), sleeper));
        return retrier.call(partner + " " + what, action);
    }
}
