package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Tiki's OAuth2 client-credentials flow (open.tiki.vn, OAuth 2.0 → Client credentials): the app
 * authenticates with HTTP Basic and gets a bearer token with {@code expires_in}. There is no
 * refresh token, so a new token is simply requested shortly before the old one runs out.
 */
final class TikiTokens {

    static final String TOKEN_PATH = "/sc/oauth2/token";

    /** Renew this long before expiry, so a token never expires between the check and Tiki reading it. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    private record Token(String value, Instant renewAt) {
    }

    private final PartnerHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final String basicAuthorization;
    private Token current;
    private int issued;

    TikiTokens(PartnerHttp http, ObjectMapper json, Clock clock, String clientId, String clientSecret) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** A token that is still good for at least the safety margin; fetched when there is none. */
    synchronized String bearer() {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
            issued++;
        }
        return current.value();
    }

    /**
     * Tiki refused this token (401): forget it, unless another thread already replaced it, so that
     * several consumers hitting the same expiry fetch one new token rather than one each.
     */
    synchronized void rejected(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    /** How many tokens this instance fetched; for tests and metrics. */
    synchronized int issued() {
        return issued;
    }

    private Token fetch() {
        PartnerHttp.Response r = http.send(new PartnerHttp.Request("POST", TOKEN_PATH, null,
                Map.of("Authorization", basicAuthorization, "Accept", "application/json"),
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)));
        if (!r.ok()) {
            // wrong credentials are an operator's problem, not the listing's: retry, then park for replay
            throw new TransientPartnerException("Tiki refused the client credentials (" + r.status() + "): "
                    + TikiErrors.describe(r.body(), json));
        }
        JsonNode answer = TikiJson.read(json, r.body(), "token");
        String value = answer.path("access_token").asText("");
        long expiresIn = answer.path("expires_in").asLong(0);
        if (value.isBlank() || expiresIn <= 0) {
            throw new TransientPartnerException("Tiki's token answer has no access_token/expires_in");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        return new Token(value, clock.instant().plus(lifetime).minus(margin));
    }
}
