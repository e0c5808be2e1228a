package vn.ocop.hub.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where verified callbacks land: one insert into partner_message, committed before the
 * partner's answer is sent (durable before acknowledged). The work happens later, in
 * {@link PartnerMessageWorker}, so the answer is as fast as one insert.
 */
@Component
public class CallbackInbox {

    private static final Logger log = LoggerFactory.getLogger(CallbackInbox.class);

    private final PartnerRegistry registry;
    private final PartnerMessageStore store;

    public CallbackInbox(PartnerRegistry registry, PartnerMessageStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** The partner's configuration when it is switched on in connectors-config; credentials may still be missing. */
    public Optional<ConnectorConfig> config(String partner) {
        return registry.find(partner).map(Partner::config).filter(ConnectorConfig::enabled);
    }

    /** Stores a verified body; false when it was a redelivery or the partner's orders toggle is off. */
    public boolean accept(String partner, String dedupKey, byte[] rawBody) {
        ConnectorConfig config = config(partner).orElseThrow();
        if (config.toggles() != null && !config.toggles().orders()) {
            log.info("{} callback ignored: the orders toggle is off in connectors-config/{}.yaml", partner, partner);
            return false;
        }
        boolean stored = store.receive(partner, dedupKey, new String(rawBody, StandardCharsets.UTF_8));
        if (!stored) {
            log.debug("{} redelivered {}: already stored", partner, dedupKey);
        }
        return stored;
    }

    /** A setting from the partner's transport section, blank as null. */
    public static String setting(ConnectorConfig config, String key) {
        String value = config.transport(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
