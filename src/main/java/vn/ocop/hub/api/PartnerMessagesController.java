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
import vn.ocop.hub.callback.PartnerMessage;
import vn.ocop.hub.callback.PartnerMessageStore;
import vn.ocop.hub.model.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operator's view of partner callbacks and pulled events the hub could not turn into
 * producer events (FAILED, with the reason), and their replay once the cause is fixed: a
 * replayed message is worked again from the start, and publishes only what is not published yet.
 */
@RestController
@RequestMapping("/api/v1/partner-messages")
public class PartnerMessagesController {

    /** The answer to a listing: the messages, oldest first. */
    public record Page(List<PartnerMessage> items) {
    }

    private final PartnerMessageStore store;

    public PartnerMessagesController(PartnerMessageStore store) {
        this.store = store;
    }

    @GetMapping
    public Page list(@RequestParam(defaultValue = "FAILED") String state,
                     @RequestParam(required = false) String partner,
                     @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OPERATOR);
        PartnerMessage.State wanted = Arrays.stream(PartnerMessage.State.values())
                .filter(s -> s.name().equals(state.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid query", "unknown state " + state,
                        List.of(new FieldError("state", "must be one of " + Arrays.toString(PartnerMessage.State.values())))));
        return new Page(store.inState(wanted, partner == null || partner.isBlank() ? null : partner,
                Math.min(Math.max(limit, 1), 1000)));
    }

    @PostMapping("/{id}/replay")
    public ResponseEntity<PartnerMessage> replay(@PathVariable long id, HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OPERATOR);
        PartnerMessage message = store.find(id).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "no partner message " + id));
        if (!store.replay(id)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Not replayable", "partner message " + id + " is "
                    + message.state() + ": only FAILED messages are replayed");
        }
        return ResponseEntity.accepted().body(store.find(id).orElseThrow());
    }
}
