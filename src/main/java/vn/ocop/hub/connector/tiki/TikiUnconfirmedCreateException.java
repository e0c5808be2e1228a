package vn.ocop.hub.connector.tiki;

import vn.ocop.hub.connector.TransientPartnerException;

/** A product request left the hub but Tiki's answer did not come back: Tiki may have queued it. */
final class TikiUnconfirmedCreateException extends TransientPartnerException {

    TikiUnconfirmedCreateException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
