package vn.ocop.hub.broker;

/** Names on the broker. Partner queues hang off one multicast address, addressed by FQQN. */
public final class Destinations {
    /** The one address every listing change is sent to; each partner's queue gets a copy. */
    public static final String LISTING_CHANGES = "listing.changes";

    private Destinations() {
    }

    public static String partnerQueue(String partner) {
        return "partner." + partner;
    }

    /** Fully qualified queue name: lets a consumer (or a replay) address one partner's copy. */
    public static String partnerQueueFqqn(String partner) {
        return LISTING_CHANGES + "::" + partnerQueue(partner);
    }

    public static String deadLetterQueue(String partner) {
        return "DLQ.partner." + partner;
    }
}
