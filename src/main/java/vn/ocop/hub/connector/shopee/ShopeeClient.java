package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Signed calls to Shopee and the reading of its envelope. A shop call refused with error_auth
 * gets a fresh access token and one more try; everything else is classified once by
 * {@link ShopeeErrors}. HTTP 408, 429 and 5xx never get here: {@link PartnerHttp} already
 * turned them into transient failures.
 */
final class ShopeeClient {

    private static final Logger log = LoggerFactory.getLogger(ShopeeClient.class);
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");

    private final PartnerHttp http;
    private final ShopeeSigner signer;
    private final ShopeeTokens tokens;
    private final ShopeeSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    ShopeeClient(PartnerHttp http, ShopeeSigner signer, ShopeeTokens tokens, ShopeeSettings settings,
                 ObjectMapper json, Clock clock) {
        this.http = http;
        this.signer = signer;
        this.tokens = tokens;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** A shop API read: business parameters in the query. Returns the envelope's {@code response}. */
    JsonNode get(String path, ShopeeQuery parameters, String what) {
        return shopCall("GET", path, parameters, null, null, what);
    }

    /** A shop API write: business parameters as a JSON body. Returns the envelope's {@code response}. */
    JsonNode post(String path, JsonNode body, String what) {
        return shopCall("POST", path, null, "application/json; charset=UTF-8",
                body.toString().getBytes(StandardCharsets.UTF_8), what);
    }

    /**
     * A partner-level API read (push/get_lost_push_message): signed as a public call, since
     * pushes belong to the app rather than to one shop.
     */
    JsonNode getPublic(String path, ShopeeQuery parameters, String what) {
        return publicCall("GET", path, parameters, null, null, what);
    }

    /** A partner-level API write (push/confirm_consumed_lost_push_message), signed as a public call. */
    JsonNode postPublic(String path, JsonNode body, String what) {
        return publicCall("POST", path, null, "application/json; charset=UTF-8",
                body.toString().getBytes(StandardCharsets.UTF_8), what);
    }

    private JsonNode publicCall(String method, String path, ShopeeQuery parameters, String contentType, byte[] body,
                                String what) {
        failIfMisconfigured();
        long timestamp = clock.instant().getEpochSecond();
        ShopeeQuery query = new ShopeeQuery()
                .add("partner_id", settings.partnerId())
                .add("timestamp", timestamp)
                .add("sign", signer.signPublic(path, timestamp))
                .addAll(parameters);
        PartnerHttp.Response r = http.send(new PartnerHttp.Request(method, path, query.toString(), ACCEPT_JSON,
                contentType, body));
        ShopeeEnvelope answer = ShopeeEnvelope.parse(r.status(), r.body(), json);
        if (answer.failed() && answer.code().equals("error_auth")) {
            throw new TransientPartnerException("Shopee refused " + what + ": " + answer.describe());
        }
        return success(answer, what);
    }

    /** A public API taking a form (media_space/upload_image): signed without token or shop. */
    JsonNode postPublicForm(String path, Multipart form, String what) {
        failIfMisconfigured();
        long timestamp = clock.instant().getEpochSecond();
        ShopeeQuery query = new ShopeeQuery()
                .add("partner_id", settings.partnerId())
                .add("timestamp", timestamp)
                .add("sign", signer.signPublic(path, timestamp));
        PartnerHttp.Response r = http.send(new PartnerHttp.Request("POST", path, query.toString(), ACCEPT_JSON,
                form.contentType(), form.body()));
        ShopeeEnvelope answer = ShopeeEnvelope.parse(r.status(), r.body(), json);
        if (answer.failed() && answer.code().equals("error_auth")) {
            // no token involved in a public call: the partner id or key is wrong, or lacks the permission
            throw new TransientPartnerException("Shopee refused " + what + ": " + answer.describe());
        }
        return success(answer, what);
    }

    private JsonNode shopCall(String method, String path, ShopeeQuery parameters, String contentType, byte[] body,
                              String what) {
        failIfMisconfigured();
        String token = tokens.accessToken();
        ShopeeEnvelope answer = sendShop(method, path, parameters, contentType, body, token);
        if (answer.failed() && answer.code().equals("error_auth")) {
            log.info("Shopee answered {} to {}: refreshing the access token and trying once more",
                    answer.describe(), what);
            tokens.rejected(token);
            answer = sendShop(method, path, parameters, contentType, body, tokens.accessToken());
            if (answer.failed() && answer.code().equals("error_auth")) {
                if (ShopeeErrors.isCredentialProblem(answer.message())) {
                    throw new TransientPartnerException("Shopee refused a fresh access token for " + what + ": "
                            + answer.describe());
                }
                throw new ShopeeRejectedException(what, answer.code(), answer.message(), answer.describe());
            }
        }
        return success(answer, what);
    }

    private ShopeeEnvelope sendShop(String method, String path, ShopeeQuery parameters, String contentType,
                                    byte[] body, String accessToken) {
        long timestamp = clock.instant().getEpochSecond();
        ShopeeQuery query = new ShopeeQuery()
                .add("partner_id", settings.partnerId())
                .add("timestamp", timestamp)
                .add("access_token", accessToken)
                .add("shop_id", settings.shopId())
                .add("sign", signer.signShop(path, timestamp, accessToken, settings.shopId()))
                .addAll(parameters);
        PartnerHttp.Response r = http.send(new PartnerHttp.Request(method, path, query.toString(), ACCEPT_JSON,
                contentType, body));
        return ShopeeEnvelope.parse(r.status(), r.body(), json);
    }

    private JsonNode success(ShopeeEnvelope answer, String what) {
        if (!answer.readable()) {
            throw new TransientPartnerException("Shopee sent an unreadable answer to " + what + " (HTTP "
                    + answer.status() + ")");
        }
        if (answer.failed()) {
            switch (ShopeeErrors.classify(answer.code(), answer.message())) {
                case PERMANENT -> throw new ShopeeRejectedException(what, answer.code(), answer.message(),
                        answer.describe());
                case TRANSIENT, AUTH -> throw new TransientPartnerException("Shopee could not take " + what + ": "
                        + answer.describe());
            }
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new TransientPartnerException("Shopee answered HTTP " + answer.status() + " to " + what
                    + " without an error code");
        }
        if (!answer.warning().isEmpty()) {
            log.warn("Shopee warns about {}: {}", what, answer.warning());
        }
        return answer.response();
    }

    private void failIfMisconfigured() {
        if (settings.problem() != null) {
            throw new TransientPartnerException(settings.problem());
        }
    }
}
