package vn.ocop.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.ocop.hub.broker.OutboxRelay;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.OutboxStore;

import java.util.List;

/**
 * Publishes a change by writing it to the outbox inside the caller's transaction: the event
 * exists exactly when the listing change it describes was committed. The relay moves it to
 * the broker after commit.
 */
@Component
public class ChangePublisher {

    private final OutboxStore outbox;
    private final BindingStore bindings;
    private final List<Partner> activePartners;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    public ChangePublisher(OutboxStore outbox, BindingStore bindings, PartnerRegistry partners, OutboxRelay relay,
                           ObjectMapper json) {
        this.outbox = outbox;
        this.bindings = bindings;
        this.activePartners = partners.active();
        this.relay = relay;
        this.json = json;
    }

    /**
     * Partners whose state this change moves. A price or stock change a partner does not take
     * (a chain's catalogue has no stock) leaves its binding as it is; creations and withdrawals
     * concern everyone. Every partner's queue still gets the event: eligibility is its own call.
     */
    private List<String> partnersConcerned(ChangeEvent event) {
        boolean everyone = event.change() == ChangeType.CREATED || event.change() == ChangeType.WITHDRAWN;
        return activePartners.stream()
                .filter(p -> everyone || p.config().toggles().takesAny(event.changed()))
                .map(Partner::name).toList();
    }

    public void publish(ChangeEvent event, Integer previousStock) {
        try {
            outbox.add(event.eventId(), event.ocopId(), event.priority(previousStock), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        bindings.markPending(event.ocopId(), partnersConcerned(event), "revision " + event.revision() + " ("
                + event.change() + ") queued");
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        } else {
            relay.wakeUp();
        }
    }
}
