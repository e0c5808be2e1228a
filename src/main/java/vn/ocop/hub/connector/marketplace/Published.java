package vn.ocop.hub.connector.marketplace;

/**
 * What a create or content update left at the partner: a live item, or a request the
 * partner is still reviewing (Tiki), known by {@code partnerRef} until it has an item id.
 */
public record Published(String itemId, String partnerRef, boolean awaitingApproval) {

    public static Published live(String itemId) {
        return new Published(itemId, null, false);
    }

    public static Published live(String itemId, String partnerRef) {
        return new Published(itemId, partnerRef, false);
    }

    public static Published awaitingApproval(String itemIdOrNull, String trackingRef) {
        return new Published(itemIdOrNull, trackingRef, true);
    }
}
