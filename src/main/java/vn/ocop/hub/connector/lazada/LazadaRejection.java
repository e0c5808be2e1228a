package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.connector.PermanentPartnerException;

/** Lazada refused the request for a reason retrying cannot change; the adapter may still act on it. */
final class LazadaRejection extends PermanentPartnerException {

    private final transient LazadaError error;

    LazadaRejection(String apiPath, LazadaError error) {
        super("Lazada rejected " + apiPath + ": " + error.describe());
        this.error = error;
    }

    LazadaError error() {
        return error;
    }
}
