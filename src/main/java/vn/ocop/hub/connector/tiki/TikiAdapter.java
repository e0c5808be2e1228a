package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.ApprovalTracking;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.Published;
import vn.ocop.hub.model.Listing;

import java.time.Clock;
import java.util.Optional;

/**
 * Tiki's Adapter. A new product is a <em>product request</em> that Tiki reviews for hours: the
 * create answers with a track id and the binding waits in PENDING_APPROVAL until
 * {@link TikiApprovals} sees Tiki's decision. Price, stock and on/off go through {@code updateSku},
 * which Tiki applies at once; Tiki has no delete, so a withdrawal switches the product off.
 *
 * <p>Never two requests for one SKU: the synchronizer first asks Tiki for a product with our
 * {@code original_sku} (only approved requests are products), and every request sent is recorded
 * in {@link TikiCreateJournal} before it leaves. Tiki's API cannot look up a request under review
 * by SKU, so the journal is what stops a second request while the first is reviewed, after a
 * lost answer, or after a crash between Tiki's answer and the binding being saved.
 */
final class TikiAdapter implements MarketplaceAdapter, TikiOrderApi {

    private static final Logger log = LoggerFactory.getLogger(TikiAdapter.class);

    private final TikiApi api;
    private final TikiMapper mapper;
    private final TikiCreateJournal journal;
    private final TikiApprovals approvals;
    private final TikiSettings settings;
    private final Clock clock;

    TikiAdapter(TikiApi api, TikiMapper mapper, TikiCreateJournal journal, TikiSettings settings, Clock clock) {
        this.api = api;
        this.mapper = mapper;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
        this.approvals = new TikiApprovals(api, mapper, journal, settings, clock);
    }

    @Override
    public Optional<String> findItemId(Listing listing) {
        return api.productIdBySku(listing.sku());
    }

    @Override
    public JsonNode order(String orderCode) {
        return api.order(orderCode);
    }

    @Override
    public JsonNode pullEvents(String queueCode, String ackId) {
        return api.pullEvents(queueCode, ackId);
    }

    @Override
    public Optional<ApprovalTracking> approvals() {
        return Optional.of(approvals);
    }

    @Override
    public Published upsert(Listing listing, String itemId) {
        if (itemId != null) {
            return putOnSale(listing, itemId);
        }
        Optional<TikiCreateRecord> previous = journal.find(listing.ocopId());
        TikiCreateRecord last = previous.filter(r -> r.sku().equals(listing.sku())).orElse(null);
        if (last == null) {
            return send(listing, previous.orElse(null));
        }
        if (!last.confirmed()) {
            return awaitUnconfirmed(listing, last);
        }
        Optional<TikiTracking> tracking = api.tracking(last.trackId());
        if (tracking.isEmpty()) {
            // Tiki forgot the track (30 days) and the synchronizer found no product with our SKU
            return send(listing, last);
        }
        return decided(listing, last, tracking.get());
    }

    @Override
    public void updatePrice(String itemId, Listing listing) {
        update(itemId, listing, mapper.price(listing.sku(), mapper.price(listing)));
    }

    @Override
    public void updateStock(String itemId, Listing listing) {
        update(itemId, listing, mapper.stock(listing.sku(), mapper.stock(listing)));
    }

    @Override
    public void withdraw(String itemId, Listing listing) {
        if (api.updateSku(mapper.deactivate(listing.sku())) == TikiApi.SkuUpdate.PRODUCT_NOT_FOUND) {
            log.info("tiki: product {} ({}) is already gone, nothing to switch off", itemId, listing.sku());
        }
    }

    private Published decided(Listing listing, TikiCreateRecord last, TikiTracking tracking) {
        return switch (tracking.review()) {
            case IN_REVIEW -> stillInReview(listing, last, tracking);
            case APPROVED -> approvedMeanwhile(listing, tracking);
            case REJECTED -> afterRefusal(listing, last, "Tiki rejected product request " + tracking.trackId() + ": "
                    + (tracking.reason() == null ? "no reason given" : tracking.reason()));
            case DELETED -> afterRefusal(listing, last, "Tiki's product request " + tracking.trackId() + " was deleted");
        };
    }

