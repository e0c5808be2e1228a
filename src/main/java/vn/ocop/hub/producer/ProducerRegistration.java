package vn.ocop.hub.producer;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.model.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The office registers producers (PUT /api/v1/producers/{id}). The first registration issues the
 * producer's bearer token, shown once; later ones change contact details and keep the token.
 */
@Service
public class ProducerRegistration {

    /** The outcome: the producer as stored, and its token when this call created it. */
    public record Result(Producer producer, boolean created, String token) {
    }

    /** The registration was refused; nothing was stored. */
    public static final class InvalidRegistration extends RuntimeException {
        private final List<FieldError> errors;

        InvalidRegistration(List<FieldError> errors) {
            super(errors.size() + " field(s) are invalid");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private static final Pattern PRODUCER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    // deliberately loose: the mail server is the judge; this catches typing slips
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProducerStore store;
    private final TransactionTemplate tx;

    public ProducerRegistration(ProducerStore store, TransactionTemplate tx) {
        this.store = store;
        this.tx = tx;
    }

    public Result register(String producerId, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!PRODUCER_ID.matcher(producerId).matches()) {
            errors.add(new FieldError("producerId", "must be 1-64 letters, digits, '.', '_' or '-', as in the listings' producer.id"));
        }
        if (body == null || !body.isObject()) {
            throw new InvalidRegistration(List.of(new FieldError("$", "must be a JSON object")));
        }
        String name = text(body, "name");
        String email = text(body, "email");
        String webhookUrl = text(body, "webhookUrl");
        String webhookSecret = text(body, "webhookSecret");
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        if (webhookUrl != null) {
            String problem = webhookProblem(webhookUrl);
            if (problem != null) {
                errors.add(new FieldError("webhookUrl", problem));
            }
            if (webhookSecret == null) {
                errors.add(new FieldError("webhookSecret", "is required with a webhookUrl: the hub signs every call with it"));
            }
        }
        if (webhookSecret != null && (webhookSecret.length() < 16 || webhookSecret.length() > 200)) {
            errors.add(new FieldError("webhookSecret", "must be 16-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistration(errors);
        }
        return tx.execute(status -> {
            Instant now = Instant.now();
            Optional<Producer> existing = store.find(producerId);
            if (existing.isPresent()) {
                Producer updated = new Producer(producerId, name, email, webhookUrl, webhookSecret,
                        existing.get().createdAt(), now);
                store.update(updated);
                return new Result(updated, false, null);
            }
            Producer created = new Producer(producerId, name, email, webhookUrl, webhookSecret, now, now);
            String token = newToken();
            if (!store.insert(created, token)) {
                // registered concurrently by another call: this one is an update of it
                store.update(created);
                return new Result(created, false, null);
            }
            return new Result(created, true, token);
        });
    }

    /** https, or plain http only to this machine (a producer's local bridge, and tests). */
    static String webhookProblem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                return "must be an absolute https URL";
            }
            boolean loopback = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1")
                    || uri.getHost().equals("[::1]");
            if (scheme.equals("http") && !loopback) {
                return "must use https (events carry order details)";
            }
            return url.length() > 2000 ? "must be at most 2000 characters" : null;
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return Normalizer.normalize(v.asText().trim(), Normalizer.Form.NFC);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "prod_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
