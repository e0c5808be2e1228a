package vn.ocop.hub.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.HubProperties;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Bearer tokens for the office and operator roles. Production sets them in the environment;
 * a first run without them generates random ones into {@code <data-dir>/generated-tokens.properties}
 * (owner-only), so the hub starts with no secret in the repository and none guessable.
 */
@Component
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final byte[] office;
    private final byte[] operator;

    public ApiTokens(HubProperties properties) {
        Path file = properties.dataDir().resolve("generated-tokens.properties");
        Properties generated = load(file);
        boolean changed = false;
        String officeToken = properties.security().officeToken();
        if (officeToken == null || officeToken.isBlank()) {
            changed |= generated.getProperty("office") == null;
            officeToken = generated.computeIfAbsent("office", k -> random()).toString();
        }
        String operatorToken = properties.security().operatorToken();
        if (operatorToken == null || operatorToken.isBlank()) {
            changed |= generated.getProperty("operator") == null;
            operatorToken = generated.computeIfAbsent("operator", k -> random()).toString();
        }
        if (changed) {
            save(file, generated);
            log.warn("No HUB_SECURITY_OFFICE_TOKEN / HUB_SECURITY_OPERATOR_TOKEN set: generated tokens are in {}",
                    file.toAbsolutePath());
        }
        this.office = officeToken.getBytes(StandardCharsets.UTF_8);
        this.operator = operatorToken.getBytes(StandardCharsets.UTF_8);
    }

    public Optional<Role> roleOf(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        // constant-time comparisons, so response timing does not leak a token's prefix
        boolean isOffice = MessageDigest.isEqual(given, office);
        boolean isOperator = MessageDigest.isEqual(given, operator);
        if (isOffice) {
            return Optional.of(Role.OFFICE);
        }
        return isOperator ? Optional.of(Role.OPERATOR) : Optional.empty();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static void save(Path file, Properties p) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "OCOP Hub API tokens generated on first start; set HUB_SECURITY_*_TOKEN to replace");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: rely on the data directory's own permissions
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