    /**
     * A request is under review. Price and stock wait in the journal for the approval; new content
     * replaces the request, because Tiki cannot edit a request it is reviewing.
     */
    private Published stillInReview(Listing listing, TikiCreateRecord last, TikiTracking tracking) {
        ObjectNode body = mapper.createRequest(listing);
        if (mapper.contentFingerprint(body).equals(last.contentHash())) {
            journal.save(listing.ocopId(), last.desiring(mapper.price(listing), mapper.stock(listing)));
            return Published.awaitingApproval(null, tracking.trackId());
        }
        if (tracking.requestId() == null) {
            throw new TransientPartnerException("Tiki has not yet taken request " + tracking.trackId()
                    + " off its queue; it can be replaced by the new content once it has a request id");
        }
        Optional<String> refused = api.deleteRequest(tracking.requestId());
        if (refused.isEmpty()) {
            log.info("tiki: {} changed while Tiki reviewed request {}; request deleted, sending the new content",
                    listing.ocopId(), tracking.trackId());
            // the deleted request is no reason to hold back a retry if this send fails
            return send(listing, null);
        }
        TikiTracking now = api.tracking(tracking.trackId()).orElse(tracking);
        if (now.review() == TikiTracking.Review.IN_REVIEW) {
            throw new PermanentPartnerException("Tiki refused to delete request " + tracking.trackId()
                    + " so that it could be replaced with the new content: " + refused.get());
        }
        return decided(listing, last, now);
    }

    private Published approvedMeanwhile(Listing listing, TikiTracking tracking) {
        TikiProduct product = api.productOfRequest(tracking.requestId(), listing.sku())
                .orElseThrow(() -> new TransientPartnerException("Tiki approved request " + tracking.trackId()
                        + " but does not show its product yet"));
        return putOnSale(listing, product.productId());
    }

    /** A refused request is dead; a new office version is worth a new request, the same one is not. */
    private Published afterRefusal(Listing listing, TikiCreateRecord last, String reason) {
        if (listing.version() > last.version()) {
            return send(listing, last);
        }
        throw new PermanentPartnerException(reason + " (version " + last.version()
                + "; a new version of the listing is sent as a new request)");
    }

    /** Tiki's answer to our request was lost: wait for its product to appear instead of asking twice. */
    private Published awaitUnconfirmed(Listing listing, TikiCreateRecord last) {
        Optional<String> productId = api.productIdBySku(listing.sku());
        if (productId.isPresent()) {
            return putOnSale(listing, productId.get());
        }
        if (last.unconfirmedLongerThan(settings.unconfirmedCreateExpiry(), clock.instant())) {
            return afterRefusal(listing, last, TikiApprovals.neverConfirmed(last, settings));
        }
        journal.save(listing.ocopId(), last.desiring(mapper.price(listing), mapper.stock(listing)));
        return Published.awaitingApproval(null, TikiRef.unconfirmed(last.sentAt()));
    }

    /** Records the request before it leaves, so that nothing after this point can send it twice. */
    private Published send(Listing listing, TikiCreateRecord previous) {
        ObjectNode body = mapper.createRequest(listing);
        TikiCreateRecord sending = TikiCreateRecord.sending(listing.sku(), listing.version(),
                mapper.contentFingerprint(body), clock.instant(), mapper.price(listing), mapper.stock(listing));
        journal.save(listing.ocopId(), sending);
        String trackId;
        try {
            trackId = api.createRequest(body);
        } catch (TikiUnconfirmedCreateException lost) {
            log.warn("tiki: {} ({}) may have been queued by Tiki without an answer; waiting for its product "
                    + "instead of sending again: {}", listing.ocopId(), listing.sku(), lost.getMessage());
            return Published.awaitingApproval(null, TikiRef.unconfirmed(sending.sentAt()));
        } catch (RuntimeException notSent) {
            journal.save(listing.ocopId(), previous);
            throw notSent;
        }
        journal.save(listing.ocopId(), sending.tracked(trackId));
        return Published.awaitingApproval(null, trackId);
    }

    /** An approved product: on sale with the listing's price and stock. */
    private Published putOnSale(Listing listing, String productId) {
        ObjectNode activate = mapper.activate(listing.sku(), mapper.price(listing), mapper.stock(listing));
        if (api.updateSku(activate) == TikiApi.SkuUpdate.PRODUCT_NOT_FOUND) {
            throw new PermanentPartnerException("Tiki has no product with original_sku " + listing.sku()
                    + " (product " + productId + ") to put on sale");
        }
        journal.find(listing.ocopId())
                .filter(r -> r.sku().equals(listing.sku()) && !r.contentHash().equals(fingerprint(listing)))
                .ifPresent(r -> log.warn("tiki: {} content differs from what Tiki approved (version {}); Tiki "
                        + "reviews content changes of a product through its 'update product info' request, which "
                        + "this connector does not send yet: only price, stock and status were updated",
                        listing.ocopId(), r.version()));
        return Published.live(productId);
    }

    /** For the content check only: a listing Tiki could not take as a new request has no fingerprint. */
    private String fingerprint(Listing listing) {
        try {
            return mapper.contentFingerprint(mapper.createRequest(listing));
        } catch (PermanentPartnerException unmappable) {
            return "";
        }
    }

    private void update(String itemId, Listing listing, ObjectNode body) {
        if (api.updateSku(body) == TikiApi.SkuUpdate.PRODUCT_NOT_FOUND) {
            throw new ItemMissingException("Tiki has no product " + itemId + " with original_sku " + listing.sku());
        }
    }
}
