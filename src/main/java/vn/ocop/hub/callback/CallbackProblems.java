package vn.ocop.hub.callback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.ocop.hub.api.ApiProblem;

/** The refusals a callback endpoint answers, as problem+json like the rest of the hub. */
public final class CallbackProblems {

    private CallbackProblems() {
    }

    public static ResponseEntity<ProblemDetail> badSignature(String partner, String header) {
        return ApiProblem.respond(HttpStatus.UNAUTHORIZED, "Invalid signature",
                "the " + header + " header does not carry " + partner + "'s signature of this body", null);
    }

    /** The hub cannot check the partner's signature, so it stores nothing: the partner will retry later. */
    public static ResponseEntity<ProblemDetail> notConfigured(String partner, String detail) {
        return ApiProblem.respond(HttpStatus.SERVICE_UNAVAILABLE, "Callbacks not configured",
                partner + " callbacks are not accepted: " + detail, null);
    }

    public static ResponseEntity<ProblemDetail> badRequest(String title, String detail) {
        return ApiProblem.respond(HttpStatus.BAD_REQUEST, title, detail, null);
    }
}
