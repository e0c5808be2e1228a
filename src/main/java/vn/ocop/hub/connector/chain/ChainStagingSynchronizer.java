package vn.ocop.hub.connector.chain;

import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Eligibility;
import vn.ocop.hub.connector.Synchronizer;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.BindingStore;

import java.util.Optional;

/**
 * Listing changes → a retail chain's staging area. Chains pull files, so delivery here means
 * recording what the next delta must say; the catalogue publisher turns that into files and
 * marks the listings delivered once the file is on the server.
 */
public final class ChainStagingSynchronizer implements Synchronizer {

    private final ConnectorConfig config;
    private final CatalogueStaging staging;
    private final BindingStore bindings;
    private final TransactionTemplate tx;

    public ChainStagingSynchronizer(ConnectorConfig config, CatalogueStaging staging, BindingStore bindings,
                                    TransactionTemplate tx) {
        this.config = config;
        this.staging = staging;
        this.bindings = bindings;
        this.tx = tx;
    }

    @Override
    public void synchronize(ChangeEvent event, boolean resync) {
        tx.executeWithoutResult(status -> stage(event, resync));
    }

    private void stage(ChangeEvent event, boolean resync) {
        long newerThan = resync ? event.revision() + 1 : event.revision();
        String partner = config.partner();
        Optional<CatalogueStaging.ChainItem> item = staging.item(partner, event.ocopId());
        if (item.isPresent() && item.get().revision() >= newerThan) {
            return;
        }
        Binding binding = bindings.find(event.ocopId(), partner).orElse(Binding.none(event.ocopId(), partner));
        if (binding.hasDelivered(newerThan)) {
            return; // a newer withdrawal or skip overtook this event
        }
        boolean present = item.isPresent() && item.get().present();
        Listing listing = event.listing();
        if (event.change() == ChangeType.WITHDRAWN) {
            if (present) {
                stageRemoval(partner, listing, event.revision());
                save(binding, event, BindingState.PENDING, "removal waits for the next delta file");
            } else {
                save(binding, event, BindingState.WITHDRAWN, event.reason());
            }
            return;
        }
        Optional<String> notEligible = Eligibility.whyNot(config, listing);
        if (notEligible.isPresent()) {
            if (present) {
                stageRemoval(partner, listing, event.revision());
            }
            save(binding, event, BindingState.SKIPPED, notEligible.get());
            return;
        }
        if (present && !resync && !config.toggles().takesAny(event.changed())) {
            return; // e.g. a stock-only change: a catalogue without a stock column has nothing to say
        }
        staging.stage(partner, listing, event.revision(), present ? 'U' : 'A');
        save(binding, event, BindingState.PENDING, "waits for the next delta file");
    }

    /**
     * A delete row carries what the chain last received: the new version may be the reason it
     * goes (its GTIN removed, say), and a chain identifies the item by what it already has.
     */
    private void stageRemoval(String partner, Listing current, long revision) {
        Listing lastSent = staging.stagedContent(partner, current.ocopId()).orElse(current);
        staging.stage(partner, lastSent, revision, 'D');
    }

    private void save(Binding binding, ChangeEvent event, BindingState state, String reason) {
        // delivered version/revision move only when a file carrying them is published
        Long version = state == BindingState.PENDING ? binding.deliveredVersion() : Long.valueOf(event.listing().version());
        Long revision = state == BindingState.PENDING ? binding.deliveredRevision() : Long.valueOf(event.revision());
        bindings.save(binding.with(state, binding.partnerItemId(), version, revision,
                state == BindingState.PENDING && binding.live(), reason));
    }
}
