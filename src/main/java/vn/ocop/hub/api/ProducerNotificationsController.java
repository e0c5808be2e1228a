package vn.ocop.hub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerEventStore.DeliveryState;

import java.util.Arrays;
import java.util.List;

/** The operator's view of deliveries to producers: what is parked, and sending it again. */
@RestController
@RequestMapping("/api/v1/producer-notifications")
public class ProducerNotificationsController {

    static final int MAX_LIMIT = 1000;

    private final ProducerEventStore events;

    public ProducerNotificationsController(ProducerEventStore events) {
        this.events = events;
    }

    @GetMapping
    public ProducerNotificationView.Page list(@RequestParam(defaultValue = "PARKED") String state,
                                              @RequestParam(defaultValue = "100") int limit,
                                              HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OPERATOR);
        DeliveryState wanted = parseState(state);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid query", "limit is " + limit,
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return new ProducerNotificationView.Page(events.inState(wanted, limit).stream()
                .map(ProducerNotificationView::of).toList());
    }

    /** Only a parked (or inbox-only) event is sent again; one still pending or delivered is left alone. */
    @PostMapping("/{eventId}/replay")
    public ResponseEntity<ProducerNotificationView> replay(@PathVariable String eventId, HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OPERATOR);
        ProducerEventStore.Stored event = events.find(eventId).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "no producer event " + eventId));
        if (!events.replay(eventId)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Not replayable", "event " + eventId + " is "
                    + events.find(eventId).map(e -> e.deliveryState().name()).orElse(event.deliveryState().name())
                    + "; only PARKED or INBOX_ONLY events can be replayed");
        }
        ProducerEventStore.Stored replayed = events.find(eventId).orElse(event);
        return ResponseEntity.accepted().body(ProducerNotificationView.of(replayed));
    }

    private static DeliveryState parseState(String state) {
        try {
            return DeliveryState.valueOf(state.trim());
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(DeliveryState.values()).map(Enum::name).toList());
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid query", "unknown state " + state,
                    List.of(new FieldError("state", "must be one of " + allowed)));
        }
    }
}
