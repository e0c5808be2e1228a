package vn.ocop.hub.callback.shopee;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.hub.callback.CallbackInbox;
import vn.ocop.hub.callback.CallbackProblems;
import vn.ocop.hub.callback.Signatures;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.shopee.ShopeeSigner;

import java.util.Optional;

/**
 * {@code POST /callbacks/shopee}: Shopee's push. Verified with the partner key over
 * {@code SHOPEE_CALLBACK_URL + "|" + body} (the exact URL registered with Shopee, which behind a
 * proxy is not the URL this server sees), stored, answered 200 with an empty body. Shopee
 * disables a subscription whose success rate drops, so a verified push is always answered 2xx,
 * even when it is a redelivery or a code the hub has no use for.
 */
@RestController
public class ShopeeCallback {

    static final String PARTNER = "shopee";

    private final CallbackInbox inbox;
    private final ObjectMapper json;

    public ShopeeCallback(CallbackInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @PostMapping("/callbacks/shopee")
    public ResponseEntity<?> push(@RequestHeader(value = "Authorization", required = false) String authorization,
                                  @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Optional<ConnectorConfig> config = inbox.config(PARTNER);
        String key = config.map(c -> CallbackInbox.setting(c, "partnerKey")).orElse(null);
        String callbackUrl = config.map(c -> CallbackInbox.setting(c, "callbackUrl")).orElse(null);
        if (key == null || callbackUrl == null) {
            return CallbackProblems.notConfigured(PARTNER, "set SHOPEE_PARTNER_KEY and SHOPEE_CALLBACK_URL "
                    + "(the URL registered with Shopee) so pushes can be verified");
        }
        if (!Signatures.matches(new ShopeeSigner(0, key).signPush(callbackUrl, raw), authorization)) {
            return CallbackProblems.badSignature(PARTNER, "Authorization");
        }
        inbox.accept(PARTNER, ShopeePush.dedupKey(json, raw), raw);
        return ResponseEntity.ok().build();
    }
}
