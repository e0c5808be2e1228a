package vn.ocop.hub.fakes.lazada;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seller's authorization: access tokens with their expiry, and one live refresh token that
 * is replaced by every refresh (the old one is refused from then on).
 */
final class FakeLazadaTokens {

    record Issued(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
    }

    private final Map<String, Instant> access = new HashMap<>();
    private String refresh;
    private Duration accessLifetime = Duration.ofDays(30);
    private Duration refreshLifetime = Duration.ofDays(180);
    private int issued;

    FakeLazadaTokens(String accessToken, String refreshToken) {
        access.put(accessToken, Instant.now().plus(accessLifetime));
        refresh = refreshToken;
    }

    synchronized boolean accepts(String accessToken) {
        Instant expiry = access.get(accessToken);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    synchronized void expireAll() {
        access.replaceAll((token, expiry) -> Instant.now().minusSeconds(1));
    }

    synchronized void lifetimes(Duration accessTokens, Duration refreshTokens) {
        this.accessLifetime = accessTokens;
        this.refreshLifetime = refreshTokens;
    }

    synchronized Optional<Issued> refresh(String refreshToken) {
        if (refresh == null || !refresh.equals(refreshToken)) {
            return Optional.empty();
        }
        issued++;
        String newAccess = "fake-access-" + issued;
        refresh = "fake-refresh-" + issued;
        access.put(newAccess, Instant.now().plus(accessLifetime));
        return Optional.of(new Issued(newAccess, refresh, accessLifetime.toSeconds(), refreshLifetime.toSeconds()));
    }

    synchronized String refreshToken() {
        return refresh;
    }

    synchronized int refreshes() {
        return issued;
    }
}
