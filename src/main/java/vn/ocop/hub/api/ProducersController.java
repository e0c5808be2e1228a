package vn.ocop.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerRegistration;
import vn.ocop.hub.producer.ProducerStore;

import java.io.IOException;
import java.util.List;

/** The producer registry and each producer's pull inbox of ORDER and INVENTORY events. */
@RestController
@RequestMapping("/api/v1/producers")
public class ProducersController {

    private static final int MAX_PAGE = 500;

    private final ProducerRegistration registration;
    private final ProducerStore producers;
    private final ProducerEventStore events;
    private final ObjectMapper json;

    public ProducersController(ProducerRegistration registration, ProducerStore producers, ProducerEventStore events,
                               ObjectMapper json) {
        this.registration = registration;
        this.producers = producers;
        this.events = events;
        this.json = json;
    }

    @PutMapping("/{producerId}")
    public ObjectNode register(@PathVariable String producerId, HttpServletRequest request) throws IOException {
        BearerAuthFilter.require(request, Role.OFFICE);
        byte[] bytes = request.getInputStream().readNBytes(64 * 1024 + 1);
        if (bytes.length > 64 * 1024) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the body is larger than 64 KiB");
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid JSON", "the body is not valid JSON",
                    List.of(new FieldError("$", "not valid JSON")));
        }
        ProducerRegistration.Result result;
        try {
            result = registration.register(producerId, body);
        } catch (ProducerRegistration.InvalidRegistration e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid producer", e.getMessage(), e.errors());
        }
        ObjectNode out = view(result.producer());
        out.put("created", result.created());
        if (result.token() != null) {
            // shown once: the hub keeps only its hash
            out.put("token", result.token());
        }
        return out;
    }

    @GetMapping("/{producerId}")
    public ObjectNode get(@PathVariable String producerId, HttpServletRequest request) {
        BearerAuthFilter.requireOfficeOrProducer(request, producerId, "no producer " + producerId);
        Producer producer = producers.find(producerId).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "no producer " + producerId + " is registered"));
        return view(producer);
    }

    /** Every event for the producer, delivered or not, oldest first; {@code next} is the {@code after} of the next page. */
    @GetMapping("/{producerId}/notifications")
    public ObjectNode notifications(@PathVariable String producerId, @RequestParam(defaultValue = "0") long after,
                                    @RequestParam(defaultValue = "100") int limit, HttpServletRequest request)
            throws IOException {
        BearerAuthFilter.requireOfficeOrProducer(request, producerId, "no producer " + producerId);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid page", "limit must be 1-" + MAX_PAGE,
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_PAGE)));
        }
        if (after < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid page", "after must be 0 or a previous next",
                    List.of(new FieldError("after", "must not be negative")));
        }
        List<ProducerEventStore.Stored> page = events.inbox(producerId, after, limit);
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (ProducerEventStore.Stored e : page) {
            ObjectNode item = (ObjectNode) json.readTree(e.payload());
            item.put("seq", e.seq());
            ObjectNode delivery = item.putObject("delivery");
            delivery.put("state", e.deliveryState().name());
            delivery.put("channel", e.channel());
            delivery.put("attempts", e.attempts());
            delivery.put("lastError", e.lastError());
            delivery.put("deliveredAt", e.deliveredAt() == null ? null : e.deliveredAt().toString());
            items.add(item);
        }
        if (page.size() == limit) {
            out.put("next", page.get(page.size() - 1).seq());
        } else {
            out.putNull("next");
        }
        return out;
    }

    /** Contact details without the webhook secret, which only the producer and the hub need. */
    private ObjectNode view(Producer p) {
        ObjectNode out = json.createObjectNode();
        out.put("producerId", p.producerId());
        out.put("name", p.name());
        out.put("email", p.email());
        out.put("webhookUrl", p.webhookUrl());
        out.put("webhookSecretSet", p.webhookSecret() != null);
        out.put("createdAt", p.createdAt().toString());
        out.put("updatedAt", p.updatedAt().toString());
        return out;
    }
}
