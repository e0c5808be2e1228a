package vn.ocop.hub.sftp;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hub's own SFTP server for the retail chains (design: interfaces.md, section SFTP). It speaks SFTP and nothing
 * else: no shell, no exec, no port, agent or X11 forwarding. Each account is jailed in {@code <root>/<username>},
 * which the account sees as {@code /}.
 */
public class EmbeddedSftpServer {

    /** The folders every chain finds in its root, whether or not anything has been published yet. */
    public static final List<String> ACCOUNT_FOLDERS = List.of(
            "outbox/full", "outbox/delta", "outbox/archive",
            "inbox/orders", "inbox/stock", "inbox/processed", "inbox/error");

    /** Kept beside (not inside) the accounts' roots, so no chain can read the server's private key. */
    public static final String HOST_KEY_FILE = "ssh_host_key";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    /*
     * EC P-256 (ecdsa-sha2-nistp256) is offered by default by current OpenSSH and JSch 2.x clients, is generated in
     * milliseconds, and needs no extra provider; Ed25519 would need BouncyCastle or net.i2p on the classpath.
     */
    private static final String HOST_KEY_ALGORITHM = KeyUtils.EC_ALGORITHM;
    private static final int HOST_KEY_SIZE = 256;

    private final Path root;
    private final String host;
    private final int configuredPort;
    private final Map<String, SftpAccount> accounts;

    private SshServer sshd;
    private PublicKey hostKey;

    /**
     * @param root     parent of every account's folder, and home of the host key
     * @param host     address to bind; blank means every interface
     * @param port     port to bind; 0 picks a free one (see {@link #port()})
     * @param accounts one per chain; usernames must be distinct
     */
    public EmbeddedSftpServer(Path root, String host, int port, List<SftpAccount> accounts) {
        this.root = root.toAbsolutePath().normalize();
        this.host = host == null || host.isBlank() ? null : host;
        this.configuredPort = port;
        this.accounts = indexByUsername(accounts);
    }

    private static Map<String, SftpAccount> indexByUsername(List<SftpAccount> accounts) {
        Map<String, SftpAccount> byName = new LinkedHashMap<>();
        for (SftpAccount account : accounts) {
            if (byName.putIfAbsent(account.username(), account) != null) {
                throw new IllegalArgumentException("two SFTP accounts share the username " + account.username());
            }
        }
        // Configuration order, so the startup log lists the chains the way connectors-config does.
        return Collections.unmodifiableMap(byName);
    }

    public synchronized void start() throws IOException {
        if (sshd != null) {
            return;
        }
        createAccountFolders();
        SimpleGeneratorHostKeyProvider hostKeys = hostKeyProvider();
        // Load (or generate and persist) the key now rather than at the first login, so a broken key file stops
        // startup and the fingerprint can be logged for the chains' known_hosts.
        List<KeyPair> keys = hostKeys.loadKeys(null);
        if (keys.isEmpty()) {
            throw new IOException("could neither read nor create the SFTP host key " + root.resolve(HOST_KEY_FILE));
        }
        hostKey = keys.get(0).getPublic();

        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(configuredPort);
        server.setKeyPairProvider(hostKeys);
        configureAuthentication(server);
        configureSftpOnly(server);
        server.setFileSystemFactory(jailedFileSystems());
        server.start();
        sshd = server;
        log.info("Embedded SFTP server listening on {}:{}, host key {} {}, accounts: {}",
                host == null ? "*" : host, server.getPort(), KeyUtils.getKeyType(hostKey),
                KeyUtils.getFingerPrint(hostKey), describeAccounts());
    }

    public synchronized void stop() throws IOException {
        if (sshd == null) {
            return;
        }
        try {
            // Immediately: a chain that is mid-download simply retries, and waiting for it would delay shutdown.
            sshd.stop(true);
        } finally {
            sshd = null;
            log.info("Embedded SFTP server stopped");
        }
    }

    public synchronized boolean isRunning() {
        return sshd != null && sshd.isStarted();
    }

    /** The port actually bound while running (useful when constructed with 0), else the configured one. */
    public synchronized int port() {
        return sshd == null ? configuredPort : sshd.getPort();
    }

