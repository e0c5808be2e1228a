package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Signs one call the way Lazada's own SDK sends it (system parameters in the query string,
 * business parameters form-encoded in a POST body, or in the query of a GET) and reads the
 * envelope back: code "0" is the answer, anything else becomes an exception of the right class.
 */
final class LazadaTransport {

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** The access token was refused (invalid or expired): the caller refreshes and tries once more. */
    static final class AccessTokenRejected extends RuntimeException {
        AccessTokenRejected(String message) {
            super(message);
        }
    }

    private final String appKey;
    private final LazadaSigner signer;
    private final ObjectMapper json;
    // the wall clock, not the hub's business clock: Lazada refuses timestamps 7200 s away from UTC
    private final Clock clock;

    LazadaTransport(String appKey, LazadaSigner signer, ObjectMapper json, Clock clock) {
        this.appKey = appKey;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    /** @param accessToken null for the calls made without one (refreshing the token) */
    JsonNode send(PartnerHttp http, LazadaRequest request, String accessToken) {
        Map<String, String> system = new LinkedHashMap<>();
        system.put("app_key", appKey);
        system.put("timestamp", Long.toString(clock.millis()));
        system.put("sign_method", LazadaSigner.SIGN_METHOD);
        if (accessToken != null) {
            system.put("access_token", accessToken);
        }
        Map<String, String> all = new LinkedHashMap<>(system);
        all.putAll(request.params());
        String sign = signer.sign(request.apiPath(), all);
        PartnerHttp.Request call;
        if ("GET".equals(request.method())) {
            all.put("sign", sign);
            call = new PartnerHttp.Request("GET", request.apiPath(), encode(all), Map.of("Accept", "application/json"),
                    null, null);
        } else {
            system.put("sign", sign);
            call = new PartnerHttp.Request(request.method(), request.apiPath(), encode(system),
                    Map.of("Accept", "application/json"), FORM,
                    encode(request.params()).getBytes(StandardCharsets.UTF_8));
        }
        return open(request.apiPath(), http.send(call));
    }

    private JsonNode open(String apiPath, PartnerHttp.Response response) {
        JsonNode body = parse(response.body());
        if (body == null || !body.has("code")) {
            // not Lazada's envelope: a proxy page or a wrong base URL, which is ours to fix, not the listing's
            throw new TransientPartnerException("Lazada answered HTTP " + response.status() + " to " + apiPath
                    + " without its envelope: " + abbreviate(response.body()));
        }
        if ("0".equals(body.path("code").asText())) {
            return body;
        }
        LazadaError error = LazadaError.from(body);
        if (error.accessTokenRejected()) {
            throw new AccessTokenRejected(error.describe());
        }
        if (error.isTransient()) {
            String what = error.isHubSide() ? "refused the hub's credentials or signature on " : "is busy on ";
            throw new TransientPartnerException("Lazada " + what + apiPath + ": " + error.describe(),
                    error.retryAfter(), null);
        }
        throw new LazadaRejection(apiPath, error);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    static String encode(Map<String, String> params) {
        StringJoiner out = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) { // unsigned when empty, so not sent either
                out.add(component(name) + "=" + component(value));
            }
        });
        return out.toString();
    }

    private static String component(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
    }
}
