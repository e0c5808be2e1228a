package vn.ocop.hub.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml must agree with the code: the hub gets only variables the project reads
 * (application.yaml, connectors-config/*.yaml, Spring's relaxed SPRING_DATASOURCE_*), every
 * retail chain in connectors-config gets its SFTP wiring and an account on the sftp service,
 * and no secret is written into the file. Plain JUnit: nothing is started.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path APPLICATION_YAML = Path.of("src", "main", "resources", "application.yaml");
    private static final Path CONNECTORS = Path.of("connectors-config");
    /** Spring binds these to spring.datasource.* and spring.mail.* by its relaxed rules; no placeholder names them. */
    private static final Set<String> RELAXED = Set.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
            "SPRING_MAIL_PASSWORD");
    private static final Pattern SECRET_KEY = Pattern.compile("PASSWORD|KEY|SECRET|TOKEN", Pattern.CASE_INSENSITIVE);
    /** A whole value that is one compose reference: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message} … */
    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?}$",
            Pattern.DOTALL);
    /** Any compose reference inside a value (an escaped $$ is not one). */
    private static final Pattern ANY_REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static Map<String, Object> services;
    private static Map<String, String> hubEnv;
    /** Every environment variable the project reads, with its default ("" when none is given). */
    private static Map<String, Set<String>> projectVariables;
    private static List<PartnerFile> partners;

    /** One connectors-config file, with the variable behind each placeholder it uses. */
    record PartnerFile(String file, String partner, String kind, Map<String, Object> transport,
                       List<String> requires, List<Placeholder> placeholders) {

        /** The placeholder a transport setting is made of, or null when it is a literal. */
        Placeholder transportPlaceholder(String key) {
            Object value = transport.get(key);
            return value == null ? null : placeholderOf(value.toString(), placeholders);
        }
    }

    record Placeholder(String name, String defaultValue) {
    }

    @BeforeAll
    static void load() throws IOException {
        assertThat(COMPOSE).as("docker-compose.yml at the project root").exists();
        Map<String, Object> compose = yaml(Files.readString(COMPOSE, StandardCharsets.UTF_8));
        services = map(compose.get("services"), "services");
        hubEnv = environment(service("hub"));

        projectVariables = new LinkedHashMap<>();
        collect(Files.readString(APPLICATION_YAML, StandardCharsets.UTF_8), projectVariables, new ArrayList<>());
        partners = new ArrayList<>();
        try (Stream<Path> files = Files.list(CONNECTORS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                partners.add(partnerFile(file));
            }
        }
        assertThat(partners).as("connectors-config/*.yaml").isNotEmpty();
    }

    // --- services ----------------------------------------------------------------------------------------------

    @Test
    void theFourServicesExist() {
        assertThat(services).containsKeys("hub", "artemis", "postgres", "sftp");
        assertThat(string(service("artemis").get("image"))).startsWith("apache/activemq-artemis");
        assertThat(string(service("postgres").get("image"))).isEqualTo("postgres:16");
        assertThat(string(service("sftp").get("image"))).isNotBlank();
        for (String name : List.of("hub", "artemis", "postgres", "sftp")) {
            assertThat(service(name)).as("%s has a healthcheck", name).containsKey("healthcheck");
        }
    }

    @Test
    void theHubIsBuiltFromTheDockerfileAndDependsOnPostgresAndArtemis() {
        Map<String, Object> build = map(service("hub").get("build"), "hub.build");
        assertThat(string(build.get("context"))).isEqualTo(".");
        assertThat(string(build.get("dockerfile"))).isEqualTo("src/main/docker/Dockerfile");

        Object dependsOn = service("hub").get("depends_on");
        Set<String> dependencies = dependsOn instanceof Map<?, ?> m ? stringKeys(m)
                : new LinkedHashSet<>(list(dependsOn, "hub.depends_on").stream().map(Object::toString).toList());
        assertThat(dependencies).contains("postgres", "artemis");
        if (dependsOn instanceof Map<?, ?> m) {
            // wait for them to be healthy, not merely started
            for (String dep : List.of("postgres", "artemis")) {
                assertThat(map(m.get(dep), "depends_on." + dep)).containsEntry("condition", "service_healthy");
            }
        }
    }

    @Test
    void theHubIsWiredToPostgresArtemisAndTheSftpService() {
        assertThat(hubEnv.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(hubEnv).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(hubEnv).containsEntry("HUB_BROKER_URL", "tcp://artemis:61616");
        assertThat(hubEnv).containsKeys("HUB_BROKER_USER", "HUB_BROKER_PASSWORD");
        assertThat(hubEnv).containsEntry("HUB_SFTP_EMBEDDED", "false");

        // the database and broker credentials the hub uses are the ones those services are created with
        Map<String, String> postgres = environment(service("postgres"));
        assertThat(referenceName(hubEnv.get("SPRING_DATASOURCE_PASSWORD")))
                .isEqualTo(referenceName(postgres.get("POSTGRES_PASSWORD"))).isNotNull();
        assertThat(hubEnv.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(hubEnv.get("SPRING_DATASOURCE_URL")).endsWith("/" + postgres.get("POSTGRES_DB"));
        Map<String, String> artemis = environment(service("artemis"));
        assertThat(hubEnv.get("HUB_BROKER_USER")).isEqualTo(artemis.get("ARTEMIS_USER"));
        assertThat(referenceName(hubEnv.get("HUB_BROKER_PASSWORD")))
                .isEqualTo(referenceName(artemis.get("ARTEMIS_PASSWORD"))).isNotNull();
    }

    // --- the hub's environment against what the project reads ---------------------------------------------------

    @Test
    void everyVariableTheHubGetsIsOneTheProjectReads() {
        Set<String> unknown = new TreeSet<>();
        for (String key : hubEnv.keySet()) {
            if (!projectVariables.containsKey(key) && !RELAXED.contains(key)) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("hub environment variables that neither application.yaml nor connectors-config "
                + "reads (typo, or a setting that was renamed?)").isEmpty();

        // a reference in a value is either read by the project or shared with another service (a password
        // the postgres or artemis service is created with)
        Set<String> sharedWithOtherServices = new LinkedHashSet<>();
        services.forEach((name, svc) -> {
            if (!name.equals("hub")) {
                sharedWithOtherServices.addAll(references(yamlText(svc)));
            }
        });
        Set<String> strayReferences = new TreeSet<>();
        hubEnv.values().forEach(value -> references(value).stream()
                .filter(ref -> !projectVariables.containsKey(ref) && !RELAXED.contains(ref)
                        && !sharedWithOtherServices.contains(ref))
                .forEach(strayReferences::add));
        assertThat(strayReferences).as("${VAR} references in the hub's environment that nothing reads").isEmpty();
    }

    @Test
    void aVariableWithADefaultInTheProjectIsNeverPassedEmpty() {
        // an empty environment variable overrides the project's default (Spring only falls back when it is
        // absent), so e.g. SHOPEE_BASE_URL: ${SHOPEE_BASE_URL:-} would blank out Shopee's URL
        List<String> problems = new ArrayList<>();
        hubEnv.forEach((key, value) -> {
            Set<String> defaults = projectVariables.getOrDefault(key, Set.of());
            Set<String> nonEmpty = new TreeSet<>(defaults);
            nonEmpty.remove("");
            if (nonEmpty.isEmpty()) {
                return;
            }
            Matcher ref = REFERENCE.matcher(value);
            if (!ref.matches()) {
                assertThat(value).as("%s as a literal", key).isNotBlank();
                return;
            }
            String operator = ref.group(2);
            String fallback = ref.group(3);
            boolean required = operator != null && operator.endsWith("?");
            boolean defaulted = operator != null && operator.endsWith("-") && fallback != null && !fallback.isEmpty();
            if (!required && !defaulted) {
                problems.add(key + ": " + value + " may be empty; the project's default is " + nonEmpty);
            } else if (defaulted && key.equals(ref.group(1)) && !nonEmpty.contains(fallback)) {
                // passing a variable through under its own name must not quietly change its default
                problems.add(key + ": compose default '" + fallback + "' differs from the project's " + nonEmpty);
            }
        });
        assertThat(problems).isEmpty();
    }

    // --- retail chains and marketplaces ---------------------------------------------------------------------------

    @Test
    void everyRetailChainGetsItsSftpSettingsAndAnAccountOnTheSftpService() {
        Map<String, SftpUser> users = sftpUsers();
        List<String> chains = new ArrayList<>();
        for (PartnerFile p : partners) {
            if (!"RETAIL_CHAIN".equals(p.kind())) {
                continue;
            }
            chains.add(p.partner());
            String prefix = p.partner().toUpperCase();
            for (String setting : List.of("host", "port", "password")) {
                Placeholder ph = p.transportPlaceholder(setting);
                assertThat(ph).as("%s: transport.%s is an ${ENV} placeholder", p.file(), setting).isNotNull();
                assertThat(ph.name()).isEqualTo(prefix + "_SFTP_" + setting.toUpperCase());
            }
            assertThat(hubEnv).as("hub environment for %s", p.partner())
                    .containsEntry(prefix + "_SFTP_HOST", "sftp")
                    .containsEntry(prefix + "_SFTP_PORT", "22")
                    .containsKey(prefix + "_SFTP_PASSWORD");
            assertThat(referenceName(hubEnv.get(prefix + "_SFTP_PASSWORD")))
                    .as("%s_SFTP_PASSWORD comes from the operator's environment", prefix)
                    .isEqualTo(prefix + "_SFTP_PASSWORD");

            Placeholder username = p.transportPlaceholder("username");
            String login = username == null ? string(p.transport().get("username")) : username.defaultValue();
            if (login == null || login.isBlank()) {
                login = p.partner();
            }
            assertThat(users).as("an account for %s on the sftp service", p.partner()).containsKey(login);
            SftpUser user = users.get(login);
            assertThat(referenceName(user.password())).as("%s's password on the sftp service", login)
                    .isEqualTo(prefix + "_SFTP_PASSWORD");
            assertThat(user.dirs()).as("%s's folders", login).contains("outbox", "inbox");
        }
        assertThat(chains).as("retail chains in connectors-config").isNotEmpty();
        assertThat(users.keySet()).as("sftp accounts that belong to no retail chain")
                .hasSize(chains.size());
        assertThat(users.values().stream().map(SftpUser::uid).distinct().count()).as("one uid per chain")
                .isEqualTo(users.size());
    }

    @Test
    void everyPartnersRequiredSettingCanBeSetThroughTheHubsEnvironment() {
        List<String> missing = new ArrayList<>();
        for (PartnerFile p : partners) {
            for (String required : p.requires()) {
                if (!required.startsWith("transport.")) {
                    continue;
                }
                Placeholder ph = p.transportPlaceholder(required.substring("transport.".length()));
                if (ph != null && !hubEnv.containsKey(ph.name())) {
                    missing.add(p.partner() + " " + required + " (" + ph.name() + ")");
                }
            }
        }
        assertThat(missing).as("partner settings an operator could not set without editing the compose file")
                .isEmpty();
    }

    // --- secrets --------------------------------------------------------------------------------------------------

    @Test
    void noSecretIsWrittenIntoTheFile() {
        List<String> literals = new ArrayList<>();
        services.forEach((name, svc) -> environment(map(svc, name)).forEach((key, value) -> {
            if (SECRET_KEY.matcher(key).find() && !isSecretReference(value)) {
                literals.add(name + "." + key + " = " + value);
            }
        }));
        sftpUsers().values().forEach(user -> {
            if (!isSecretReference(user.password())) {
                literals.add("sftp account " + user.name() + " has a literal password");
            }
        });
        assertThat(literals).as("secrets must be ${VAR} references with no default").isEmpty();
    }

    // --- the Dockerfile -------------------------------------------------------------------------------------------

    @Test
    void theDockerfileExistsAndCopiesRoutesAndConnectorsConfigNextToTheJar() throws IOException {
        Map<String, Object> build = map(service("hub").get("build"), "hub.build");
        Path dockerfile = Path.of(string(build.get("context"))).resolve(string(build.get("dockerfile")));
        assertThat(dockerfile).exists();
        List<String> lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.startsWith("#")).toList();

        int runtime = lastIndexMatching(lines, "(?i)^FROM\\s+eclipse-temurin:17-jre\\b.*");
        assertThat(runtime).as("runtime stage FROM eclipse-temurin:17-jre").isGreaterThanOrEqualTo(0);
        assertThat(lastIndexMatching(lines, "(?i)^FROM\\s+eclipse-temurin:17(-jdk)?\\b.*\\bAS\\s+\\w+.*"))
                .as("a build stage on eclipse-temurin:17").isGreaterThanOrEqualTo(0).isLessThan(runtime);
        assertThat(String.join("\n", lines.subList(0, runtime))).as("built with the Maven wrapper")
                .contains("./mvnw");
        List<String> runtimeStage = lines.subList(runtime, lines.size());
        assertThat(runtimeStage).as("copies routes/").anyMatch(l -> l.matches("(?i)^COPY\\s+(--\\S+\\s+)*routes/?\\s+.*"));
        assertThat(runtimeStage).as("copies connectors-config/")
                .anyMatch(l -> l.matches("(?i)^COPY\\s+(--\\S+\\s+)*connectors-config/?\\s+.*"));
        assertThat(runtimeStage).as("copies the jar from the build stage")
                .anyMatch(l -> l.matches("(?i)^COPY\\s+--from=\\S+\\s+\\S+\\.jar\\s+.*"));
        assertThat(runtimeStage).as("a WORKDIR, so ./routes and ./connectors-config resolve")
                .anyMatch(l -> l.matches("(?i)^WORKDIR\\s+/\\S+"));
        assertThat(runtimeStage).anyMatch(l -> l.matches("(?i)^ENV\\s+HUB_DATA_DIR[=\\s]+/var/lib/ocop-hub\\s*"));
        assertThat(runtimeStage).anyMatch(l -> l.matches("(?i)^EXPOSE\\s+.*\\b8080\\b.*") && l.matches(".*\\b2222\\b.*"));

        // the hub's data volume is where the image keeps its data
        assertThat(list(service("hub").get("volumes"), "hub.volumes")).map(Object::toString)
                .anyMatch(v -> v.endsWith(":/var/lib/ocop-hub"));
        assertThat(list(service("postgres").get("volumes"), "postgres.volumes")).map(Object::toString)
                .anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
    }

    // --- reading the files ----------------------------------------------------------------------------------------

    record SftpUser(String name, String password, String uid, List<String> dirs) {
    }

    /** atmoz/sftp style accounts: {@code user:password[:e][:uid[:gid[:dir1,dir2…]]]}, one per command argument. */
    private static Map<String, SftpUser> sftpUsers() {
        Object command = service("sftp").get("command");
        List<String> specs = command instanceof String s ? List.of(s.trim().split("\\s+"))
                : list(command, "sftp.command").stream().map(Object::toString).toList();
        Map<String, SftpUser> users = new LinkedHashMap<>();
        for (String spec : specs) {
            // the password is a ${…} reference whose default may hold ':'-free text only
            Matcher m = Pattern.compile("^([^:]+):(\\$\\{[^}]*}|[^:]*)(?::e)?(?::([^:]*))?(?::([^:]*))?(?::([^:]*))?$")
                    .matcher(spec);
            if (!m.matches()) {
                fail("unreadable sftp account: " + spec);
            }
            List<String> dirs = m.group(5) == null ? List.of() : List.of(m.group(5).split(","));
            users.put(m.group(1), new SftpUser(m.group(1), m.group(2), m.group(3), dirs));
        }
        return users;
    }

    private static boolean isSecretReference(String value) {
        if (value == null) {
            return false;
        }
        Matcher m = REFERENCE.matcher(value.trim());
        if (!m.matches()) {
            return false;
        }
        String operator = m.group(2);
        // ${VAR}, ${VAR:-}, ${VAR:?message}; a non-empty default would be a secret written here
        return operator == null || operator.endsWith("?") || (operator.endsWith("-") && m.group(3).isEmpty());
    }

    private static String referenceName(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value.trim());
        return m.matches() ? m.group(1) : null;
    }

    private static Set<String> references(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = ANY_REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static PartnerFile partnerFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Placeholder> placeholders = new ArrayList<>();
        String tokenised = collect(text, projectVariables, placeholders);
        Map<String, Object> yaml = yaml(tokenised);
        Map<String, Object> transport = yaml.get("transport") == null ? Map.of() : map(yaml.get("transport"), "transport");
        List<String> requires = yaml.get("requires") == null ? List.of()
                : list(yaml.get("requires"), "requires").stream().map(Object::toString).toList();
        return new PartnerFile(file.toString(), resolve(string(yaml.get("partner")), placeholders),
                resolve(string(yaml.get("kind")), placeholders), transport, requires, placeholders);
    }

    /**
     * Finds every Spring placeholder {@code ${NAME:default}} (defaults may nest placeholders) and records each
     * environment-style NAME with its default. Returns the text with each outermost placeholder replaced by a
     * token {@code __PH_<n>__}, so that YAML can parse files whose placeholders sit inside flow mappings.
     */
    private static String collect(String text, Map<String, Set<String>> variables, List<Placeholder> found) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = matchingBrace(text, start + 1);
            String inner = text.substring(start + 2, end);
            register(inner, variables);
            int colon = topLevelColon(inner);
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String def = colon < 0 ? null : inner.substring(colon + 1);
            found.add(new Placeholder(name, def == null ? null : defaultOf(def)));
            out.append("__PH_").append(found.size() - 1).append("__");
            i = end + 1;
        }
        return out.toString();
    }

    /** Records NAME and its default, then any placeholders nested in the default. */
    private static void register(String inner, Map<String, Set<String>> variables) {
        int colon = topLevelColon(inner);
        String name = colon < 0 ? inner : inner.substring(0, colon);
        String def = colon < 0 ? "" : inner.substring(colon + 1);
        if (ENV_NAME.matcher(name).matches()) {
            variables.computeIfAbsent(name, k -> new TreeSet<>()).add(defaultOf(def));
        }
        int j = 0;
        while ((j = def.indexOf("${", j)) >= 0) {
            int end = matchingBrace(def, j + 1);
            register(def.substring(j + 2, end), variables);
            j = end + 1;
        }
    }

    /** A default as Spring would resolve it when no variable is set: nested placeholders take their defaults. */
    private static String defaultOf(String def) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < def.length()) {
            int start = def.indexOf("${", i);
            if (start < 0) {
                out.append(def, i, def.length());
                break;
            }
            out.append(def, i, start);
            int end = matchingBrace(def, start + 1);
            String inner = def.substring(start + 2, end);
            int colon = topLevelColon(inner);
            out.append(colon < 0 ? "" : defaultOf(inner.substring(colon + 1)));
            i = end + 1;
        }
        return out.toString();
    }

    private static String resolve(String value, List<Placeholder> placeholders) {
        Placeholder ph = value == null ? null : placeholderOf(value, placeholders);
        return ph == null ? value : ph.defaultValue();
    }

    private static Placeholder placeholderOf(String value, List<Placeholder> placeholders) {
        Matcher m = Pattern.compile("^__PH_(\\d+)__$").matcher(value.trim());
        return m.matches() ? placeholders.get(Integer.parseInt(m.group(1))) : null;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalStateException("unbalanced placeholder at " + open + ": " + text.substring(open - 1));
    }

    private static int topLevelColon(String inner) {
        int depth = 0;
        for (int k = 0; k < inner.length(); k++) {
            char c = inner.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name), "services." + name);
    }

    /** A service's environment in either compose form (map, or list of KEY=VALUE). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(k.toString(), v == null ? null : v.toString()));
        } else if (env instanceof List<?> l) {
            for (Object entry : l) {
                String s = entry.toString();
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return out;
    }

    private static int lastIndexMatching(List<String> lines, String regex) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> yaml(String text) {
        Object loaded = new Yaml().load(text);
        return map(loaded, "document");
    }

    private static String yamlText(Object node) {
        return new Yaml().dump(node);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node, String what) {
        assertThat(node).as(what + " is a list").isInstanceOf(List.class);
        return (List<?>) node;
    }

    private static Set<String> stringKeys(Map<?, ?> m) {
        Set<String> keys = new LinkedHashSet<>();
        m.keySet().forEach(k -> keys.add(k.toString()));
        return keys;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
