package vn.ocop.hub.fakes.tiki;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The token endpoint of an in-house app (open.tiki.vn, OAuth 2.0 → Client credentials): the client
 * authenticates with HTTP Basic (or client_id/client_secret in the form), asks for
 * {@code grant_type=client_credentials}, and gets a bearer token with {@code expires_in}.
 */
final class TikiTokenIssuer {

    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> tokens = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private Duration lifetime = Duration.ofHours(1);
    private int issued;

    TikiTokenIssuer(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    synchronized TikiAnswer issue(String authorization, String contentType, Map<String, String> form) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return TikiAnswer.oauthError(400, "invalid_request", "the token request must be form-urlencoded");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return TikiAnswer.oauthError(400, "unsupported_grant_type",
                    "grant_type must be client_credentials, got " + form.get("grant_type"));
        }
        if (!authenticated(authorization, form)) {
            return TikiAnswer.oauthError(401, "invalid_client", "Client authentication failed");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, Instant.now().plus(lifetime));
        issued++;
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("access_token", token)
                .put("expires_in", lifetime.toSeconds())
                .put("scope", "product order inventory")
                .put("token_type", "bearer");
        return TikiAnswer.ok(body);
    }

    /** True for "Bearer &lt;a token this issuer gave out that has not expired&gt;". */
    synchronized boolean valid(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Instant expiry = tokens.get(authorization.substring(7).trim());
        return expiry != null && Instant.now().isBefore(expiry);
    }

    synchronized void expireAll() {
        tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    synchronized void lifetime(Duration newLifetime) {
        if (newLifetime.isNegative() || newLifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + newLifetime);
        }
        this.lifetime = newLifetime;
    }

    synchronized int issued() {
        return issued;
    }

    private boolean authenticated(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            return decoded.equals(clientId + ":" + clientSecret);
        }
        return clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
    }
}
