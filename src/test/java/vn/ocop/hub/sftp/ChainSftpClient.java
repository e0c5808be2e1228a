package vn.ocop.hub.sftp;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Test helper that behaves like a retail chain's SFTP job: logs in as the chain, lists, reads and drops files. Any
 * test that needs to see what a chain would see (publishers, inbox routes) can use it.
 */
public final class ChainSftpClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String DONE = ".done";
    private static final String CHECKSUM = ".sha256";

    private final SshClient ssh;
    private final ClientSession session;
    private final SftpClient sftp;

    private ChainSftpClient(SshClient ssh, ClientSession session, SftpClient sftp) {
        this.ssh = ssh;
        this.session = session;
        this.sftp = sftp;
    }

    public static ChainSftpClient connect(String host, int port, String user, String password) throws IOException {
        return connect(host, port, user, session -> session.addPasswordIdentity(password));
    }

    public static ChainSftpClient connect(String host, int port, String user, KeyPair key) throws IOException {
        return connect(host, port, user, session -> session.addPublicKeyIdentity(key));
    }

    private static ChainSftpClient connect(String host, int port, String user, Consumer<ClientSession> identity)
            throws IOException {
        SshClient ssh = SshClient.setUpDefaultClient();
        // The test server's key is new every run (real chains pin it in known_hosts); serverKey() exposes it, so
        // accept it without SSHD's per-connection warning.
        ssh.setServerKeyVerifier((clientSession, address, key) -> true);
        // Otherwise SSHD offers the developer's ~/.ssh keys, which would blur what a test proves.
        ssh.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        ssh.start();
        ClientSession session = null;
        try {
            session = ssh.connect(user, host, port).verify(TIMEOUT).getSession();
            identity.accept(session);
            session.auth().verify(TIMEOUT);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            return new ChainSftpClient(ssh, session, sftp);
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            ssh.stop();
            throw e;
        }
    }

    /** The host key the server presented, to compare with known_hosts or across restarts. */
    public PublicKey serverKey() {
        return session.getServerKey();
    }

    /** Entry names in {@code dir}, without "." and "..". */
    public List<String> list(String dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (SftpClient.DirEntry entry : entries(dir)) {
            if (!isDotEntry(entry.getFilename())) {
                names.add(entry.getFilename());
            }
        }
        return names;
    }

    public byte[] read(String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return in.readAllBytes();
        }
    }

    public void write(String path, byte[] content) throws IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write(content);
        }
    }

    public void rename(String from, String to) throws IOException {
        sftp.rename(from, to);
    }

    public boolean exists(String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Catalogue files in {@code dir} that a chain may read now: regular files with a sibling {@code <name>.done},
     * leaving out the .done and .sha256 markers themselves and hidden (still being written) names.
     */
    public List<String> completedFiles(String dir) throws IOException {
        Set<String> allNames = new HashSet<>();
        List<String> candidates = new ArrayList<>();
        for (SftpClient.DirEntry entry : entries(dir)) {
            String name = entry.getFilename();
            allNames.add(name);
            boolean catalogue = entry.getAttributes().isRegularFile() && !name.startsWith(".")
                    && !name.endsWith(DONE) && !name.endsWith(CHECKSUM);
            if (catalogue) {
                candidates.add(name);
            }
        }
        return candidates.stream().filter(name -> allNames.contains(name + DONE)).sorted().toList();
    }

    /** The hex digest recorded in {@code <path>.sha256} (sha256sum format: {@code <hex>  <name>}). */
    public String sha256Of(String path) throws IOException {
        String line = new String(read(path + CHECKSUM), StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) {
            throw new IOException(path + CHECKSUM + " is empty");
        }
        return line.split("\\s+", 2)[0];
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
        } finally {
            try {
                // Gracefully, so the server logs a normal disconnect rather than a connection reset.
                session.close(false).await(TIMEOUT);
            } finally {
                ssh.stop();
            }
        }
    }

    /* SSHD's readDir iterates lazily and reports a missing folder as UncheckedIOException; callers want IOException. */
    private List<SftpClient.DirEntry> entries(String dir) throws IOException {
        try {
            return List.copyOf(sftp.readEntries(dir));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isDotEntry(String name) {
        return ".".equals(name) || "..".equals(name);
    }
}
