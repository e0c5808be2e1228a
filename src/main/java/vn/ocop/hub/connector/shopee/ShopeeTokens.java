package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.store.PartnerCredentialStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's access token. Shopee's {@code POST /api/v2/auth/access_token/get} (a public API)
 * trades a refresh token for a 4-hour access token and a NEW refresh token; the old refresh
 * token is then spent. Losing the new one locks the shop out until a person re-authorises it,
 * so it is committed to the store before the access token is used, and the stored one wins over
 * {@code SHOPEE_REFRESH_TOKEN} from configuration as soon as it exists.
 *
 * <p>One instance per adapter; calls are serialised so two consumers never spend the same
 * refresh token. The access token is stored too, so a restart reuses it instead of rotating.
 */
final class ShopeeTokens {

    static final String PATH = "/api/v2/auth/access_token/get";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String ACCESS_TOKEN = "access_token";
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(ShopeeTokens.class);

    private record Token(String value, Instant expiresAt) {
    }

    /** What one refresh gave: both halves must reach the store, the refresh token first. */
    private record Issued(Token access, String refreshToken) {
    }

    private final String partner;
    private final PartnerHttp http;
    private final ShopeeSigner signer;
    private final ShopeeSettings settings;
    private final PartnerCredentialStore store;
    private final ObjectMapper json;
    private final Clock clock;

    private Token current;
    /** An access token Shopee refused: never taken from the store again. */
    private String refused;
    /** Shopee rotated the tokens but the store refused the write: saved before anything else. */
    private Issued unsaved;

    ShopeeTokens(String partner, PartnerHttp http, ShopeeSigner signer, ShopeeSettings settings,
                 PartnerCredentialStore store, ObjectMapper json, Clock clock) {
        this.partner = partner;
        this.http = http;
        this.signer = signer;
        this.settings = settings;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** An access token good for at least the refresh margin, refreshing ahead of the 4-hour expiry. */
    synchronized String accessToken() {
        if (unsaved != null) {
            Issued pending = unsaved;
            try {
                persist(pending);
            } catch (RuntimeException storeFailed) {
                throw new TransientPartnerException("Shopee's new refresh token is still not stored: "
                        + storeFailed.getMessage(), null, storeFailed);
            }
            current = pending.access();
            unsaved = null;
        }
        if (!usable(current)) {
            current = storedAccessToken().orElseGet(this::refresh);
        }
        return current.value();
    }

    /**
     * Shopee answered error_auth to this token: forget it, unless another consumer already
     * replaced it, so that several consumers hitting the same expiry cause one refresh, not one each.
     */
    synchronized void rejected(String accessToken) {
        refused = accessToken;
        if (current != null && current.value().equals(accessToken)) {
            current = null;
        }
    }

    private boolean usable(Token token) {
        return token != null && !token.value().equals(refused)
                && clock.instant().plus(settings.tokenRefreshMargin()).isBefore(token.expiresAt());
    }

    private Optional<Token> storedAccessToken() {
        return store.find(partner, ACCESS_TOKEN)
                .filter(c -> c.expiresAt() != null)
                .map(c -> new Token(c.value(), c.expiresAt()))
                .filter(this::usable);
    }

    private Token refresh() {
        Optional<String> stored = store.find(partner, REFRESH_TOKEN).map(PartnerCredentialStore.Credential::value);
        String spent = stored.orElse(settings.configuredRefreshToken());
        ShopeeEnvelope answer = exchange(spent);
        if (answer.failed()) {
            return recoverFromRefusal(spent, stored.isPresent(), answer);
        }
        return keep(issued(answer));
    }

    /**
     * The refresh token was refused. Another hub instance sharing the store may have spent it a
     * moment ago (then its access token is in the store), or an operator re-authorised the shop
     * and put the new refresh token in SHOPEE_REFRESH_TOKEN (then configuration is tried once).
     */
    private Token recoverFromRefusal(String spent, boolean wasStored, ShopeeEnvelope answer) {
        if (ShopeeErrors.classify(answer.code(), answer.message()) == ShopeeErrors.Kind.TRANSIENT) {
            throw new TransientPartnerException("Shopee could not refresh the access token: " + answer.describe());
        }
        Optional<String> nowStored = store.find(partner, REFRESH_TOKEN).map(PartnerCredentialStore.Credential::value);
        if (nowStored.isPresent() && !nowStored.get().equals(spent)) {
            Optional<Token> rotatedElsewhere = storedAccessToken();
            if (rotatedElsewhere.isPresent()) {
                return rotatedElsewhere.get();
            }
        }
        String configured = settings.configuredRefreshToken();
        if (wasStored && configured != null && !configured.isBlank() && !configured.equals(spent)) {
            ShopeeEnvelope retry = exchange(configured);
            if (!retry.failed()) {
                log.info("{}: stored refresh token refused, the configured one (re-authorisation) worked", partner);
                return keep(issued(retry));
            }
        }
        // not the listing's fault: retried, then parked for replay once the shop is re-authorised
        throw new TransientPartnerException("Shopee refused the refresh token (" + answer.describe()
                + "): re-authorise the shop in Shopee's console and set SHOPEE_REFRESH_TOKEN");
    }

    private ShopeeEnvelope exchange(String refreshToken) {
        long timestamp = clock.instant().getEpochSecond();
        String query = new ShopeeQuery()
                .add("partner_id", settings.partnerId())
                .add("timestamp", timestamp)
                .add("sign", signer.signPublic(PATH, timestamp))
                .toString();
        ObjectNode body = json.createObjectNode()
                .put("refresh_token", refreshToken == null ? "" : refreshToken)
                .put("shop_id", settings.shopId())
                .put("partner_id", settings.partnerId());
        PartnerHttp.Response r = http.send(new PartnerHttp.Request("POST", PATH, query,
                Map.of("Accept", "application/json"), "application/json; charset=UTF-8",
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ShopeeEnvelope answer = ShopeeEnvelope.parse(r.status(), r.body(), json);
        if (!answer.readable()) {
            throw new TransientPartnerException("Shopee sent an unreadable token answer (HTTP " + r.status() + ")");
        }
        return answer;
    }

    private Issued issued(ShopeeEnvelope answer) {
        // the token call has no "response" object: its fields are at the top of the answer
        String access = answer.root().path("access_token").asText("");
        String refresh = answer.root().path("refresh_token").asText("");
        long expireIn = answer.root().path("expire_in").asLong(0);
        if (access.isBlank() || refresh.isBlank() || expireIn <= 0) {
            throw new TransientPartnerException("Shopee's token answer lacks access_token, refresh_token or expire_in");
        }
        return new Issued(new Token(access, clock.instant().plusSeconds(expireIn)), refresh);
    }

    private Token keep(Issued issued) {
        try {
            persist(issued);
        } catch (RuntimeException storeFailed) {
            // the old refresh token is spent: hold the new one until the store takes it
            unsaved = issued;
            throw new TransientPartnerException("Shopee rotated the refresh token but it could not be stored; "
                    + "the new access token stays unused until it is: " + storeFailed.getMessage(), null, storeFailed);
        }
        return issued.access();
    }

    private void persist(Issued issued) {
        Instant now = clock.instant();
        store.save(partner, REFRESH_TOKEN, issued.refreshToken(), now.plus(REFRESH_TOKEN_LIFETIME));
        store.save(partner, ACCESS_TOKEN, issued.access().value(), issued.access().expiresAt());
    }
}
