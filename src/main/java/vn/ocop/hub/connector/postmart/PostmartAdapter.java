package vn.ocop.hub.connector.postmart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.MarketplaceAdapter;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.connector.marketplace.Published;
import vn.ocop.hub.model.Listing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Postmart's API client. PUT is create-or-replace keyed by our SKU, so a lost answer to a
 * create cannot produce a second product. Errors are problem+json.
 */
final class PostmartAdapter implements MarketplaceAdapter {

    private final PartnerHttp http;
    private final PostmartMapper mapper;
    private final Map<String, String> auth;
    private final ObjectMapper json;

    PostmartAdapter(PartnerHttp http, PostmartMapper mapper, String apiKey, ObjectMapper json) {
        this.http = http;
        this.mapper = mapper;
        this.auth = Map.of("Authorization", "Bearer " + apiKey, "Accept", "application/json");
        this.json = json;
    }

    @Override
    public Optional<String> findItemId(Listing listing) {
        PartnerHttp.Response r = http.send("GET", productPath(listing), auth, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(productId(check(r, "look up")));
    }

    @Override
    public boolean createIsIdempotent() {
        return true; // PUT /v1/products/{sellerSku}
    }

    @Override
    public Published upsert(Listing listing, String itemId) {
        PartnerHttp.Response r = http.send("PUT", productPath(listing), auth, body(mapper.product(listing)));
        return Published.live(productId(check(r, "publish")));
    }

    @Override
    public void updatePrice(String itemId, Listing listing) {
        patch(listing, "/price", mapper.price(listing));
    }

    @Override
    public void updateStock(String itemId, Listing listing) {
        patch(listing, "/inventory", mapper.inventory(listing));
    }

    @Override
    public void withdraw(String itemId, Listing listing) {
        PartnerHttp.Response r = http.send("DELETE", productPath(listing), auth, null);
        if (r.status() != 404) { // already gone is what we wanted
            check(r, "withdraw");
        }
    }

    private void patch(Listing listing, String suffix, ObjectNode body) {
        PartnerHttp.Response r = http.send("PATCH", productPath(listing) + suffix, auth, body(body));
        if (r.status() == 404) {
            throw new ItemMissingException("Postmart has no product " + listing.sku());
        }
        check(r, "update");
    }

    private JsonNode check(PartnerHttp.Response r, String what) {
        if (r.status() == 401 || r.status() == 403) {
            // a wrong or revoked key is not the content's fault: retry, then park for replay
            throw new TransientPartnerException("Postmart refused the API key (" + r.status() + ") on " + what);
        }
        if (!r.ok()) {
            throw new PermanentPartnerException("Postmart rejected " + what + " (" + r.status() + "): " + problem(r.body()));
        }
        try {
            return json.readTree(r.body());
        } catch (Exception e) {
            throw new TransientPartnerException("Postmart sent an unreadable answer to " + what + ": " + e.getMessage(),
                    null, e);
        }
    }

    /** problem+json → "detail; field: message; …", which is what an operator needs to fix the listing. */
    private String problem(String body) {
        try {
            JsonNode p = json.readTree(body);
            StringBuilder text = new StringBuilder(p.path("detail").asText(p.path("title").asText("")));
            for (JsonNode e : p.path("errors")) {
                text.append(text.isEmpty() ? "" : "; ").append(e.path("field").asText()).append(": ")
                        .append(e.path("message").asText());
            }
            return text.toString();
        } catch (Exception notJson) {
            return body;
        }
    }

    private static String productId(JsonNode answer) {
        String id = answer.path("productId").asText(null);
        if (id == null) {
            throw new TransientPartnerException("Postmart answer has no productId");
        }
        return id;
    }

    private String body(ObjectNode node) {
        return node.toString();
    }

    private static String productPath(Listing listing) {
        return "/v1/products/" + URLEncoder.encode(listing.sku(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
