package vn.ocop.hub.connector.tiki;

import vn.ocop.hub.connector.TransientPartnerException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether a request that failed transiently may nevertheless have been carried out by Tiki. A
 * refused connection never reached Tiki, and a 408, 429, 500 or 503 is Tiki saying it did not do
 * it; a connection dropped after sending, a timeout, or a gateway's 502/504 leave it unknown.
 */
final class TikiDelivery {

    /** PartnerHttp's wording for an HTTP answer it classed as transient: "tiki answered 504 to POST …". */
    private static final Pattern GATEWAY_ANSWER = Pattern.compile("answered 50[24]\\b");

    private TikiDelivery() {
    }

    static boolean mayHaveArrived(TransientPartnerException failure) {
        if (failure.getCause() == null) {
            String message = failure.getMessage() == null ? "" : failure.getMessage();
            return GATEWAY_ANSWER.matcher(message).find();
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return false;
            }
        }
        return true;
    }
}
