package vn.ocop.hub.connector.tiki;

import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The shipped connectors-config/tiki.yaml, read the way the hub reads it. */
final class TikiYaml {

    static final Path SHIPPED = Path.of("connectors-config/tiki.yaml");

    private TikiYaml() {
    }

    static ConnectorConfig load(Map<String, String> properties) {
        MockEnvironment env = new MockEnvironment();
        properties.forEach(env::setProperty);
        return load(env);
    }

    static ConnectorConfig load(Environment env) {
        Path dir = copyAlone();
        try {
            List<ConnectorConfig> configs = ConnectorConfigLoader.load(dir, env);
            return configs.get(0);
        } finally {
            delete(dir);
        }
    }

    /** A directory holding only tiki.yaml: the other partners' files are not these tests' business. */
    static Path copyAlone() {
        try {
            Path dir = Files.createTempDirectory("tiki-config");
            Files.copy(SHIPPED, dir.resolve("tiki.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("tiki.yaml"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
