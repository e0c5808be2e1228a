package vn.ocop.hub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.BindingStore;

import java.time.Instant;

/**
 * Called by the partner-delivery route configuration before a message is parked: stamps the
 * failure on the message (so the DLQ shows why) and marks the binding FAILED.
 */
@Component("deadLetters")
public class DeadLetters {

    public static final String REASON = "hubFailureReason";
    public static final String FAILED_AT = "hubFailedAt";

    private final BindingStore bindings;
    private final ObjectMapper json;

    public DeadLetters(BindingStore bindings, ObjectMapper json) {
        this.bindings = bindings;
        this.json = json;
    }

    public void recordFailure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown failure" : cause.getMessage();
        String partner = exchange.getMessage().getHeader(Synchronizers.PARTNER_HEADER, String.class);
        exchange.getMessage().setHeader(REASON, reason);
        exchange.getMessage().setHeader(FAILED_AT, Instant.now().toString());
        JsonNode event = readQuietly(exchange.getMessage().getBody(String.class));
        String ocopId = event.path("ocopId").asText(null);
        if (ocopId == null || partner == null) {
            return;
        }
        exchange.getMessage().setHeader("hubOcopId", ocopId);
        Binding current = bindings.find(ocopId, partner).orElse(Binding.none(ocopId, partner));
        bindings.save(current.with(BindingState.FAILED, current.partnerItemId(), current.deliveredVersion(),
                current.deliveredRevision(), current.live(), reason));
    }

    private JsonNode readQuietly(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
