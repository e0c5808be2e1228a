package vn.ocop.hub.connector.tiki;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.ApprovalTracking;
import vn.ocop.hub.store.Binding;

import java.time.Clock;
import java.util.Optional;

/**
 * Tiki's review, polled: {@code GET /integration/v2/tracking/{track_id}} until the request is
 * approved (then {@code GET /integration/v2/requests/{request_id}} names the product) or rejected
 * (with Tiki's reason). An approved product starts switched off, so approval also puts it on sale
 * with the price and stock the listing has now, which may have changed during the review.
 */
final class TikiApprovals implements ApprovalTracking {

    private static final Logger log = LoggerFactory.getLogger(TikiApprovals.class);

    private final TikiApi api;
    private final TikiMapper mapper;
    private final TikiCreateJournal journal;
    private final TikiSettings settings;
    private final Clock clock;

    TikiApprovals(TikiApi api, TikiMapper mapper, TikiCreateJournal journal, TikiSettings settings, Clock clock) {
        this.api = api;
        this.mapper = mapper;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Approval check(Binding pending) {
        String ref = pending.partnerRef();
        TikiCreateRecord record = journal.find(pending.ocopId()).orElse(null);
        try {
            if (ref == null || TikiRef.isUnconfirmed(ref)) {
                return unconfirmed(record);
            }
            Optional<TikiTracking> tracking = api.tracking(ref);
            if (tracking.isEmpty()) {
                return bySku(record, "Tiki no longer knows track id " + ref
                        + " (track ids expire after 30 days) and has no product with our SKU");
            }
            TikiTracking t = tracking.get();
            return switch (t.review()) {
                case IN_REVIEW -> pending();
                case APPROVED -> approved(t, record);
                case REJECTED -> rejected(t.reason() == null ? "Tiki rejected the product request without a reason"
                        : t.reason());
                case DELETED -> rejected("Tiki's product request " + ref + " was deleted");
            };
        } catch (PermanentPartnerException refused) {
            return rejected(refused.getMessage());
        }
    }

    /**
     * Deletes the request while Tiki still reviews it. Once decided it cannot be: an approved
     * product starts switched off ({@code is_auto_turn_on} false) and is switched off again here
     * in case someone turned it on in Seller Center.
     */
    @Override
    public void withdrawPending(Binding pending) {
        String ref = pending.partnerRef();
        TikiCreateRecord record = journal.find(pending.ocopId()).orElse(null);
        Optional<TikiTracking> tracking = ref == null || TikiRef.isUnconfirmed(ref) ? Optional.empty()
                : api.tracking(ref);
        if (tracking.isPresent() && tracking.get().review() == TikiTracking.Review.IN_REVIEW) {
            String requestId = tracking.get().requestId();
            if (requestId == null) {
                throw new TransientPartnerException("Tiki has not yet taken request " + ref
                        + " off its queue; it can be deleted once it has a request id");
            }
            Optional<String> refused = api.deleteRequest(requestId);
            if (refused.isEmpty()) {
                return;
            }
            log.info("tiki: request {} could not be deleted ({}); making sure its product stays off sale", ref,
                    refused.get());
        }
        if (record != null && api.updateSku(mapper.deactivate(record.sku())) == TikiApi.SkuUpdate.PRODUCT_NOT_FOUND) {
            log.debug("tiki: no product for {} to switch off", record.sku());
        }
    }

    static String neverConfirmed(TikiCreateRecord record, TikiSettings settings) {
        return "Tiki never confirmed the product request sent at " + record.sentAt()
                + " (its answer was lost) and no product with original_sku " + record.sku() + " appeared within "
                + settings.unconfirmedCreateExpiry() + "; Tiki probably refused it or never received it";
    }

    private Approval approved(TikiTracking t, TikiCreateRecord record) {
        String sku = record == null ? null : record.sku();
        Optional<TikiProduct> product = t.requestId() == null ? Optional.empty() : api.productOfRequest(t.requestId(), sku);
        if (product.isEmpty() && sku != null) {
            product = api.productIdBySku(sku).map(id -> new TikiProduct(id, sku));
        }
        // approved but its product is not visible yet: ask again on the next poll
        return product.map(p -> putOnSale(p, record)).orElseGet(TikiApprovals::pending);
    }

    /** The create's answer was lost, so there is no track id: Tiki's product appearing is the approval. */
    private Approval unconfirmed(TikiCreateRecord record) {
        if (record == null) {
            return rejected("no record of the product request sent to Tiki; publish the listing again");
        }
        Optional<String> productId = api.productIdBySku(record.sku());
        if (productId.isPresent()) {
            return putOnSale(new TikiProduct(productId.get(), record.sku()), record);
        }
        if (record.unconfirmedLongerThan(settings.unconfirmedCreateExpiry(), clock.instant())) {
            return rejected(neverConfirmed(record, settings));
        }
        return pending();
    }

    private Approval bySku(TikiCreateRecord record, String otherwise) {
        Optional<String> productId = record == null ? Optional.empty() : api.productIdBySku(record.sku());
        return productId.map(id -> putOnSale(new TikiProduct(id, record.sku()), record))
                .orElseGet(() -> rejected(otherwise));
    }

    private Approval putOnSale(TikiProduct product, TikiCreateRecord record) {
        Long price = record == null ? null : record.desiredPrice();
        Integer quantity = record == null ? null : record.desiredQuantity();
        if (api.updateSku(mapper.activate(product.originalSku(), price, quantity)) == TikiApi.SkuUpdate.PRODUCT_NOT_FOUND) {
            return pending();
        }
        return new Approval(Outcome.APPROVED, product.productId(), null);
    }

    private static Approval pending() {
        return new Approval(Outcome.PENDING, null, null);
    }

    private static Approval rejected(String reason) {
        return new Approval(Outcome.REJECTED, null, reason);
    }
}
