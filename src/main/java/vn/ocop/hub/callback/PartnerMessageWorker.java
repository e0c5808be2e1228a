package vn.ocop.hub.callback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.producer.ProducerEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works the stored partner messages (route {@code partner-message-worker}): each due one becomes
 * canonical events through its partner's normaliser, the events are published (new ones stored,
 * orders moving stock, in one transaction), then the message is DONE. Publishing is idempotent by
 * event id, so a crash between the two, or two hub instances taking the same message, repeats
 * nothing. Passing trouble is retried with growing waits and FAILED after the configured number
 * of attempts; a message that cannot become events is FAILED at once. FAILED messages keep their
 * reason and can be replayed.
 */
@Component("partnerMessageWorker")
public class PartnerMessageWorker {

    private static final Logger log = LoggerFactory.getLogger(PartnerMessageWorker.class);

    private final PartnerMessageStore store;
    private final PartnerRegistry registry;
    private final ProducerEvents events;
    private final PartnerMessageSettings settings;
    private final Map<String, MessageNormaliser> byConnector = new HashMap<>();

    public PartnerMessageWorker(PartnerMessageStore store, PartnerRegistry registry, ProducerEvents events,
                                PartnerMessageSettings settings, List<MessageNormaliser> normalisers) {
        this.store = store;
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        normalisers.forEach(n -> byConnector.put(n.connector(), n));
    }

    /** Works every message due now, up to the batch size; returns how many were taken. */
    public int processDue() {
        List<PartnerMessage> due = store.due(Instant.now(), settings.batchSize());
        for (PartnerMessage message : due) {
            process(message);
        }
        return due.size();
    }

    void process(PartnerMessage message) {
        try {
            MessageNormaliser.Normalised result = normaliser(message).normalise(message);
            int added = events.publish(result.events(), true);
            store.done(message.id(), result.note());
            log.debug("{} message {}: {} event(s), {} new", message.partner(), message.id(), result.events().size(),
                    added);
        } catch (UnusableMessageException unusable) {
            failed(message, unusable.getMessage());
        } catch (PermanentPartnerException refused) {
            failed(message, message.partner() + " refused: " + refused.getMessage());
        } catch (RuntimeException trouble) {
            int failures = message.attempts() + 1;
            String reason = trouble.getMessage() == null ? trouble.toString() : trouble.getMessage();
            if (failures >= settings.maxAttempts()) {
                failed(message, "gave up after " + failures + " attempts: " + reason);
                return;
            }
            Duration wait = settings.retryAfter(failures);
            store.retryLater(message.id(), reason, Instant.now().plus(wait));
            log.info("{} message {} failed (attempt {}), retried in {}: {}", message.partner(), message.id(), failures,
                    wait, reason);
        }
    }

    private MessageNormaliser normaliser(PartnerMessage message) {
        Partner partner = registry.find(message.partner()).orElseThrow(() ->
                new UnusableMessageException("no partner " + message.partner() + " in connectors-config"));
        MessageNormaliser normaliser = byConnector.get(partner.config().connector());
        if (normaliser == null) {
            throw new UnusableMessageException("no normaliser for connector " + partner.config().connector());
        }
        return normaliser;
    }

    private void failed(PartnerMessage message, String reason) {
        store.failed(message.id(), reason);
        log.warn("{} message {} FAILED (replay with POST /api/v1/partner-messages/{}/replay): {}",
                message.partner(), message.id(), message.id(), reason);
    }
}