    /** Where the account's {@code /} is on this machine; the publishers write catalogue files below it. */
    public Path homeOf(String username) {
        if (!accounts.containsKey(username)) {
            throw new IllegalArgumentException("no SFTP account " + username);
        }
        return root.resolve(username);
    }

    public List<SftpAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /** SHA256 fingerprint as OpenSSH prints it ({@code SHA256:…}); null until first started. */
    public synchronized String hostKeyFingerprint() {
        return hostKey == null ? null : KeyUtils.getFingerPrint(hostKey);
    }

    public synchronized PublicKey hostKey() {
        return hostKey;
    }

    private void createAccountFolders() throws IOException {
        Files.createDirectories(root);
        for (String username : accounts.keySet()) {
            Path home = root.resolve(username);
            for (String folder : ACCOUNT_FOLDERS) {
                Files.createDirectories(home.resolve(folder));
            }
        }
    }

    private SimpleGeneratorHostKeyProvider hostKeyProvider() {
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(root.resolve(HOST_KEY_FILE));
        provider.setAlgorithm(HOST_KEY_ALGORITHM);
        provider.setKeySize(HOST_KEY_SIZE);
        return provider;
    }

    private void configureAuthentication(SshServer server) {
        AccountAuthenticator authenticator = new AccountAuthenticator(accounts);
        // Only these two methods: keyboard-interactive, GSSAPI and host-based stay off.
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE, UserAuthPublicKeyFactory.INSTANCE));
        server.setPasswordAuthenticator(authenticator);
        server.setPublickeyAuthenticator(authenticator);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
    }

    private static void configureSftpOnly(SshServer server) {
        // Only "session" channels (no direct-tcpip), and within them only the sftp subsystem.
        server.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
    }

    /* SSHD roots each user's file system at its home: "/" is the home and ".." at "/" stays at "/". */
    private VirtualFileSystemFactory jailedFileSystems() {
        VirtualFileSystemFactory factory = new VirtualFileSystemFactory();
        // No default home on purpose: a session whose user is not an account gets no file system at all.
        accounts.keySet().forEach(username -> factory.setUserHomeDir(username, root.resolve(username)));
        return factory;
    }

    private String describeAccounts() {
        if (accounts.isEmpty()) {
            return "none (set <CHAIN>_SFTP_PASSWORD or <CHAIN>_SFTP_AUTHORIZED_KEYS to let a chain log in)";
        }
        return accounts.values().stream()
                .map(account -> account.username() + " ("
                        + (account.hasPassword() ? "password" : "")
                        + (account.hasPassword() && account.hasAuthorizedKeys() ? ", " : "")
                        + (account.hasAuthorizedKeys() ? "keys from " + account.authorizedKeys() : "") + ")")
                .collect(Collectors.joining(", "));
    }

    /** Password and public-key checks against the configured accounts; anything unknown is denied. */
    private static final class AccountAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {

        /* Compared against when there is no real secret, so a miss costs about as much time as a wrong password. */
        private static final byte[] NO_SECRET = "no password configured for this account".getBytes(StandardCharsets.UTF_8);

        private final Map<String, SftpAccount> accounts;
        private final Map<String, AuthorizedKeysAuthenticator> keysByUsername;

        AccountAuthenticator(Map<String, SftpAccount> accounts) {
            this.accounts = accounts;
            // One watcher per file: it re-reads the file when its size or modification time changes.
            this.keysByUsername = accounts.values().stream()
                    .filter(SftpAccount::hasAuthorizedKeys)
                    .collect(Collectors.toUnmodifiableMap(SftpAccount::username,
                            account -> new AuthorizedKeysAuthenticator(account.authorizedKeys())));
        }

        @Override
        public boolean authenticate(String username, String password, ServerSession session) {
            SftpAccount account = accounts.get(username);
            boolean usable = account != null && account.hasPassword() && password != null;
            byte[] expected = usable ? account.password().getBytes(StandardCharsets.UTF_8) : NO_SECRET;
            byte[] offered = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
            // isEqual's running time follows the length of its first argument, the client's guess, never the secret.
            boolean matches = MessageDigest.isEqual(offered, expected);
            return usable && matches;
        }

        @Override
        public boolean authenticate(String username, PublicKey key, ServerSession session) {
            AuthorizedKeysAuthenticator keys = keysByUsername.get(username);
            return keys != null && keys.authenticate(username, key, session);
        }
    }
}
