package vn.ocop.hub.sftp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.connector.PartnerRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs the embedded SFTP server unless {@code hub.sftp.embedded=false} (production uses the organisation's server).
 * It starts in an early phase so the server is listening before any Camel route uploads to it, and therefore stops
 * after those routes.
 */
@Component
@ConditionalOnProperty(prefix = "hub.sftp", name = "embedded", havingValue = "true", matchIfMissing = true)
public class SftpServerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SftpServerLifecycle.class);

    static final int PHASE = Integer.MIN_VALUE + 100;
    private static final int DEFAULT_PORT = 2222;

    private final EmbeddedSftpServer server;

    public SftpServerLifecycle(HubProperties properties, PartnerRegistry partners) {
        HubProperties.Sftp sftp = properties.sftp();
        Path root = properties.dataDir().resolve("sftp");
        String host = sftp == null ? null : sftp.host();
        int port = sftp == null ? DEFAULT_PORT : sftp.port();
        List<SftpAccount> accounts = partners.retailChains().stream()
                .map(SftpAccount::of)
                .flatMap(Optional::stream)
                .toList();
        this.server = new EmbeddedSftpServer(root, host, port, accounts);
    }

    /** The running server; tests read its {@link EmbeddedSftpServer#port()} when the configured port is 0. */
    public EmbeddedSftpServer server() {
        return server;
    }

    @Override
    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded SFTP server did not start on port " + server.port(), e);
        }
    }

    @Override
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            // Shutting down anyway; failing here would only hide the beans that still need stopping.
            log.warn("Embedded SFTP server did not stop cleanly", e);
        }
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
