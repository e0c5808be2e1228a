package vn.ocop.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings every component reads. Environment variables bind by Spring's relaxed rules
 * ({@code HUB_DATA_DIR} → {@code hub.data-dir}).
 *
 * @param dataDir       broker journal, embedded database, SFTP roots and staging files live here
 * @param connectorsDir one YAML per partner
 */
@ConfigurationProperties(prefix = "hub")
public record HubProperties(Path dataDir, Path connectorsDir, Security security, Sftp sftp, Broker broker,
                            Outbox outbox) {

    public record Security(String officeToken, String operatorToken) {
    }

    /** Embedded SFTP server; disabled when the organisation's own server is used. */
    public record Sftp(boolean embedded, int port, String host) {
    }

    /** {@code url} empty means the embedded broker; otherwise e.g. {@code tcp://artemis:61616}. */
    public record Broker(String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** How the transactional outbox is drained to the broker. */
    public record Outbox(long pollMillis, int batchSize) {
    }
}
