package vn.ocop.hub.connector;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.ocop.hub.HubProperties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** All partners from connectors-config, each marked active or disabled with its reason. */
@Component
public class PartnerRegistry {

    private final List<Partner> partners;
    private final Map<String, Partner> byName;

    public PartnerRegistry(HubProperties properties, Environment environment, List<ConnectorFactory> factories) {
        Set<String> built = factories.stream().map(ConnectorFactory::connectorId).collect(Collectors.toSet());
        List<Partner> list = new ArrayList<>();
        for (ConnectorConfig config : ConnectorConfigLoader.load(properties.connectorsDir(), environment)) {
            list.add(evaluate(config, built));
        }
        this.partners = Collections.unmodifiableList(list);
        this.byName = list.stream().collect(Collectors.toMap(Partner::name, Function.identity()));
    }

    static Partner evaluate(ConnectorConfig config, Set<String> builtConnectors) {
        if (!config.enabled()) {
            return new Partner(config, false, "disabled in connectors-config/" + config.partner() + ".yaml");
        }
        if (config.connector() == null || config.connector().isBlank()) {
            return new Partner(config, false, "connector not built yet");
        }
        if (!builtConnectors.contains(config.connector())) {
            return new Partner(config, false, "unknown connector '" + config.connector() + "'");
        }
        List<String> missing = new ArrayList<>();
        for (String setting : config.requires() == null ? List.<String>of() : config.requires()) {
            String key = setting.startsWith("transport.") ? setting.substring("transport.".length()) : setting;
            String value = config.transport(key);
            if (value == null || value.isBlank()) {
                missing.add(environmentName(config.partner(), key));
            }
        }
        if (!missing.isEmpty()) {
            return new Partner(config, false, "missing configuration: " + String.join(", ", missing));
        }
        return new Partner(config, true, null);
    }

    /** The environment variable an operator sets, following the convention in interfaces.md. */
    static String environmentName(String partner, String key) {
        String snake = key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        String prefix = partner.toUpperCase();
        return switch (snake) {
            case "PASSWORD", "USERNAME", "HOST", "PORT", "AUTHORIZED_KEYS", "KNOWN_HOSTS_FILE" ->
                    prefix + "_SFTP_" + snake;
            default -> prefix + "_" + snake;
        };
    }

    public List<Partner> all() {
        return partners;
    }

    public List<Partner> active() {
        return partners.stream().filter(Partner::active).toList();
    }

    public List<Partner> retailChains() {
        return partners.stream().filter(Partner::isRetailChain).toList();
    }

    public Optional<Partner> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
