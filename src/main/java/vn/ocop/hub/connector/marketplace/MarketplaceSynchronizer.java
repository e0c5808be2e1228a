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
import vn.ocop.hub.store.PriceStockQueue;
import vn.ocop.hub.store.PriceStockQueue.Staged;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    /** Present when the partner's API batches price and stock: such changes are staged and sent by a timer. */
    private final PriceStockBatcher batcher;
    private final Object flushing = new Object();

    static final String QUEUED = "price/stock queued for the next batch update";

    public MarketplaceSynchronizer(ConnectorConfig config, MarketplaceAdapter adapter, BindingStore bindings,
                                   Retrier retrier) {
        this(config, adapter, bindings, retrier, null);
    }

    public MarketplaceSynchronizer(ConnectorConfig config, MarketplaceAdapter adapter, BindingStore bindings,
                                   Retrier retrier, PriceStockBatcher batcher) {
        this.config = config;
        this.adapter = adapter;
        this.bindings = bindings;
        this.retrier = retrier;
        this.batcher = batcher;
    }

    @Override
    public void synchronize(ChangeEvent event, boolean resync) {
        synchronize(event, resync, batcher != null);
    }

    /** @param batching price/stock-only changes are staged; false when the batch sender itself delivers one */
    private void synchronize(ChangeEvent event, boolean resync, boolean batching) {
        Binding current = bindings.find(event.ocopId(), config.partner())
                .orElse(Binding.none(event.ocopId(), config.partner()));
        if (resync ? current.hasDelivered(event.revision() + 1) : current.hasDelivered(event.revision())) {
            log.debug("{}: {} revision {} already delivered, dropping", config.partner(), event.ocopId(), event.revision());
            return;
        }
        Listing listing = event.listing();
        Optional<String> notEligible = event.change() == ChangeType.WITHDRAWN ? Optional.empty()
                : Eligibility.whyNot(config, listing);
        if (batching) {
            if (notEligible.isEmpty() && staged(current, event)) {
                return;
            }
            supersedeStaged(event.ocopId());
        }
        if (event.change() == ChangeType.WITHDRAWN) {
            takeDown(current, event, BindingState.WITHDRAWN, event.reason());
            return;
        }
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

    /**
     * A price- or stock-only change to a live item waits for the next batch. The binding keeps the
     * revision last delivered until the batch goes, so a redelivered message stages it again
     * (harmlessly) rather than being dropped.
     */
    private boolean staged(Binding current, ChangeEvent event) {
        if (!current.isBound() || !current.live() || event.change() == ChangeType.WITHDRAWN
                || event.changed().contains(Aspect.CONTENT)) {
            return false;
        }
        boolean price = event.changed().contains(Aspect.PRICE) && config.toggles().price();
        boolean stock = event.changed().contains(Aspect.STOCK) && config.toggles().stock();
        if (!price && !stock) {
            return false;
        }
        batcher.stage(event, current.partnerItemId(), price, stock);
        bindings.save(current.with(BindingState.PENDING, current.partnerItemId(), current.deliveredVersion(),
                current.deliveredRevision(), true, QUEUED));
        return true;
    }

    private void supersedeStaged(String ocopId) {
        try {
            batcher.supersede(ocopId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a price/stock batch for " + ocopId + " was in flight", e);
        }
    }

    /**
     * Sends staged price and stock changes, one call per {@link PriceStockBatching#maxPerCall()}
     * listings, until none is due or {@code maxCalls} calls went out. A batch the partner refuses
     * is sent again one listing at a time, which tells the refused listing (REJECTED with the
     * partner's words, or re-created when the item is gone) from the rest.
     *
     * @return listings settled (delivered, or refused and marked so)
     */
    public int flushPriceStock(int maxCalls) {
        if (batcher == null) {
            return 0;
        }
        synchronized (flushing) {
            int delivered = 0;
            for (int call = 0; call < maxCalls; call++) {
                PriceStockQueue.Claim claim = batcher.claim();
                List<Staged> due = claim.rows();
                if (due.isEmpty()) {
                    break;
                }
                try {
                    delivered += sendBatch(due);
                } finally {
                    batcher.release(claim);
                }
                if (due.size() < batcher.batching().maxPerCall()) {
                    break;
                }
            }
            return delivered;
        }
    }

    private int sendBatch(List<Staged> due) {
        List<PriceStockBatching.Change> changes = due.stream()
                .map(s -> new PriceStockBatching.Change(s.itemId(), s.event().listing(), s.price(), s.stock()))
                .toList();
        try {
            retrier.call("price/stock of " + due.size() + " listings", () -> {
                batcher.batching().update(changes);
                return null;
            });
        } catch (PermanentPartnerException | MarketplaceAdapter.ItemMissingException refused) {
            log.info("{}: a price/stock batch of {} was refused ({}); sending them one by one", config.partner(),
                    due.size(), refused.getMessage());
            return (int) due.stream().filter(this::sendAlone).count();
        } catch (RuntimeException failed) {
            due.forEach(s -> retryLater(s, failed));
            return 0;
        }
        due.forEach(this::delivered);
        return due.size();
    }

    private boolean sendAlone(Staged s) {
        try {
            synchronize(new ChangeEvent(s.event().eventId(), s.ocopId(), s.revision(), s.event().change(),
                    aspects(s), s.event().listing(), s.event().reason(), s.event().occurredAt()), false, false);
            batcher.sent(s);
            return true;
        } catch (RuntimeException failed) {
            retryLater(s, failed);
            return false;
        }
    }

    private void delivered(Staged s) {
        // gone unless a newer change was staged while this batch was in flight: that one goes next
        boolean last = batcher.sent(s);
        Binding current = bindings.find(s.ocopId(), config.partner()).orElse(Binding.none(s.ocopId(), config.partner()));
        if (!current.hasDelivered(s.revision())) {
            bindings.save(current.with(last ? BindingState.SYNCED : BindingState.PENDING, s.itemId(),
                    s.event().listing().version(), s.revision(), true, last ? null : QUEUED));
        }
    }

    private void retryLater(Staged s, RuntimeException failure) {
        Instant retryAt = batcher.failed(s, failure.getMessage());
        String why = "price/stock update failing (attempt " + (s.attempts() + 1) + ", next at " + retryAt + "): "
                + failure.getMessage();
        log.warn("{}: {} {}", config.partner(), s.ocopId(), why);
        bindings.find(s.ocopId(), config.partner()).ifPresent(current -> bindings.save(current.with(
                current.state(), current.partnerItemId(), current.deliveredVersion(), current.deliveredRevision(),
                current.live(), why)));
    }

    private static Set<Aspect> aspects(Staged s) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        if (s.price()) {
            aspects.add(Aspect.PRICE);
        }
        if (s.stock()) {
            aspects.add(Aspect.STOCK);
        }
        return aspects;
    }

    public boolean batchesPriceStock() {
        return batcher != null;
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
                    // to the back of the queue, or the same oldest `limit` would be asked forever
                    bindings.touch(pending.ocopId(), pending.partner(), BindingState.PENDING_APPROVAL);
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
        // an item the partner is still reviewing goes live by itself once approved (Lazada's QC):
        // switch it off now, since nothing polls a withdrawn listing's review
        boolean reviewing = current.state() == BindingState.PENDING_APPROVAL;
        if (reviewing && !current.isBound() && adapter.approvals().isPresent()) {
            retrier.call("withdraw the request for " + event.listing().sku(), () -> {
                adapter.approvals().get().withdrawPending(current);
                return null;
            });
        } else if (current.isBound() && (current.live() || reviewing)) {
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
