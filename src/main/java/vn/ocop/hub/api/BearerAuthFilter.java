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

import java.io.IOException;
import java.util.Optional;

/** Resolves the caller's role from {@code Authorization: Bearer …} for every /api call. */
@Component
public class BearerAuthFilter extends OncePerRequestFilter {

    static final String ROLE_ATTRIBUTE = "hub.role";

    private final ApiTokens tokens;
    private final ObjectMapper json;

    public BearerAuthFilter(ApiTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
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
        Optional<Role> role = header != null && header.startsWith("Bearer ")
                ? tokens.roleOf(header.substring("Bearer ".length()).trim()) : Optional.empty();
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
