package vn.ocop.hub.store;

import java.time.Instant;

/** One listing at one partner: the partner's id for it, what was delivered, and why not. */
public record Binding(String ocopId, String partner, BindingState state, String partnerItemId,
                      Long deliveredVersion, Long deliveredRevision, boolean live, String reason,
                      Instant updatedAt, String partnerRef) {

    public static Binding none(String ocopId, String partner) {
        return new Binding(ocopId, partner, BindingState.PENDING, null, null, null, false, null, null, null);
    }

    /** True when this revision, or a newer one, already reached the partner. */
    public boolean hasDelivered(long revision) {
        return deliveredRevision != null && deliveredRevision >= revision;
    }

    public boolean isBound() {
        return partnerItemId != null;
    }

    public Binding with(BindingState newState, String itemId, Long version, Long revision, boolean isLive,
                        String newReason) {
        return new Binding(ocopId, partner, newState, itemId, version, revision, isLive, truncate(newReason),
                Instant.now(), partnerRef);
    }

    /** The partner's other reference for the item (tracking id, SKU id). */
    public Binding withPartnerRef(String ref) {
        return new Binding(ocopId, partner, state, partnerItemId, deliveredVersion, deliveredRevision, live, reason,
                updatedAt, ref);
    }

    static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
