package vn.ocop.hub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.hub.broker.DeadLetterQueues;
import vn.ocop.hub.broker.Destinations;
import vn.ocop.hub.broker.PartnerResync;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.PriceStockQueue;

import java.util.List;
import java.util.Map;

/** The operator's calls: partner health and parked messages. */
@RestController
@RequestMapping("/api/v1")
public class OperationsController {

    private final PartnerRegistry partners;
    private final BindingStore bindings;
    private final DeadLetterQueues deadLetters;
    private final ObjectMapper json;
    private final PartnerResync resync;
    private final PriceStockQueue priceStock;

    public OperationsController(PartnerRegistry partners, BindingStore bindings, DeadLetterQueues deadLetters,
                                ObjectMapper json, PartnerResync resync, PriceStockQueue priceStock) {
        this.resync = resync;
        this.priceStock = priceStock;
        this.partners = partners;
        this.bindings = bindings;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @GetMapping("/partners")
    public ObjectNode partners(HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OPERATOR, Role.OFFICE);
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("partners");
        for (Partner p : partners.all()) {
            ObjectNode item = items.addObject();
            item.put("partner", p.name());
            item.put("displayName", p.config().displayName());
            item.put("kind", p.config().kind().name());
            item.put("enabled", p.active());
            item.put("disabledReason", p.disabledReason());
            item.set("toggles", json.valueToTree(p.config().toggles()));
            ObjectNode counts = item.putObject("counts");
            for (Map.Entry<BindingState, Long> e : bindings.countByState(p.name()).entrySet()) {
                counts.put(e.getKey().name(), e.getValue());
            }
            if (p.active()) {
                item.put("queueDepth", deadLetters.depth(Destinations.partnerQueue(p.name())));
                item.put("deadLetterDepth", deadLetters.depth(Destinations.deadLetterQueue(p.name())));
                // staged for a partner that batches price and stock (Lazada); always 0 for the others
                item.put("priceStockQueued", priceStock.count(p.name()));
            }
            item.put("lastSuccess", bindings.lastUpdate(p.name(), List.of(BindingState.SYNCED, BindingState.WITHDRAWN))
                    .map(Object::toString).orElse(null));
            item.put("lastFailure", bindings.lastUpdate(p.name(), List.of(BindingState.FAILED, BindingState.REJECTED))
                    .map(Object::toString).orElse(null));
        }
        return answer;
    }

    @PostMapping("/partners/{partner}/resync")
    public org.springframework.http.ResponseEntity<ObjectNode> resync(@PathVariable String partner,
                                                                     HttpServletRequest request) throws JMSException {
        BearerAuthFilter.require(request, Role.OPERATOR);
        requireActive(partner);
        ObjectNode answer = json.createObjectNode();
        answer.put("partner", partner);
        answer.put("queued", resync.resync(partner));
        return org.springframework.http.ResponseEntity.accepted().body(answer);
    }

    @GetMapping("/dead-letters")
    public ObjectNode deadLetters(@RequestParam String partner, @RequestParam(defaultValue = "100") int limit,
                                  HttpServletRequest request) throws JMSException {
        BearerAuthFilter.require(request, Role.OPERATOR);
        requireActive(partner);
        ObjectNode answer = json.createObjectNode();
        answer.set("items", json.valueToTree(deadLetters.browse(partner, Math.min(Math.max(limit, 1), 1000))));
        return answer;
    }

    @PostMapping("/dead-letters/{id}/replay")
    public ObjectNode replay(@PathVariable String id, @RequestParam String partner, HttpServletRequest request)
            throws JMSException {
        BearerAuthFilter.require(request, Role.OPERATOR);
        requireActive(partner);
        DeadLetterQueues.Parked replayed = deadLetters.replay(partner, id).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "no parked message " + id + " for " + partner));
        return json.valueToTree(replayed);
    }

    private void requireActive(String partner) {
        if (partners.find(partner).filter(Partner::active).isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Unknown partner", partner + " is not an active partner",
                    List.of(new FieldError("partner", "must be an active partner")));
        }
    }
}
