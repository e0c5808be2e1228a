package vn.ocop.hub.callback.postmart;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.hub.callback.CallbackInbox;
import vn.ocop.hub.callback.CallbackProblems;
import vn.ocop.hub.callback.Signatures;
import vn.ocop.hub.connector.postmart.PostmartWebhookSignature;

/**
 * {@code POST /callbacks/postmart}: Postmart's order and inventory events (this project's
 * contract). Verified with {@code X-Postmart-Signature: sha256=…} over the body, deduplicated on
 * {@code X-Postmart-Event-Id}, stored, answered 202: the event is taken, its work follows.
 */
@RestController
public class PostmartCallback {

    static final String PARTNER = "postmart";

    private final CallbackInbox inbox;

    public PostmartCallback(CallbackInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/callbacks/postmart")
    public ResponseEntity<?> event(
            @RequestHeader(value = PostmartWebhookSignature.HEADER, required = false) String signature,
            @RequestHeader(value = PostmartWebhookSignature.EVENT_ID_HEADER, required = false) String eventId,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        String secret = inbox.config(PARTNER).map(c -> CallbackInbox.setting(c, "webhookSecret")).orElse(null);
        if (secret == null) {
            return CallbackProblems.notConfigured(PARTNER, "set POSTMART_WEBHOOK_SECRET so events can be verified");
        }
        if (!Signatures.matches(PostmartWebhookSignature.of(secret, raw), signature)) {
            return CallbackProblems.badSignature(PARTNER, PostmartWebhookSignature.HEADER);
        }
        if (eventId == null || eventId.isBlank()) {
            return CallbackProblems.badRequest("Missing event id", PostmartWebhookSignature.EVENT_ID_HEADER
                    + " is required: it is how a redelivered event is recognised");
        }
        inbox.accept(PARTNER, "event " + eventId.trim(), raw);
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
