package vn.ocop.hub.producer;

import java.time.Instant;

/**
 * A producer registered by the office, and where its notifications go: a signed webhook when it
 * has one, else e-mail when it has an address, else only its pull inbox.
 */
public record Producer(String producerId, String name, String email, String webhookUrl, String webhookSecret,
                       Instant createdAt, Instant updatedAt) {

    public boolean hasWebhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
