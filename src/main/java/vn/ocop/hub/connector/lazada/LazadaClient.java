package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ocop.hub.connector.TokenBucket;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;

/**
 * Seller API calls with the current access token. An IllegalAccessToken answer refreshes the
 * token and repeats the call once. Catalogue calls also wait for the content budget: the
 * partner-wide limit is sized for Lazada's 50 inventory calls per second per seller, which is
 * far more than its per-API limits on product creation allow.
 */
final class LazadaClient {

    private final PartnerHttp http;
    private final LazadaTransport transport;
    private final LazadaTokens tokens;
    private final TokenBucket contentBudget;

    LazadaClient(PartnerHttp http, LazadaTransport transport, LazadaTokens tokens, TokenBucket contentBudget) {
        this.http = http;
        this.transport = transport;
        this.tokens = tokens;
        this.contentBudget = contentBudget;
    }

    /** The whole success envelope ({@code data} and its siblings). */
    JsonNode call(LazadaRequest request) {
        try (TokenBucket.Permit permit = request.inventory() ? null : awaitContentBudget()) {
            return send(request);
        }
    }

    private JsonNode send(LazadaRequest request) {
        String token = tokens.current();
        try {
            return transport.send(http, request, token);
        } catch (LazadaTransport.AccessTokenRejected rejected) {
            String fresh = tokens.refreshAfterRejection(token);
            try {
                return transport.send(http, request, fresh);
            } catch (LazadaTransport.AccessTokenRejected again) {
                throw new TransientPartnerException("Lazada refused a freshly refreshed access token on "
                        + request.apiPath() + ": " + again.getMessage());
            }
        }
    }

    private TokenBucket.Permit awaitContentBudget() {
        if (contentBudget == null) {
            return null;
        }
        try {
            return contentBudget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPartnerException("interrupted waiting for Lazada's content budget", null, e);
        }
    }
}
