package vn.ocop.hub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.ocop.hub.producer.ProducerStore;

import java.io.IOException;
import java.util.Optional;

/** Resolves the caller's role from {@code Authorization: Bearer …} for every /api call. */
@Component
public class BearerAuthFilter extends OncePerRequestFilter {

    static final String ROLE_ATTRIBUTE = "hub.role";
    static final String PRODUCER_ATTRIBUTE = "hub.producer";

    private final ApiTokens tokens;
    private final ProducerStore producers;
    private final ObjectMapper json;

    public BearerAuthFilter(ApiTokens tokens, ProducerStore producers, ObjectMapper json) {
        this.tokens = tokens;
        this.producers = producers;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).trim()
                : null;
        Optional<Role> role = token == null || token.isEmpty() ? Optional.empty() : tokens.roleOf(token);
        if (role.isEmpty() && token != null && !token.isEmpty()) {
            Optional<String> producer = producers.producerForToken(token);
            if (producer.isPresent()) {
                request.setAttribute(PRODUCER_ATTRIBUTE, producer.get());
                role = Optional.of(Role.PRODUCER);
            }
        }
        if (role.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    header == null ? "Authorization: Bearer <token> is required" : "the bearer token is not valid");
            problem.setTitle("Unauthorized");
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        request.setAttribute(ROLE_ATTRIBUTE, role.get());
        chain.doFilter(request, response);
    }

    /**
     * The office, or the producer itself: other producers learn nothing, not even that the thing
     * exists (404), since a producer's orders are its business.
     */
    static void requireOfficeOrProducer(HttpServletRequest request, String producerId, String notFoundDetail) {
        Object role = request.getAttribute(ROLE_ATTRIBUTE);
        if (role == Role.OFFICE) {
            return;
        }
        if (role == Role.PRODUCER && producerId != null && producerId.equals(request.getAttribute(PRODUCER_ATTRIBUTE))) {
            return;
        }
        if (role == Role.PRODUCER) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "Not found", notFoundDetail);
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "this call needs the role [office, producer]");
    }

    /** 403 unless the caller has one of the roles. */
    static void require(HttpServletRequest request, Role... allowed) {
        Object role = request.getAttribute(ROLE_ATTRIBUTE);
        for (Role r : allowed) {
            if (r == role) {
                return;
            }
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "this call needs the role " + java.util.Arrays.toString(allowed).toLowerCase());
    }
}
