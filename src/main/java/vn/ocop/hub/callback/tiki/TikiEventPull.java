package vn.ocop.hub.callback.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.callback.PartnerApis;
import vn.ocop.hub.callback.PartnerMessageStore;
import vn.ocop.hub.callback.Payloads;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.tiki.TikiOrderApi;
import vn.ocop.hub.store.PartnerCredentialStore;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tiki's events are pulled (route template {@code tiki-event-pull}). A pull acknowledges the batch
 * whose ack_id it sends, so each batch and the ack_id that came with it are committed together
 * before the next pull: a crash before the commit sends the old ack_id again and Tiki serves the
 * same batch again (stored once, by event id); a crash after it loses nothing.
 */
@Component("tikiEventPull")
public class TikiEventPull {

    /** Where the ack_id of the last stored batch is kept, in partner_credential beside the tokens. */
    public static final String ACK_ID = "event_queue_ack_id";
    /** Batches per run, so a backlog is drained over a few runs without holding the timer thread long. */
    static final int MAX_BATCHES = 20;

    private static final Logger log = LoggerFactory.getLogger(TikiEventPull.class);

    private final PartnerApis apis;
    private final PartnerRegistry registry;
    private final PartnerMessageStore store;
    private final PartnerCredentialStore credentials;
    private final TransactionTemplate tx;

    public TikiEventPull(PartnerApis apis, PartnerRegistry registry, PartnerMessageStore store,
                         PartnerCredentialStore credentials, TransactionTemplate tx) {
        this.apis = apis;
        this.registry = registry;
        this.store = store;
        this.credentials = credentials;
        this.tx = tx;
    }

    /** The queue code from {@code profile.eventQueue} (TIKI_EVENT_QUEUE), if one is configured. */
    public static Optional<String> queue(ConnectorConfig config) {
        return config.setting("eventQueue");
    }

    /** @return how many events were new to the hub */
    public int pull(@Header("hubPartner") String partner) {
        ConnectorConfig config = registry.find(partner).map(Partner::config).orElseThrow();
        String queue = queue(config).orElseThrow(() -> new IllegalStateException(partner + " has no event queue"));
        TikiOrderApi api = apis.api(partner, TikiOrderApi.class);
        int stored = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            String ackId = credentials.find(partner, ACK_ID).map(PartnerCredentialStore.Credential::value).orElse(null);
            JsonNode answer = apis.call(partner, "pull of queue " + queue, () -> api.pullEvents(queue, ackId));
            JsonNode events = answer.path("events");
            String next = Payloads.text(answer, "ack_id");
            Integer added = tx.execute(status -> {
                int n = 0;
                for (JsonNode event : events) {
                    if (store.receive(partner, dedupKey(event), event.toString())) {
                        n++;
                    }
                }
                if (next != null) {
                    credentials.save(partner, ACK_ID, next, null);
                }
                return n;
            });
            stored += added == null ? 0 : added;
            if (events.isEmpty()) {
                break;
            }
        }
        if (stored > 0) {
            log.info("{}: {} new event(s) from queue {}", partner, stored, queue);
        }
        return stored;
    }

    static String dedupKey(JsonNode event) {
        String id = Payloads.text(event, "id");
        return id != null ? "event " + id
                : "body:" + PartnerMessageStore.sha256(event.toString().getBytes(StandardCharsets.UTF_8));
    }
}
