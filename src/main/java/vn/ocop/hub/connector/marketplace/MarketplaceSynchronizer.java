package vn.ocop.hub.connector.marketplace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Eligibility;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.Retrier;
import vn.ocop.hub.connector.Synchronizer;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.BindingStore;

import java.util.Optional;

/**
 * Listing changes → one marketplace. The same flow serves every marketplace; what differs is
 * the partner's Adapter (and the Mapper behind it) and its configuration.
 */
public final class MarketplaceSynchronizer implements Synchronizer {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceSynchronizer.class);

    private final ConnectorConfig config;
    private final MarketplaceAdapter adapter;
    private final BindingStore bindings;
    private final Retrier retrier;

    public MarketplaceSynchronizer(ConnectorConfig config, MarketplaceAdapter adapter, BindingStore bindings,
                                   Retrier retrier) {
        this.config = config;
        this.adapter = adapter;
        this.bindings = bindings;
        this.retrier = retrier;
    }

    @Override
    public void synchronize(ChangeEvent event, boolean resync) {
        Binding current = bindings.find(event.ocopId(), config.partner())
                .orElse(Binding.none(event.ocopId(), config.partner()));
        if (resync ? current.hasDelivered(event.revision() + 1) : current.hasDelivered(event.revision())) {
            log.debug("{}: {} revision {} already delivered, dropping", config.partner(), event.ocopId(), event.revision());
            return;
        }
        Listing listing = event.listing();
        if (event.change() == ChangeType.WITHDRAWN) {
            takeDown(current, event, BindingState.WITHDRAWN, event.reason());
            return;
        }
        Optional<String> notEligible = Eligibility.whyNot(config, listing);
        if (notEligible.isPresent()) {
            takeDown(current, event, BindingState.SKIPPED, notEligible.get());
            return;
        }
        String itemId = current.partnerItemId();
        try {
            if (itemId == null && !adapter.createIsIdempotent()) {
                // the binding may have been lost (crash after the partner's create): never create twice
                itemId = retrier.call("look up " + listing.sku(), () -> adapter.findItemId(listing)).orElse(null);
            }
            if (itemId == null && !config.toggles().content()) {
                save(current, event, BindingState.SKIPPED, null, false, "content toggle is off: items are not created");
                return;
            }
            Published published = deliver(current, event, itemId);
            itemId = published.itemId();
            if (published.awaitingApproval()) {
                bindings.save(current.with(BindingState.PENDING_APPROVAL, itemId, listing.version(), event.revision(),
                        false, "waiting for " + config.partner() + "'s review").withPartnerRef(published.partnerRef()));
            } else {
                Binding done = current.with(BindingState.SYNCED, itemId, listing.version(), event.revision(), true, null);
                bindings.save(published.partnerRef() == null ? done : done.withPartnerRef(published.partnerRef()));
            }
        } catch (PermanentPartnerException rejected) {
            save(current, event, BindingState.REJECTED, itemId, current.live(), rejected.getMessage());
        }
    }

    private Published deliver(Binding current, ChangeEvent event, String itemId) {
        Listing listing = event.listing();
        boolean partial = itemId != null && current.live() && !event.changed().contains(Aspect.CONTENT);
        if (!partial) {
            String known = itemId;
            return retrier.call("upsert " + listing.sku(), () -> adapter.upsert(listing, known));
        }
        try {
            if (event.changed().contains(Aspect.PRICE) && config.toggles().price()) {
                retrier.call("price " + listing.sku(), () -> {
                    adapter.updatePrice(itemId, listing);
                    return null;
                });
            }
            if (event.changed().contains(Aspect.STOCK) && config.toggles().stock()) {
                retrier.call("stock " + listing.sku(), () -> {
                    adapter.updateStock(itemId, listing);
                    return null;
                });
            }
            return Published.live(itemId, current.partnerRef());
        } catch (MarketplaceAdapter.ItemMissingException gone) {
            log.info("{}: item {} for {} is gone at the partner, re-creating", config.partner(), itemId, listing.ocopId());
            return retrier.call("re-create " + listing.sku(), () -> adapter.upsert(listing, null));
        }
    }

    /** Asks the partner about items it is reviewing; approved ones become SYNCED, refused ones REJECTED. */
    public int pollApprovals(int limit) {
        ApprovalTracking tracking = adapter.approvals().orElse(null);
        if (tracking == null) {
            return 0;
        }
        int settled = 0;
        for (Binding pending : bindings.inState(config.partner(), BindingState.PENDING_APPROVAL, limit)) {
            ApprovalTracking.Approval approval = retrier.call("approval of " + pending.ocopId(), () -> tracking.check(pending));
            switch (approval.outcome()) {
                case APPROVED -> bindings.save(pending.with(BindingState.SYNCED, approval.itemId(),
                        pending.deliveredVersion(), pending.deliveredRevision(), true, null));
                case REJECTED -> bindings.save(pending.with(BindingState.REJECTED, pending.partnerItemId(),
                        pending.deliveredVersion(), pending.deliveredRevision(), false, approval.reason()));
                case PENDING -> {
                    continue;
                }
            }
            settled++;
        }
        return settled;
    }

    public MarketplaceAdapter adapter() {
        return adapter;
    }

    public boolean tracksApprovals() {
        return adapter.approvals().isPresent();
    }

    private void takeDown(Binding current, ChangeEvent event, BindingState state, String reason) {
        if (current.isBound() && current.live()) {
            try {
                retrier.call("withdraw " + event.listing().sku(), () -> {
                    adapter.withdraw(current.partnerItemId(), event.listing());
                    return null;
                });
            } catch (PermanentPartnerException refused) {
                // e.g. Shopee will not unlist an item under promotion: it is still on sale, say so
                save(current, event, BindingState.REJECTED, current.partnerItemId(), true,
                        "withdrawal refused: " + refused.getMessage());
                return;
            }
        }
        save(current, event, state, current.partnerItemId(), false, reason);
    }

    private void save(Binding current, ChangeEvent event, BindingState state, String itemId, boolean live,
                      String reason) {
        bindings.save(current.with(state, itemId, event.listing().version(), event.revision(), live, reason));
    }
}
