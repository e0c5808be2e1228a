package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerCredentialStore.Credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The seller's access token. Configuration seeds it; once refreshed, the store holds the latest
 * access and refresh tokens and they win over configuration (a restart must not go back to a
 * refresh token Lazada has already replaced). A token is refreshed well before it expires, and
 * again when Lazada refuses it as IllegalAccessToken.
 */
final class LazadaTokens {

    static final String REFRESH_PATH = "/auth/token/refresh";
    static final String ACCESS = "access_token";
    static final String REFRESH = "refresh_token";

    private static final Logger log = LoggerFactory.getLogger(LazadaTokens.class);

    private final LazadaSettings settings;
    private final LazadaTransport transport;
    private final PartnerHttp auth;
    private final PartnerCredentialStore store;
    private final Clock clock;

    private Credential cached;
    /** Lifetime of the last token Lazada gave us, so a short-lived one is not refreshed at every call. */
    private Duration lastLifetime;

    LazadaTokens(LazadaSettings settings, LazadaTransport transport, PartnerHttp auth, PartnerCredentialStore store,
                 Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.auth = auth;
        this.store = store;
        this.clock = clock;
    }

    /** A token to call with, refreshed first when it is close to expiry. */
    synchronized String current() {
        if (cached == null) {
            cached = stored();
        }
        if (cached == null || expiresSoon(cached)) {
            cached = refresh();
        }
        return cached.value();
    }

    /** Lazada refused {@code rejected}: refresh, unless another consumer or instance already did. */
    synchronized String refreshAfterRejection(String rejected) {
        Credential latest = stored();
        if (latest != null && !latest.value().equals(rejected) && latest.validAt(clock.instant())) {
            cached = latest;
        } else {
            cached = refresh();
        }
        return cached.value();
    }

    private Credential stored() {
        return store.find(settings.partner(), ACCESS)
                .orElse(settings.accessToken() == null ? null : new Credential(settings.accessToken(), null));
    }

    private boolean expiresSoon(Credential token) {
        if (token.expiresAt() == null) {
            return false; // a configured token of unknown age: used until Lazada refuses it
        }
        Duration margin = settings.refreshBeforeExpiry();
        if (lastLifetime != null && lastLifetime.dividedBy(2).compareTo(margin) < 0) {
            margin = lastLifetime.dividedBy(2);
        }
        return !clock.instant().isBefore(token.expiresAt().minus(margin));
    }

    private Credential refresh() {
        String stored = store.find(settings.partner(), REFRESH).map(Credential::value).orElse(null);
        String refreshToken = stored != null ? stored : settings.refreshToken();
        if (refreshToken == null) {
            throw new TransientPartnerException("Lazada: no refresh token (set LAZADA_REFRESH_TOKEN)");
        }
        try {
            return exchange(refreshToken);
        } catch (TransientPartnerException refused) {
            // the operator re-authorized the shop and configured a new refresh token: the stored one is stale
            String configured = settings.refreshToken();
            if (stored != null && configured != null && !configured.equals(stored)
                    && refused.getMessage().contains("IllegalRefreshToken")) {
                log.warn("{}: stored refresh token refused, trying the configured one", settings.partner());
                return exchange(configured);
            }
            throw refused;
        }
    }

    private Credential exchange(String refreshToken) {
        JsonNode answer;
        try {
            answer = transport.send(auth, LazadaRequest.post(REFRESH_PATH, REFRESH, refreshToken), null);
        } catch (LazadaRejection rejected) {
            // credentials, not content: park the listing for replay once the seller authorized again
            throw new TransientPartnerException("Lazada refused to refresh the access token: "
                    + rejected.getMessage(), null, rejected);
        }
        // Lazada's token answers are flat: the fields sit next to "code", not under "data"
        JsonNode token = answer.has(ACCESS) ? answer : answer.path("data");
        String access = token.path(ACCESS).asText(null);
        String nextRefresh = token.path(REFRESH).asText(null);
        if (access == null || access.isBlank()) {
            throw new TransientPartnerException("Lazada's token answer has no access_token");
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(token.path("expires_in").asLong(0));
        Instant expiresAt = lifetime.isZero() ? null : now.plus(lifetime);
        // the refresh token first: losing it locks the shop out, losing an access token costs one refresh
        if (nextRefresh != null && !nextRefresh.isBlank()) {
            long refreshSeconds = token.path("refresh_expires_in").asLong(0);
            store.save(settings.partner(), REFRESH, nextRefresh, refreshSeconds > 0 ? now.plusSeconds(refreshSeconds) : null);
        }
        store.save(settings.partner(), ACCESS, access, expiresAt);
        lastLifetime = lifetime.isZero() ? null : lifetime;
        log.info("{}: access token refreshed, valid until {}", settings.partner(),
                expiresAt == null ? "unknown" : expiresAt);
        return new Credential(access, expiresAt);
    }
}
