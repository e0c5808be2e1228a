package vn.ocop.hub.sftp;

import vn.ocop.hub.connector.Partner;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One retail chain's login on the embedded SFTP server.
 *
 * @param username       also the name of the chain's folder under the SFTP root
 * @param password       {@code null} when the chain logs in with keys only
 * @param authorizedKeys OpenSSH authorized_keys file; {@code null} when the chain logs in with a password only
 */
public record SftpAccount(String username, String password, Path authorizedKeys) {

    /* The username becomes a directory name, so anything that could climb out of the root is refused. */
    private static final Pattern SAFE_USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SftpAccount {
        Objects.requireNonNull(username, "username");
        if (!SAFE_USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("SFTP username must be letters, digits, '.', '_' or '-': " + username);
        }
        password = blankToNull(password);
    }

    /**
     * The account a chain's {@code transport} settings describe, or empty when the chain has neither a password nor
     * an authorized_keys file: such a chain simply has no login yet, which is not an error.
     */
    public static Optional<SftpAccount> of(Partner chain) {
        String username = blankToNull(chain.config().transport("username"));
        String password = blankToNull(chain.config().transport("password"));
        String keys = blankToNull(chain.config().transport("authorizedKeys"));
        if (password == null && keys == null) {
            return Optional.empty();
        }
        return Optional.of(new SftpAccount(username == null ? chain.name() : username, password,
                keys == null ? null : Path.of(keys)));
    }

    public boolean hasPassword() {
        return password != null;
    }

    public boolean hasAuthorizedKeys() {
        return authorizedKeys != null;
    }

    /** Never shows the password, so an account can be logged or put in an exception message safely. */
    @Override
    public String toString() {
        return "SftpAccount[username=" + username + ", password=" + (hasPassword() ? "****" : "none")
                + ", authorizedKeys=" + authorizedKeys + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
