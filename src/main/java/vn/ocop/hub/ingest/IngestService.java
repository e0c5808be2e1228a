package vn.ocop.hub.ingest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.ListingStore;
import vn.ocop.hub.store.StoredListing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Stores new versions, withdrawals and stock updates, and publishes the change each one makes.
 * Every public method is one transaction: the listing row and its outbox event commit together.
 */
@Service
public class IngestService {

    private final ListingStore listings;
    private final ChangeDetector detector;
    private final ChangePublisher publisher;
    private final TransactionTemplate tx;

    public IngestService(ListingStore listings, ChangeDetector detector, ChangePublisher publisher,
                         TransactionTemplate tx) {
        this.listings = listings;
        this.detector = detector;
        this.publisher = publisher;
        this.tx = tx;
    }

    public IngestOutcome submit(Listing listing) {
        return tx.execute(status -> apply(listing, null));
    }

    /**
     * The work of one submission, to be called inside a transaction (a feed applies many per
     * transaction). Throws {@link VersionConflictException} before writing anything.
     */
    IngestOutcome apply(Listing incoming, String feedId) {
        Optional<StoredListing> current = listings.findForUpdate(incoming.ocopId());
        String hash = detector.contentHash(incoming);
        StoredListing stored = current.orElse(null);
        if (stored != null && incoming.version() <= stored.version()) {
            boolean identical = incoming.version() == stored.version() && hash.equals(stored.contentHash())
                    && incoming.price().equals(stored.listing().price()) && incoming.stock() == stored.listing().stock();
            if (!identical) {
                throw new VersionConflictException(incoming.ocopId(), incoming.version(), stored.version());
            }
            // the office resent what we hold (a retry after a lost answer): accept, publish nothing
            if (feedId != null) {
                listings.markSeen(incoming.ocopId(), feedId);
            }
            return new IngestOutcome(incoming.ocopId(), stored.version(), stored.revision(), ChangeType.UNCHANGED);
        }
        ChangeDetector.Change change = detector.derive(stored, incoming, hash);
        Instant now = Instant.now();
        boolean withdrawn = change.type() == ChangeType.WITHDRAWN
                || (stored != null && stored.withdrawn() && change.type() == ChangeType.UNCHANGED);
        String reason = withdrawn ? "certificate " + incoming.certification().status().name().toLowerCase() : null;
        long revision = stored == null ? 1 : stored.revision() + (change.type() == ChangeType.UNCHANGED ? 0 : 1);
        StoredListing next = new StoredListing(incoming, revision, hash, withdrawn, reason,
                stored == null ? now : stored.createdAt(), now);
        if (stored == null) {
            listings.insert(next, feedId);
        } else {
            listings.update(next, feedId);
        }
        if (change.type() != ChangeType.UNCHANGED) {
            publisher.publish(new ChangeEvent(eventId(incoming.ocopId(), revision), incoming.ocopId(), revision,
                    change.type(), change.aspects(), incoming, reason, now), stored == null ? null : stored.listing().stock());
        }
        return new IngestOutcome(incoming.ocopId(), incoming.version(), revision, change.type());
    }

    public IngestOutcome withdraw(String ocopId, String reason) {
        return tx.execute(status -> withdrawInTransaction(ocopId, reason));
    }

    IngestOutcome withdrawInTransaction(String ocopId, String reason) {
        StoredListing stored = listings.findForUpdate(ocopId).orElseThrow(() -> new ListingNotFoundException(ocopId));
        if (stored.withdrawn()) {
            return new IngestOutcome(ocopId, stored.version(), stored.revision(), ChangeType.UNCHANGED);
        }
        long revision = stored.revision() + 1;
        Instant now = Instant.now();
        listings.update(new StoredListing(stored.listing(), revision, stored.contentHash(), true, reason,
                stored.createdAt(), now), null);
        publisher.publish(new ChangeEvent(eventId(ocopId, revision), ocopId, revision, ChangeType.WITHDRAWN,
                EnumSet.noneOf(Aspect.class), stored.listing(), reason, now), stored.listing().stock());
        return new IngestOutcome(ocopId, stored.version(), revision, ChangeType.WITHDRAWN);
    }

    /** A stock figure from the office or the producer; it carries no office version. */
    public IngestOutcome updateStock(String ocopId, int quantity) {
        return tx.execute(status -> {
            StoredListing stored = listings.findForUpdate(ocopId).orElseThrow(() -> new ListingNotFoundException(ocopId));
            if (stored.withdrawn() || stored.listing().stock() == quantity) {
                return new IngestOutcome(ocopId, stored.version(), stored.revision(), ChangeType.UNCHANGED);
            }
            long revision = stored.revision() + 1;
            Listing updated = stored.listing().withStock(quantity, stored.version());
            Instant now = Instant.now();
            listings.update(new StoredListing(updated, revision, stored.contentHash(), false, null,
                    stored.createdAt(), now), null);
            publisher.publish(new ChangeEvent(eventId(ocopId, revision), ocopId, revision, ChangeType.STOCK_CHANGED,
                    Set.of(Aspect.STOCK), updated, null, now), stored.listing().stock());
            return new IngestOutcome(ocopId, stored.version(), revision, ChangeType.STOCK_CHANGED);
        });
    }

    /**
     * Stock moved by an order (negative) or given back by a cancellation (positive), in the
     * caller's transaction when there is one. Never below zero: a partner can oversell.
     */
    public IngestOutcome adjustStock(String ocopId, long delta) {
        return tx.execute(status -> {
            StoredListing stored = listings.findForUpdate(ocopId).orElseThrow(() -> new ListingNotFoundException(ocopId));
            long target = Math.max(0, Math.min(Integer.MAX_VALUE, stored.listing().stock() + delta));
            return updateStock(ocopId, (int) target);
        });
    }

    /** Stable per listing revision, so the broker's duplicate detection can drop a relay's resend. */
    static String eventId(String ocopId, long revision) {
        return ocopId + ":" + revision;
    }
}
