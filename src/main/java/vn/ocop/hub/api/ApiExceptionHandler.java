package vn.ocop.hub.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.ocop.hub.ingest.ListingNotFoundException;
import vn.ocop.hub.ingest.VersionConflictException;
import vn.ocop.hub.model.FieldError;

import java.util.List;

@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return problem.toResponse();
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(VersionConflictException e) {
        return ApiProblem.respond(HttpStatus.CONFLICT, "Version not newer", e.getMessage(),
                List.of(new FieldError("version", "must be greater than " + e.storedVersion())));
    }

    @ExceptionHandler(ListingNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ListingNotFoundException e) {
        return ApiProblem.respond(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ApiProblem.respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the hub could not complete the request; nothing was stored", null);
    }
}
