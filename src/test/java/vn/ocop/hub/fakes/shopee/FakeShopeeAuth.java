package vn.ocop.hub.fakes.shopee;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shop's authorisation as Shopee keeps it: access tokens valid 4 hours and reusable;
 * refresh tokens valid 30 days and single-use (v2.public.refresh_access_token: "can only be
 * used once"). A spent refresh token is refused like an unknown one.
 */
final class FakeShopeeAuth {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(4);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

    record Pair(String accessToken, String refreshToken, long expireInSeconds) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Map<String, Instant> refreshTokens = new HashMap<>();
    private final Set<String> spent = new HashSet<>();
    private int refreshes;
    private int refusedRefreshes;

    /** What the shop's authorisation (v2.public.get_access_token) gave the seller to start with. */
    synchronized String authorise(Instant now) {
        String refresh = token();
        refreshTokens.put(refresh, now.plus(REFRESH_TOKEN_LIFETIME));
        return refresh;
    }

    /** Spends the refresh token; null when it is unknown, expired or already spent. */
    synchronized Pair refresh(String refreshToken, Instant now) {
        Instant expires = refreshTokens.remove(refreshToken);
        if (expires == null || !now.isBefore(expires)) {
            refusedRefreshes++;
            return null;
        }
        spent.add(refreshToken);
        refreshes++;
        String access = token();
        String refresh = token();
        accessTokens.put(access, now.plus(ACCESS_TOKEN_LIFETIME));
        refreshTokens.put(refresh, now.plus(REFRESH_TOKEN_LIFETIME));
        return new Pair(access, refresh, ACCESS_TOKEN_LIFETIME.toSeconds());
    }

    synchronized boolean accessTokenValid(String accessToken, Instant now) {
        Instant expires = accessTokens.get(accessToken);
        return expires != null && now.isBefore(expires);
    }

    /** Every access token issued so far stops working, as after 4 hours. */
    synchronized void expireAccessTokens(Instant now) {
        accessTokens.replaceAll((token, expires) -> now.minusSeconds(1));
    }

    synchronized boolean spent(String refreshToken) {
        return spent.contains(refreshToken);
    }

    /** The one refresh token that still works (the latest issued), or null. */
    synchronized String liveRefreshToken() {
        return refreshTokens.keySet().stream().findFirst().orElse(null);
    }

    synchronized int refreshes() {
        return refreshes;
    }

    synchronized int refusedRefreshes() {
        return refusedRefreshes;
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
