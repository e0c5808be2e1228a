package vn.ocop.hub.callback.lazada;

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
import vn.ocop.hub.connector.lazada.LazadaPushSignature;

import java.util.Optional;

/**
 * {@code POST /callbacks/lazada}: Lazada's push. Lazada wants HTTP 200 within 500 ms, so the
 * answer waits for one insert and nothing else: fetching the order's items and publishing happen
 * in the worker afterwards. Verified with the app secret over {@code appKey + body}.
 */
@RestController
public class LazadaCallback {

    static final String PARTNER = "lazada";

    private final CallbackInbox inbox;
    private final ObjectMapper json;

    public LazadaCallback(CallbackInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @PostMapping("/callbacks/lazada")
    public ResponseEntity<?> push(@RequestHeader(value = "Authorization", required = false) String authorization,
                                  @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Optional<ConnectorConfig> config = inbox.config(PARTNER);
        String appKey = config.map(c -> CallbackInbox.setting(c, "appKey")).orElse(null);
        String appSecret = config.map(c -> CallbackInbox.setting(c, "appSecret")).orElse(null);
        if (appKey == null || appSecret == null) {
            return CallbackProblems.notConfigured(PARTNER, "set LAZADA_APP_KEY and LAZADA_APP_SECRET so pushes can "
                    + "be verified");
        }
        if (!Signatures.matches(LazadaPushSignature.of(appSecret, appKey, raw), authorization)) {
            return CallbackProblems.badSignature(PARTNER, "Authorization");
        }
        inbox.accept(PARTNER, LazadaPush.dedupKey(json, raw), raw);
        return ResponseEntity.ok().build();
    }
}
