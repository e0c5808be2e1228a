package vn.ocop.hub.connector.tiki;

import vn.ocop.hub.connector.TransientPartnerException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * Whether a request that failed transiently may nevertheless have been carried out by Tiki. A
 * refused connection never reached Tiki, and a 408, 429, 500 or 503 is Tiki saying it did not do
 * it; a connection dropped after sending, a timeout, or a gateway's 502/504 leave it unknown.
 */
final class TikiDelivery {

    private TikiDelivery() {
    }

    static boolean mayHaveArrived(TransientPartnerException failure) {
        if (failure.httpStatus() != 0) {
            // a gateway answered for Tiki: the request may have gone through behind it
            return failure.httpStatus() == 502 || failure.httpStatus() == 504;
        }
        if (failure.getCause() == null) {
            return false;
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return false;
            }
        }
        return true;
    }
}
