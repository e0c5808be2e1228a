package vn.ocop.hub.connector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml} in the connectors directory. Placeholders are resolved against
 * Spring's environment first, so {@code ${POSTMART_API_KEY:}} takes the environment variable
 * (or any other property source) and a secret never has to be written into the file.
 */
public final class ConnectorConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ConnectorConfigLoader() {
    }

    public static List<ConnectorConfig> load(Path directory, Environment environment) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("connectors directory not found: " + directory.toAbsolutePath()
                    + " (set HUB_CONNECTORS_DIR)");
        }
        List<ConnectorConfig> configs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted(Comparator.naturalOrder()).toList()) {
                configs.add(parse(file, environment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return configs;
    }

    static ConnectorConfig parse(Path file, Environment environment) {
        try {
            String text = environment.resolvePlaceholders(Files.readString(file, StandardCharsets.UTF_8));
            ConnectorConfig config = YAML.readValue(text, ConnectorConfig.class);
            String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!expected.equals(config.partner())) {
                throw new IllegalStateException(file + ": partner '" + config.partner()
                        + "' must match the file name '" + expected + "'");
            }
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read connector configuration " + file + ": " + e.getMessage(), e);
        }
    }
}
