package vn.ocop.hub.connector.marketplace;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import vn.ocop.hub.connector.TokenBucket;
import vn.ocop.hub.connector.TransientPartnerException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP to one partner through Camel's http component, behind that partner's rate limit.
 * Connection failures, timeouts, 408, 429 and 5xx are transient; every other answer is
 * returned for the partner's Adapter to classify, since partners put errors in their own places.
 */
public final class PartnerHttp {

    public record Response(int status, String body, String retryAfter) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ProducerTemplate template;
    private final String endpointUri;
    private final TokenBucket rateLimit;
    private final String partner;

    public PartnerHttp(String partner, ProducerTemplate template, String baseUrl, TokenBucket rateLimit) {
        this.partner = partner;
        this.template = template;
        // one endpoint per partner; the per-call path goes in a header so endpoints are not multiplied
        this.endpointUri = stripTrailingSlash(baseUrl) + "?throwExceptionOnFailure=false";
        this.rateLimit = rateLimit;
    }

    /**
     * One call. {@code query} is the already-encoded query string (signed partners sign exactly
     * what is sent), or null; {@code body} may be null.
     */
    public record Request(String method, String path, String query, Map<String, String> headers, String contentType,
                          byte[] body) {

        public static Request json(String method, String path, Map<String, String> headers, String json) {
            return new Request(method, path, null, headers, "application/json; charset=UTF-8",
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }
    }

    public Response send(String method, String path, Map<String, String> headers, String body) {
        return send(Request.json(method, path, headers, body));
    }

    public Response send(Request call) {
        String method = call.method();
        String path = call.path();
        try (TokenBucket.Permit permit = acquirePermit()) {
            return send(call, method, path);
        }
    }

    private Response send(Request call, String method, String path) {
        Exchange request = new DefaultExchange(template.getCamelContext());
        request.getIn().setHeader(Exchange.HTTP_METHOD, method);
        request.getIn().setHeader(Exchange.HTTP_PATH, path);
        if (call.query() != null && !call.query().isEmpty()) {
            request.getIn().setHeader(Exchange.HTTP_QUERY, call.query());
        }
        call.headers().forEach(request.getIn()::setHeader);
        if (call.body() != null) {
            request.getIn().setHeader(Exchange.CONTENT_TYPE, call.contentType());
            request.getIn().setBody(call.body());
        }
        Exchange answer = template.send(endpointUri, request);
        if (answer.getException() != null) {
            throw new TransientPartnerException(partner + " " + method + " " + path + ": "
                    + answer.getException().getMessage(), null, answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        String retryAfter = answer.getMessage().getHeader("Retry-After", String.class);
        Response response = new Response(status, text == null ? "" : text, retryAfter);
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientPartnerException(partner + " answered " + status + " to " + method + " " + path
                    + (text == null || text.isBlank() ? "" : ": " + abbreviate(text)), retryAfter(retryAfter), null, status);
        }
        return response;
    }

    /** Null without a rate limit; held until the request is over, which bounds when the partner saw it. */
    private TokenBucket.Permit acquirePermit() {
        if (rateLimit == null) {
            return null;
        }
        try {
            return rateLimit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPartnerException("interrupted waiting for the rate limit", null, e);
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 500 ? oneLine.substring(0, 497) + "..." : oneLine;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
