package vn.ocop.hub.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.ocop.hub.model.FieldError;

import java.util.List;

/** Every error answer is application/problem+json with a title, a detail and, for validation, errors. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ResponseEntity<ProblemDetail> toResponse() {
        return respond(status, title, getMessage(), errors);
    }

    public static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, String detail,
                                                        List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
