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
import vn.ocop.hub.ingest.FeedProcessor;
import vn.ocop.hub.ingest.FeedReport;
import vn.ocop.hub.ingest.FeedReportStore;
import vn.ocop.hub.model.FieldError;

import java.io.IOException;
import java.util.List;

@RestController
@RequestMapping("/api/v1/feeds")
public class FeedsController {

    private final FeedProcessor feeds;
    private final FeedReportStore reports;

    public FeedsController(FeedProcessor feeds, FeedReportStore reports) {
        this.feeds = feeds;
        this.reports = reports;
    }

    @PostMapping
    public ResponseEntity<FeedReport> submit(@RequestParam(defaultValue = "delta") String mode,
                                             HttpServletRequest request) throws IOException {
        BearerAuthFilter.require(request, Role.OFFICE);
        FeedProcessor.Mode feedMode = switch (mode.toLowerCase()) {
            case "full" -> FeedProcessor.Mode.FULL;
            case "delta" -> FeedProcessor.Mode.DELTA;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid feed", "unknown mode " + mode,
                    List.of(new FieldError("mode", "must be full or delta")));
        };
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean ndjson = type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson");
        try {
            return ResponseEntity.accepted().body(feeds.process(request.getInputStream(), ndjson, feedMode));
        } catch (FeedProcessor.FeedFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid feed", e.getMessage(),
                    List.of(new FieldError("$", e.getMessage())));
        }
    }

    @GetMapping("/{feedId}")
    public FeedReport get(@PathVariable String feedId, HttpServletRequest request) {
        BearerAuthFilter.require(request, Role.OFFICE, Role.OPERATOR);
        return reports.find(feedId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Not found",
                "no feed " + feedId));
    }
}
