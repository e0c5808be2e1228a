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

    /** Spring's own request errors (missing parameter, wrong method, unknown path) keep their status. */
    @ExceptionHandler(org.springframework.web.ErrorResponseException.class)
    ResponseEntity<ProblemDetail> springError(org.springframework.web.ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.getBody());
    }

    @ExceptionHandler({org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.HttpRequestMethodNotSupportedException.class,
            org.springframework.web.servlet.resource.NoResourceFoundException.class,
            org.springframework.web.HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> requestError(org.springframework.web.ErrorResponse e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.getBody());
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return ApiProblem.respond(HttpStatus.BAD_REQUEST, "Invalid query", e.getName() + " has the wrong type",
                List.of(new FieldError(e.getName(), "must be a " + (e.getRequiredType() == null ? "valid value"
                        : e.getRequiredType().getSimpleName().toLowerCase()))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ApiProblem.respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the hub could not complete the request; nothing was stored", null);
    }
}
