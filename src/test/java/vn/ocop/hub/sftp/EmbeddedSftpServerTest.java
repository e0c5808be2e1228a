package vn.ocop.hub.sftp;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Partner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedSftpServerTest {

    private static final String HOST = "127.0.0.1";
    private static final String AEON_PASSWORD = "aeon-s3cret";
    private static final String CENTRAL_PASSWORD = "central-s3cret";
    private static final byte[] CSV = "sku,name\nHN-1,Che Thai Nguyen\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    @TempDir
    Path keysDir;

    private Path winmartKeys;
    private EmbeddedSftpServer server;

    @BeforeEach
    void startServer() throws IOException {
        winmartKeys = keysDir.resolve("winmart_authorized_keys");
        server = newServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop();
    }

    private EmbeddedSftpServer newServer() {
        return new EmbeddedSftpServer(root, HOST, 0, List.of(
                new SftpAccount("aeon", AEON_PASSWORD, null),
                new SftpAccount("centralretail", CENTRAL_PASSWORD, null),
                new SftpAccount("winmart", null, winmartKeys)));
    }

    private ChainSftpClient login(String user, String password) throws IOException {
        return ChainSftpClient.connect(HOST, server.port(), user, password);
    }

    // --- logging in -------------------------------------------------------------------------------------------

    @Test
    void passwordLoginSeesOwnRootWithOutboxAndInbox() throws IOException {
        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            assertThat(aeon.list("/")).containsExactlyInAnyOrder("outbox", "inbox");
            assertThat(aeon.list("/outbox")).containsExactlyInAnyOrder("full", "delta", "archive");
            assertThat(aeon.list("/inbox")).containsExactlyInAnyOrder("orders", "stock", "processed", "error");
        }
    }

    @Test
    void createsEveryAccountsFoldersOnStart() {
        for (String user : List.of("aeon", "centralretail", "winmart")) {
            for (String folder : EmbeddedSftpServer.ACCOUNT_FOLDERS) {
                assertThat(server.homeOf(user).resolve(folder)).isDirectory();
            }
        }
        assertThat(server.homeOf("aeon")).isEqualTo(root.resolve("aeon"));
        assertThat(server.port()).isPositive();
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThatThrownBy(() -> login("aeon", "not-the-password")).isInstanceOf(IOException.class);
        // another chain's valid password is still the wrong password
        assertThatThrownBy(() -> login("aeon", CENTRAL_PASSWORD)).isInstanceOf(IOException.class);
    }

    @Test
    void unknownUserIsRejected() {
        assertThatThrownBy(() -> login("bigc", AEON_PASSWORD)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> login("root", "root")).isInstanceOf(IOException.class);
    }

    @Test
    void keyOnlyAccountRefusesEveryPassword() {
        // (SSHD's client will not even send an empty password, so that case cannot be tried from here)
        assertThatThrownBy(() -> login("winmart", "anything")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> login("winmart", " ")).isInstanceOf(IOException.class);
    }

    @Test
    void publicKeyListedInAuthorizedKeysLogsInAndOtherKeysDoNot() throws Exception {
        KeyPair allowed = newEcKeyPair();
        KeyPair stranger = newEcKeyPair();
        Files.writeString(winmartKeys, PublicKeyEntry.toString(allowed.getPublic()) + " winmart-ops\n");

        try (ChainSftpClient winmart = ChainSftpClient.connect(HOST, server.port(), "winmart", allowed)) {
            assertThat(winmart.list("/")).containsExactlyInAnyOrder("outbox", "inbox");
        }
        assertThatThrownBy(() -> ChainSftpClient.connect(HOST, server.port(), "winmart", stranger))
                .isInstanceOf(IOException.class);
        // the right key for the wrong account gets nowhere either
        assertThatThrownBy(() -> ChainSftpClient.connect(HOST, server.port(), "aeon", allowed))
                .isInstanceOf(IOException.class);
    }

    @Test
    void authorizedKeysFileIsReReadWhenItChanges() throws Exception {
        KeyPair first = newEcKeyPair();
        KeyPair added = newEcKeyPair();
        Files.writeString(winmartKeys, PublicKeyEntry.toString(first.getPublic()) + "\n");
        try (ChainSftpClient winmart = ChainSftpClient.connect(HOST, server.port(), "winmart", first)) {
            assertThat(winmart.list("/")).isNotEmpty();
        }
        assertThatThrownBy(() -> ChainSftpClient.connect(HOST, server.port(), "winmart", added))
                .isInstanceOf(IOException.class);

        Files.writeString(winmartKeys, PublicKeyEntry.toString(added.getPublic()) + "\n");

        try (ChainSftpClient winmart = ChainSftpClient.connect(HOST, server.port(), "winmart", added)) {
            assertThat(winmart.list("/")).isNotEmpty();
        }
        assertThatThrownBy(() -> ChainSftpClient.connect(HOST, server.port(), "winmart", first))
                .isInstanceOf(IOException.class);
    }

    // --- the jail ---------------------------------------------------------------------------------------------

    @Test
    void parentDirectoriesNeverLeaveTheAccountsRoot() throws IOException {
        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            assertThatThrownBy(() -> aeon.list("/../centralretail")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> aeon.list("../centralretail/outbox")).isInstanceOf(IOException.class);
            // ".." above "/" is "/" again: aeon's own root, not the folder holding every chain
            assertThat(aeon.list("/../../")).containsExactlyInAnyOrder("outbox", "inbox");
            assertThat(aeon.list("/outbox/../../..")).containsExactlyInAnyOrder("outbox", "inbox");
            assertThat(aeon.exists("/../" + EmbeddedSftpServer.HOST_KEY_FILE)).isFalse();
            assertThatThrownBy(() -> aeon.read("/../" + EmbeddedSftpServer.HOST_KEY_FILE))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void absoluteHostPathsAreResolvedInsideTheJail() throws IOException {
        String centralHome = server.homeOf("centralretail").toString();
        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            assertThatThrownBy(() -> aeon.list(centralHome)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> aeon.list(root.toString())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> aeon.read("/etc/passwd")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> aeon.read(root.resolve(EmbeddedSftpServer.HOST_KEY_FILE).toString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anotherChainsFilesAreInvisible() throws IOException {
        try (ChainSftpClient central = login("centralretail", CENTRAL_PASSWORD)) {
            central.write("/inbox/orders/PO-1.csv", CSV);
            assertThat(central.list("/inbox/orders")).containsExactly("PO-1.csv");
        }
        assertThat(server.homeOf("centralretail").resolve("inbox/orders/PO-1.csv")).hasBinaryContent(CSV);

        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            assertThat(aeon.list("/inbox/orders")).isEmpty();
            assertThat(aeon.exists("/inbox/orders/PO-1.csv")).isFalse();
            assertThat(aeon.exists("/../centralretail/inbox/orders/PO-1.csv")).isFalse();
            assertThatThrownBy(() -> aeon.read("/../centralretail/inbox/orders/PO-1.csv"))
                    .isInstanceOf(IOException.class);
            String hostPath = server.homeOf("centralretail").resolve("inbox/orders/PO-1.csv").toString();
            assertThatThrownBy(() -> aeon.read(hostPath)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void symbolicLinksCannotPointOutOfTheJail() throws Exception {
        Files.writeString(server.homeOf("centralretail").resolve("outbox/full/secret.csv"), "central only");
        Session session = jschSession("aeon", AEON_PASSWORD);
        try {
            ChannelSftp sftp = openSftp(session);
            // SSHD 2.16 refuses these outright ("Invalid filename"); should a later version accept them, the link
            // must still lead nowhere
            for (String relativeTarget : List.of("../centralretail", "/../centralretail")) {
                String link = "/up" + Math.abs(relativeTarget.hashCode());
                try {
                    sftp.symlink(relativeTarget, link);
                } catch (Exception refused) {
                    continue;
                }
                assertThatThrownBy(() -> sftp.get(link + "/outbox/full/secret.csv").readAllBytes())
                        .isInstanceOf(Exception.class);
            }

            // an absolute target is taken as a path inside the jail, so the link dangles
            Path centralHome = server.homeOf("centralretail");
            sftp.symlink(centralHome.toString(), "/escape");
            assertThat(Files.readSymbolicLink(server.homeOf("aeon").resolve("escape")))
                    .startsWithRaw(server.homeOf("aeon"));
            assertThatThrownBy(() -> sftp.ls("/escape/outbox/full")).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> sftp.get("/escape/outbox/full/secret.csv").readAllBytes())
                    .isInstanceOf(Exception.class);
            sftp.disconnect();
        } finally {
            session.disconnect();
        }
    }

    // --- SFTP only --------------------------------------------------------------------------------------------

    @Test
    void execShellAndForwardingAreRefused() throws Exception {
        Session session = jschSession("aeon", AEON_PASSWORD);
        try {
            ChannelExec exec = (ChannelExec) session.openChannel("exec");
            exec.setCommand("ls /");
            assertThatThrownBy(() -> exec.connect(5_000)).isInstanceOf(JSchException.class);

            Channel shell = session.openChannel("shell");
            assertThatThrownBy(() -> shell.connect(5_000)).isInstanceOf(JSchException.class);

            Channel forward = session.getStreamForwarder(HOST, server.port());
            assertThatThrownBy(() -> forward.connect(5_000)).isInstanceOf(JSchException.class);
        } finally {
            session.disconnect();
        }
    }

    // --- host key ---------------------------------------------------------------------------------------------

    @Test
    void hostKeyIsPersistedAndReusedAcrossRestarts() throws Exception {
        Path keyFile = root.resolve(EmbeddedSftpServer.HOST_KEY_FILE);
        assertThat(keyFile).isRegularFile();
        assertThat(server.hostKey().getAlgorithm()).isEqualTo("EC");
        String before = server.hostKeyFingerprint();
        String seenBefore;
        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            seenBefore = KeyUtils.getFingerPrint(aeon.serverKey());
        }
        byte[] keyBytes = Files.readAllBytes(keyFile);

        server.stop();
        server = newServer();
        server.start();

        assertThat(server.hostKeyFingerprint()).isEqualTo(before);
        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            assertThat(KeyUtils.getFingerPrint(aeon.serverKey())).isEqualTo(seenBefore).isEqualTo(before);
        }
        assertThat(keyFile).hasBinaryContent(keyBytes);
    }

    // --- what Camel's SFTP producer does ----------------------------------------------------------------------

    @Test
    void jschLogsInWithStrictHostKeyCheckingThenUploadsAndRenames() throws Exception {
        Session session = jschSession("aeon", AEON_PASSWORD);
        try {
            ChannelSftp sftp = openSftp(session);
            String finalName = "AEON_OCOP_CATALOG_DELTA_20250101T000000_1.csv";
            sftp.put(new ByteArrayInputStream(CSV), "outbox/delta/." + finalName + ".inprogress");
            sftp.rename("outbox/delta/." + finalName + ".inprogress", "outbox/delta/" + finalName);
            sftp.put(new ByteArrayInputStream(new byte[0]), "outbox/delta/" + finalName + ".done");
            sftp.disconnect();

            assertThat(server.homeOf("aeon").resolve("outbox/delta/" + finalName)).hasBinaryContent(CSV);
            try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
                assertThat(aeon.completedFiles("/outbox/delta")).containsExactly(finalName);
                assertThat(aeon.read("/outbox/delta/" + finalName)).isEqualTo(CSV);
            }
        } finally {
            session.disconnect();
        }
    }

    // --- the chain-side helper itself -------------------------------------------------------------------------

    @Test
    void completedFilesNeedADoneMarkerAndSkipMarkersAndHiddenFiles() throws IOException {
        Path full = server.homeOf("aeon").resolve("outbox/full");
        String ready = "AEON_OCOP_CATALOG_FULL_20250101T010000.csv";
        String waiting = "AEON_OCOP_CATALOG_FULL_20250102T010000.csv";
        String digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Files.write(full.resolve(ready), CSV);
        Files.writeString(full.resolve(ready + ".sha256"), digest + "  " + ready + "\n");
        Files.writeString(full.resolve(ready + ".done"), "");
        Files.write(full.resolve(waiting), CSV);
        Files.writeString(full.resolve(waiting + ".sha256"), digest + "  " + waiting + "\n");
        Files.writeString(full.resolve(".hidden.csv"), "");
        Files.writeString(full.resolve(".hidden.csv.done"), "");

        try (ChainSftpClient aeon = login("aeon", AEON_PASSWORD)) {
            assertThat(aeon.completedFiles("/outbox/full")).containsExactly(ready);
            assertThat(aeon.sha256Of("/outbox/full/" + ready)).isEqualTo(digest);
            assertThat(aeon.exists("/outbox/full/" + waiting)).isTrue();
            assertThat(aeon.exists("/outbox/full/nothing.csv")).isFalse();
        }
    }

    // --- accounts from connectors-config ----------------------------------------------------------------------

    @Test
    void accountComesFromTheChainsTransportSettings() {
        assertThat(SftpAccount.of(chain("aeon", Map.of("username", "aeon", "password", "pw", "authorizedKeys", ""))))
                .contains(new SftpAccount("aeon", "pw", null));
        assertThat(SftpAccount.of(chain("hapro", Map.of("username", "", "password", "", "authorizedKeys", "/k"))))
                .contains(new SftpAccount("hapro", null, Path.of("/k")));
        assertThat(SftpAccount.of(chain("winmart", Map.of("username", "winmart", "password", " "))))
                .isEmpty();
        assertThat(SftpAccount.of(chain("winmart", null))).isEmpty();
    }

    @Test
    void accountNeverPrintsItsPasswordAndRefusesPathLikeUsernames() {
        assertThat(new SftpAccount("aeon", AEON_PASSWORD, null).toString()).doesNotContain(AEON_PASSWORD);
        for (String bad : List.of("..", "../aeon", "a/b", "", ".hidden")) {
            assertThatThrownBy(() -> new SftpAccount(bad, "pw", null)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new EmbeddedSftpServer(root, HOST, 0, List.of(
                new SftpAccount("aeon", "a", null), new SftpAccount("aeon", "b", null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static Partner chain(String name, Map<String, String> transport) {
        ConnectorConfig config = new ConnectorConfig(name, name, ConnectorConfig.PartnerKind.RETAIL_CHAIN,
                name + "-csv", true, null, null, null, null, null,
                transport == null ? null : new HashMap<>(transport),
                List.of("transport.password"), null, null, null, null, 1);
        return new Partner(config, true, null);
    }

    private static KeyPair newEcKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A JSch session configured the way Camel's SFTP component would be with a known_hosts file. */
    private Session jschSession(String user, String password) throws Exception {
        JSch jsch = new JSch();
        String knownHost = "[" + HOST + "]:" + server.port() + " " + PublicKeyEntry.toString(server.hostKey()) + "\n";
        jsch.setKnownHosts(new ByteArrayInputStream(knownHost.getBytes(StandardCharsets.US_ASCII)));
        Session session = jsch.getSession(user, HOST, server.port());
        session.setPassword(password);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "password");
        session.connect(10_000);
        return session;
    }

    private static ChannelSftp openSftp(Session session) throws JSchException {
        ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(10_000);
        return sftp;
    }
}
