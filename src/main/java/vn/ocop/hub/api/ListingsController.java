package vn.ocop.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.hub.ingest.IngestOutcome;
import vn.ocop.hub.ingest.IngestService;
import vn.ocop.hub.ingest.ListingNotFoundException;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.ListingStore;
import vn.ocop.hub.store.StoredListing;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/listings")
public class ListingsController {

    /** One listing is a few kilobytes; a megabyte is a mistake, not a listing. */
    static final int MAX_LISTING_BYTES = 1024 * 1024;
    static final int PAGE_SIZE = 100;

    private final ObjectMapper json;
    private final ListingValidator validator;
    private final IngestService ingest;
    private final ListingStore listings;
    private final ListingStatusView statusView;

    public ListingsController(ObjectMapper json, ListingValidator validator, IngestService ingest,
                              ListingStore listings, ListingStatusView statusView) {
        this.json = json;
        this.validator = validator;
        this.ingest = ingest;
        this.listings = listings;
        this.statusView = statusView;
    }

    @PostMapping
    public ResponseEntity<IngestOutcome> submit(HttpServletRequest request) throws IOException {
        BearerAuthFilter.require(request, Role.OFFICE);
        JsonNode body = readJson(request.getInputStream(), MAX_LISTING_BYTES);
        ValidationResult result = validator.validate(body);
        if (!result.valid()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid listing",
                    result.errors().size() + " field(s) are invalid", result.errors());
        }
        return ResponseEntity.accepted().body(ingest.submit(result.listing()));
    }

    @GetMapping("/{ocopId}")
    public ObjectNode get(@PathVariable String ocopId, HttpServletRequest request) {
        StoredListing stored;
        if (request.getAttribute(BearerAuthFilter.ROLE_ATTRIBUTE) == Role.PRODUCER) {
            stored = listings.find(ocopId).orElse(null);
            BearerAuthFilter.requireOfficeOrProducer(request, stored == null ? null : stored.listing().producer().id(),
                    "no listing " + ocopId);
        } else {
            BearerAuthFilter.require(request, Role.OFFICE, Role.OPERATOR);
            stored = listings.find(ocopId).orElseThrow(() -> new ListingNotFoundException(ocopId));
        }
        return statusView.render(stored);
    }

    @GetMapping
    public ObjectNode page(@RequestParam(required = false) String partner, @RequestParam(required = false) String state,
                           @RequestParam(defaultValue = "0") int page, HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OFFICE, Role.OPERATOR);
        if (page < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid query", "page must be 0 or more",
                    List.of(new FieldError("page", "must be 0 or more")));
        }
        BindingState wanted = parseState(state);
        if (wanted != null && partner == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid query", "state needs a partner",
                    List.of(new FieldError("partner", "is required when state is given")));
        }
        List<StoredListing> rows = partner == null
                ? listings.page(page * PAGE_SIZE, PAGE_SIZE)
                : listings.pageAtPartner(partner, wanted, page * PAGE_SIZE, PAGE_SIZE);
        ObjectNode answer = json.createObjectNode();
        answer.put("page", page);
        answer.put("size", PAGE_SIZE);
        rows.forEach(row -> answer.withArray("items").add(statusView.render(row)));
        if (rows.isEmpty()) {
            answer.putArray("items");
        }
        if (rows.size() == PAGE_SIZE) {
            answer.put("next", page + 1);
        }
        return answer;
    }

    @PostMapping("/{ocopId}/withdrawal")
    public ResponseEntity<IngestOutcome> withdraw(@PathVariable String ocopId, HttpServletRequest request)
            throws IOException {
        BearerAuthFilter.require(request, Role.OFFICE);
        JsonNode body = readJson(request.getInputStream(), 64 * 1024);
        String reason = body.path("reason").asText("").trim();
        if (reason.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid withdrawal", "a reason is required",
                    List.of(new FieldError("reason", "is required")));
        }
        return ResponseEntity.accepted().body(ingest.withdraw(ocopId, "withdrawn by the office: " + reason));
    }

    @PutMapping("/{ocopId}/stock")
    public ResponseEntity<IngestOutcome> stock(@PathVariable String ocopId, HttpServletRequest request)
            throws IOException {
        BearerAuthFilter.requireOfficeOrProducer(request, listings.find(ocopId)
                .map(s -> s.listing().producer().id()).orElse(null), "no listing " + ocopId);
        JsonNode quantity = readJson(request.getInputStream(), 64 * 1024).path("quantity");
        if (!quantity.isIntegralNumber() || quantity.asLong() < 0 || quantity.asLong() > Integer.MAX_VALUE) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid stock", "quantity must be a whole number ≥ 0",
                    List.of(new FieldError("quantity", "must be a whole number, 0 or more")));
        }
        return ResponseEntity.accepted().body(ingest.updateStock(ocopId, quantity.asInt()));
    }

    private JsonNode readJson(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large",
                    "the body is larger than " + limit + " bytes; send many listings as a feed");
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid JSON", "the body is not valid JSON",
                    List.of(new FieldError("$", "not valid JSON")));
        }
    }

    private static BindingState parseState(String state) {
        if (state == null) {
            return null;
        }
        try {
            return BindingState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid query", "unknown state " + state,
                    List.of(new FieldError("state", "must be one of " + java.util.Arrays.toString(BindingState.values()))));
        }
    }
}
