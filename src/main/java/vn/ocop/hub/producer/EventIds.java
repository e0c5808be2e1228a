package vn.ocop.hub.producer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable event ids: a name-based UUID over the partner's own identifiers for the fact (order id,
 * status, producer; or report, store, item). A partner repeating itself gets the same id back.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
