package vn.ocop.hub.callback.shopee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.callback.CallbackInbox;
import vn.ocop.hub.callback.PartnerApis;
import vn.ocop.hub.connector.shopee.ShopeeOrderApi;

import java.nio.charset.StandardCharsets;

/**
 * Shopee never re-sends a push it failed to deliver, and switches pushes off when too many fail;
 * what it missed waits three days in get_lost_push_message. On a schedule (route template
 * {@code shopee-lost-push}) each page is stored as ordinary push messages, keyed as the live push
 * would have been (so one that did arrive is not stored twice), and only then confirmed.
 */
@Component("shopeeLostPushes")
public class ShopeeLostPushRecovery {

    /** A bound on one run, so a huge backlog cannot hold the timer thread for long. */
    static final int MAX_PAGES = 20;

    private static final Logger log = LoggerFactory.getLogger(ShopeeLostPushRecovery.class);

    private final PartnerApis apis;
    private final CallbackInbox inbox;
    private final ObjectMapper json;

    public ShopeeLostPushRecovery(PartnerApis apis, CallbackInbox inbox, ObjectMapper json) {
        this.apis = apis;
        this.inbox = inbox;
        this.json = json;
    }

    /** @return how many lost pushes were new to the hub */
    public int recover(@Header("hubPartner") String partner) {
        ShopeeOrderApi api = apis.api(partner, ShopeeOrderApi.class);
        int stored = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = apis.call(partner, "lost pushes", api::lostPushMessages);
            JsonNode messages = answer.path("push_message_list");
            if (messages.isEmpty()) {
                break;
            }
            for (JsonNode lost : messages) {
                byte[] push = asPush(lost).toString().getBytes(StandardCharsets.UTF_8);
                if (inbox.accept(partner, ShopeePush.dedupKey(json, push), push)) {
                    stored++;
                }
            }
            // every message of the page is committed (each insert commits): now Shopee may forget them
            long last = answer.path("last_message_id").asLong();
            apis.call(partner, "confirm lost pushes", () -> {
                api.confirmConsumedLostPush(last);
                return null;
            });
            if (!answer.path("has_next_page").asBoolean(false)) {
                break;
            }
        }
        if (stored > 0) {
            log.info("{}: recovered {} lost push(es)", partner, stored);
        }
        return stored;
    }

    /** A lost push has its data as a JSON string; stored in the live push's shape so one normaliser reads both. */
    private ObjectNode asPush(JsonNode lost) {
        ObjectNode push = json.createObjectNode();
        push.set("code", lost.path("code"));
        if (lost.has("shop_id")) {
            push.set("shop_id", lost.path("shop_id"));
        }
        push.set("timestamp", lost.path("timestamp"));
        push.set("data", ShopeePush.data(lost));
        return push;
    }
}
