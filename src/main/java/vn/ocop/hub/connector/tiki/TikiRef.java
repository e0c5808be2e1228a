package vn.ocop.hub.connector.tiki;

import java.time.Instant;

/**
 * What a Tiki binding keeps as its partner reference while Tiki reviews: the track id, or, when
 * Tiki's answer to the create was lost, a marker saying so (there is no track id to give).
 */
final class TikiRef {

    private static final String UNCONFIRMED = "unconfirmed-create@";

    private TikiRef() {
    }

    static String unconfirmed(Instant sentAt) {
        return UNCONFIRMED + sentAt;
    }

    static boolean isUnconfirmed(String ref) {
        return ref != null && ref.startsWith(UNCONFIRMED);
    }
}
