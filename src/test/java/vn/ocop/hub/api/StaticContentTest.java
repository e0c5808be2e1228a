package vn.ocop.hub.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.ocop.hub.broker.DeadLetterQueues;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.ingest.FeedReport;
import vn.ocop.hub.ingest.IngestOutcome;
import vn.ocop.hub.model.CertificationLevel;
import vn.ocop.hub.model.CertificationStatus;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.FieldError;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.NetContentUnit;
import vn.ocop.hub.model.ProducerType;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.model.VatRate;
import vn.ocop.hub.store.BindingState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Keeps the static content honest without starting Spring: {@code static/openapi.yaml} must
 * describe exactly the calls the controllers declare (read from their sources), with the roles
 * they require and the shapes the code produces; the dashboard must load nothing from outside
 * the hub and never parse API data as HTML.
 */
class StaticContentTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** The required fields of a listing, canonical-model.md's "required" ones. */
    private static final Set<String> LISTING_REQUIRED = Set.of("ocopId", "version", "sku", "name", "description",
            "group", "stars", "certification", "producer", "origin", "unit", "price", "stock", "images");

    private static Map<String, Object> openApi;
    private static List<Mapping> mappings;

    /** One handler method: HTTP method, full path, roles it requires (empty if it checks none), where. */
    record Mapping(String method, String path, Set<String> roles, String where) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @BeforeAll
    static void load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object parsed = new Yaml(new SafeConstructor(options)).load(read(STATIC.resolve("openapi.yaml")));
        assertThat(parsed).as("openapi.yaml must be a YAML mapping").isInstanceOf(Map.class);
        openApi = map(parsed, "openapi.yaml");
        mappings = controllerMappings();
    }

    // ------------------------------------------------------------------ openapi.yaml

    @Test
    void openApiIsVersion3WithBearerSecurity() {
        assertThat(String.valueOf(openApi.get("openapi"))).matches("3\\.\\d+\\.\\d+");
        Map<String, Object> info = map(openApi.get("info"), "info");
        assertThat(info).containsKeys("title", "version");

        Map<String, Object> schemes = map(at("components", "securitySchemes"), "securitySchemes");
        assertThat(schemes).hasSize(1);
        String schemeName = schemes.keySet().iterator().next();
        Map<String, Object> scheme = map(schemes.get(schemeName), schemeName);
        assertThat(scheme).containsEntry("type", "http");
        assertThat(String.valueOf(scheme.get("scheme"))).isEqualToIgnoringCase("bearer");
        assertThat(list(openApi.get("security"), "security"))
                .as("every call needs the bearer token").contains(Map.of(schemeName, List.of()));
    }

    @Test
    void describesExactlyTheCallsTheControllersServe() {
        assertThat(mappings).as("controller mappings found in " + MAIN_SOURCES).isNotEmpty();
        Set<String> served = mappings.stream().map(Mapping::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> described = new TreeSet<>(operations().keySet());

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(described);
        Set<String> notServed = new TreeSet<>(described);
        notServed.removeAll(served);
        assertThat(undocumented).as("served by a controller but missing from openapi.yaml").isEmpty();
        assertThat(notServed).as("in openapi.yaml but served by no controller").isEmpty();
        assertThat(described).hasSameSizeAs(mappings);
    }

    @Test
    void everyOperationStatesTheRolesTheControllerRequires() {
        Map<String, Map<String, Object>> operations = operations();
        for (Mapping m : mappings) {
            Map<String, Object> operation = operations.get(m.key());
            if (operation == null) {
                continue; // reported by describesExactlyTheCallsTheControllersServe
            }
            if (m.roles().isEmpty()) {
                assertThat(operation).as(m.key() + " checks no role in " + m.where()).doesNotContainKey("x-roles");
                continue;
            }
            Set<String> described = list(operation.get("x-roles"), m.key() + " x-roles").stream()
                    .map(String::valueOf).collect(Collectors.toSet());
            assertThat(described).as(m.key() + " x-roles vs BearerAuthFilter.require in " + m.where())
                    .isEqualTo(m.roles());
        }
    }

    @Test
    void everyOperationAnswersTheAuthErrorsAndASuccess() {
        operations().forEach((key, operation) -> {
            Map<String, Object> responses = map(operation.get("responses"), key + " responses");
            Set<String> codes = responses.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
            // partner callbacks (security: []) check the partner's signature, not a bearer token
            boolean bearer = !List.of().equals(operation.get("security"));
            if (bearer) {
                assertThat(codes).as(key + ": bearer auth answers 401 and 403").contains("401", "403");
            }
            assertThat(codes).as(key + ": a success answer").anyMatch(code -> code.startsWith("2"));
            assertThat(codes).as(key + ": status codes").allMatch(code -> code.matches("[1-5]\\d\\d"));
            responses.forEach((code, response) -> {
                Map<String, Object> resolved = resolve(response, key + " " + code);
                assertThat(resolved).as(key + " " + code + " has a description").containsKey("description");
                if (!String.valueOf(code).startsWith("2")) {
                    assertThat(map(resolved.get("content"), key + " " + code + " content"))
                            .as(key + " " + code + ": errors are problem+json")
                            .containsOnlyKeys("application/problem+json");
                }
            });
        });
    }

    @Test
    void everyPathParameterIsDeclared() {
        Map<String, Object> paths = map(openApi.get("paths"), "paths");
        paths.forEach((path, item) -> {
            Map<String, Object> pathItem = map(item, path);
            Set<String> templated = new TreeSet<>();
            Matcher variable = Pattern.compile("\\{([^}/]+)}").matcher(path);
            while (variable.find()) {
                templated.add(variable.group(1));
            }
            pathItem.forEach((method, operation) -> {
                if (!HTTP_METHODS.contains(method)) {
                    return;
                }
                Set<String> declared = new TreeSet<>();
                List<Object> parameters = new ArrayList<>();
                parameters.addAll(optionalList(pathItem.get("parameters")));
                parameters.addAll(optionalList(map(operation, path + " " + method).get("parameters")));
                for (Object parameter : parameters) {
                    Map<String, Object> p = resolve(parameter, path + " parameter");
                    if ("path".equals(p.get("in"))) {
                        assertThat(p).as(path + " path parameter " + p.get("name")).containsEntry("required", true);
                        declared.add(String.valueOf(p.get("name")));
                    }
                }
                assertThat(declared).as(method + " " + path + " path parameters").isEqualTo(templated);
            });
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(openApi, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("only local references").startsWith("#/");
            resolve(Map.of("$ref", ref), ref);
        }
    }

    @Test
    void listingSchemaRequiresTheCanonicalRequiredFields() {
        Map<String, Object> listing = schema("Listing");
        Set<String> required = list(listing.get("required"), "Listing.required").stream()
                .map(String::valueOf).collect(Collectors.toSet());
        assertThat(required).isEqualTo(LISTING_REQUIRED);
        assertThat(map(listing.get("properties"), "Listing.properties").keySet()).containsAll(LISTING_REQUIRED);
    }

    @Test
    void listingSchemaAgreesWithCanonicalModelMd() {
        Path doc = Stream.of(System.getProperty("hub.design.dir", "design"), "../shared/design", "docs/design")
                .map(dir -> Path.of(dir, "canonical-model.md")).filter(Files::isRegularFile).findFirst().orElse(null);
        assumeThat(doc).as("canonical-model.md (set -Dhub.design.dir to its folder)").isNotNull();

        Set<String> documented = new LinkedHashSet<>();
        Set<String> documentedRequired = new TreeSet<>();
        Set<String> documentedOptional = new TreeSet<>();
        boolean inFields = false;
        for (String line : read(doc).split("\n")) {
            if (line.startsWith("## ")) {
                inFields = line.trim().equals("## Fields");
                continue;
            }
            if (!inFields || !line.startsWith("|") || line.startsWith("|--") || line.startsWith("| field")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 4) {
                continue;
            }
            String field = cells[1].trim();
            String rule = cells[3].trim().toLowerCase(Locale.ROOT);
            // "storage, ingredients" names two fields; "certification.issuedOn / validUntil" one
            Set<String> tops = new LinkedHashSet<>();
            String[] parts = field.replace("`", "").split("\\s*[,/]\\s*");
            boolean nested = parts[0].contains(".");
            for (String part : parts) {
                if (part.contains(".") || !nested) {
                    tops.add(part.split("\\.", 2)[0].trim());
                }
            }
            documented.addAll(tops);
            if (rule.matches("(vi )?required\\b(?!\\s+(?:for|by)\\b).*")) {
                documentedRequired.addAll(tops);
            } else if (rule.startsWith("optional") && !nested) {
                documentedOptional.addAll(tops);
            }
        }
        Map<String, Object> listing = schema("Listing");
        Set<String> required = list(listing.get("required"), "Listing.required").stream()
                .map(String::valueOf).collect(Collectors.toSet());
        assertThat(map(listing.get("properties"), "Listing.properties").keySet())
                .as("Listing properties vs canonical-model.md's field table").containsExactlyInAnyOrderElementsOf(documented);
        assertThat(required).as("fields canonical-model.md calls required").containsAll(documentedRequired);
        assertThat(required).as("fields canonical-model.md calls optional").doesNotContainAnyElementsOf(documentedOptional);
    }

    @Test
    void schemasHaveTheFieldsOfTheRecordsTheCodeSerialises() {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        records.put("Listing", Listing.class);
        records.put("ListingName", Listing.LocalizedText.class);
        records.put("ListingDescription", Listing.LocalizedText.class);
        records.put("Certification", Listing.Certification.class);
        records.put("Producer", Listing.Producer.class);
        records.put("Origin", Listing.Origin.class);
        records.put("NetContent", Listing.NetContent.class);
        records.put("Dimensions", Listing.Dimensions.class);
        records.put("Price", Listing.Price.class);
        records.put("IngestOutcome", IngestOutcome.class);
        records.put("FeedReport", FeedReport.class);
        records.put("FeedRecordError", FeedReport.RecordError.class);
        records.put("FieldError", FieldError.class);
        records.put("DeadLetter", DeadLetterQueues.Parked.class);
        records.put("Toggles", ConnectorConfig.Toggles.class);
        records.forEach((schemaName, type) -> {
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            assertThat(map(schema(schemaName).get("properties"), schemaName + ".properties").keySet())
                    .as(schemaName + " vs " + type.getName()).containsExactlyInAnyOrderElementsOf(components);
        });
    }

    @Test
    void handBuiltAnswersHaveTheFieldsTheCodePuts() {
        // ObjectNode answers: the keys put in the source, against the schemas that describe them
        assertThat(putKeys("vn/ocop/hub/api/ListingStatusView.java"))
                .isEqualTo(union(extraProperties("ListingStatus"), properties("PartnerBinding")));
        assertThat(putKeys("vn/ocop/hub/api/ListingsController.java")).isEqualTo(properties("ListingPage"));
        assertThat(putKeys("vn/ocop/hub/api/OperationsController.java")).isEqualTo(union(properties("Partners"),
                properties("PartnerHealth"), properties("ResyncOutcome"), properties("DeadLetters")));
    }

    @Test
    void enumsMatchTheCode() {
        assertEnum("BindingState", BindingState.values());
        assertEnum("ChangeType", ChangeType.values());
        assertEnum("ProductGroup", ProductGroup.values());
        assertThat(enumAt(schema("Certification"), "level")).containsExactly(names(CertificationLevel.values()));
        assertThat(enumAt(schema("Certification"), "status")).containsExactly(names(CertificationStatus.values()));
        assertThat(enumAt(schema("Producer"), "type")).containsExactly(names(ProducerType.values()));
        assertThat(enumAt(schema("NetContent"), "unit")).containsExactly(names(NetContentUnit.values()));
        assertThat(enumAt(schema("PartnerHealth"), "kind")).containsExactly(names(ConnectorConfig.PartnerKind.values()));
        assertThat(enumAt(schema("Price"), "vatRate"))
                .containsExactly(Arrays.stream(VatRate.values()).map(VatRate::json).map(String::valueOf)
                        .toArray(String[]::new));
        assertThat(enumAt(schema("Listing"), "stars")).containsExactly("3", "4", "5");
    }

    @Test
    void problemSchemaCarriesFieldErrors() {
        Map<String, Object> problem = schema("Problem");
        assertThat(properties("Problem")).contains("type", "title", "status", "detail", "errors");
        assertThat(list(problem.get("required"), "Problem.required")).contains("title", "detail", "status");
        Map<String, Object> errors = map(map(problem.get("properties"), "Problem.properties").get("errors"), "errors");
        assertThat(errors).containsEntry("type", "array");
        assertThat(map(errors.get("items"), "errors.items")).containsEntry("$ref", "#/components/schemas/FieldError");
    }

    @Test
    void feedsTakeAJsonArrayOrNdjsonAndAMode() {
        Map<String, Object> submit = operations().get("POST /api/v1/feeds");
        assertThat(submit).isNotNull();
        Map<String, Object> content = map(map(submit.get("requestBody"), "requestBody").get("content"), "content");
        assertThat(content).containsKeys("application/json", "application/x-ndjson");
        assertThat(map(map(content.get("application/json"), "json").get("schema"), "schema"))
                .containsEntry("type", "array");
        Map<String, Object> mode = list(submit.get("parameters"), "parameters").stream()
                .map(p -> resolve(p, "parameter")).filter(p -> "mode".equals(p.get("name"))).findFirst().orElseThrow();
        assertThat(mode).containsEntry("in", "query");
        assertThat(list(map(mode.get("schema"), "mode schema").get("enum"), "mode enum")).containsExactlyInAnyOrder("full", "delta");
    }

    // ------------------------------------------------------------------ dashboard

    @Test
    void dashboardLoadsNothingFromOutsideTheHub() {
        String html = read(STATIC.resolve("index.html"));
        Matcher reference = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*[\"']([^\"']*)[\"']").matcher(html);
        List<String> references = new ArrayList<>();
        while (reference.find()) {
            references.add(reference.group(1));
        }
        assertThat(references).as("index.html links the API description").contains("/openapi.yaml");
        for (String ref : references) {
            if (ref.startsWith("data:") || ref.startsWith("#")) {
                continue;
            }
            assertThat(ref).as("reference " + ref + " stays on the hub")
                    .doesNotStartWith("//").doesNotContainPattern("^[A-Za-z][A-Za-z0-9+.-]*:");
            String local = ref.replaceFirst("^/", "").replaceFirst("[?#].*$", "");
            assertThat(STATIC.resolve(local)).as("local file for " + ref).isRegularFile();
        }
        for (Path file : dashboardFiles()) {
            String text = read(file);
            assertThat(text).as(file + " must not load anything from the internet")
                    .doesNotContainPattern("(?i)https?://")
                    .doesNotContainPattern("(?i)\\b(?:url|import|fetch)\\s*\\(\\s*[\"']?//")
                    .doesNotContainPattern("(?i)@import");
        }
    }

    @Test
    void dashboardNeverParsesApiDataAsHtml() {
        String html = read(STATIC.resolve("index.html"));
        assertThat(html).as("no inline script (all script tags load a local file)")
                .doesNotContainPattern("(?i)<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).as("no inline event handlers").doesNotContainPattern("(?i)<[^>]+\\son[a-z]+\\s*=");
        String scripts = dashboardFiles().stream().filter(f -> f.toString().endsWith(".js")).map(StaticContentTest::read)
                .collect(Collectors.joining("\n"));
        assertThat(scripts).as("the dashboard's scripts").isNotBlank();
        assertThat(stripComments(scripts)).as("HTML sinks: build nodes with textContent / createTextNode instead")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                        "new Function", "DOMParser", "createContextualFragment");
        assertThat(scripts).as("text reaches the DOM as text").containsAnyOf("textContent", "createTextNode");
    }

    @Test
    void dashboardKeepsTheTokenOutOfUrlsAndStorage() {
        String html = read(STATIC.resolve("index.html"));
        String scripts = stripComments(dashboardFiles().stream().filter(f -> f.toString().endsWith(".js"))
                .map(StaticContentTest::read).collect(Collectors.joining("\n")));
        assertThat(scripts).contains("sessionStorage", "'Authorization'").doesNotContain("localStorage");
        assertThat(scripts).as("no token in a query string").doesNotContainPattern("(?i)[?&](access_)?token=");
        assertThat(html).as("no form can submit (and so put a field in a URL)").contains("form-action 'none'");
        assertThat(html).as("the token field is a password field without a name")
                .containsPattern("<input[^>]*id=\"token-input\"[^>]*type=\"password\"")
                .doesNotContainPattern("<input[^>]*id=\"token-input\"[^>]*\\sname=");
    }

    @Test
    void dashboardCallsOnlyDescribedPaths() {
        String scripts = dashboardFiles().stream().filter(f -> f.toString().endsWith(".js")).map(StaticContentTest::read)
                .collect(Collectors.joining("\n"));
        Matcher literal = Pattern.compile("['\"](/api/[^'\"]*)['\"]").matcher(scripts);
        List<Pattern> described = map(openApi.get("paths"), "paths").keySet().stream()
                .map(path -> Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]*\\\\Q")))
                .toList();
        int found = 0;
        while (literal.find()) {
            found++;
            String prefix = literal.group(1);
            // a literal is a full path, or the start of one that the script completes ('/api/v1/listings/' + id)
            assertThat(described).as("dashboard calls " + prefix)
                    .anyMatch(p -> p.matcher(prefix).matches() || p.matcher(prefix + "x").matches()
                            || p.matcher(prefix + "x/replay").matches());
        }
        assertThat(found).as("API calls in the dashboard").isPositive();
    }

    // ------------------------------------------------------------------ controllers, read from source

    private static final Pattern MAPPING_ANNOTATION =
            Pattern.compile("@(?:org\\.springframework\\.web\\.bind\\.annotation\\.)?(Request|Get|Post|Put|Delete|Patch)Mapping\\b");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(?:class|record|interface)\\s+\\w+");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\s*\\(\\s*\\w+\\s*,([^;]*)\\)\\s*;");
    private static final Pattern ROLE = Pattern.compile("\\bRole\\.(\\w+)");

    /** Every @…Mapping of every @RestController / @Controller under src/main/java. */
    static List<Mapping> controllerMappings() {
        List<Mapping> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = stripComments(read(file));
                if (!source.matches("(?s).*@(?:RestController|Controller)\\b.*")) {
                    continue;
                }
                Matcher type = TYPE_DECLARATION.matcher(source);
                int typeStart = type.find() ? type.start() : 0;
                List<String> classPaths = List.of("");
                List<int[]> annotations = new ArrayList<>();
                Matcher annotation = MAPPING_ANNOTATION.matcher(source);
                while (annotation.find()) {
                    annotations.add(new int[]{annotation.start(), annotation.end()});
                }
                for (int i = 0; i < annotations.size(); i++) {
                    int start = annotations.get(i)[0];
                    int end = annotations.get(i)[1];
                    String kind = source.substring(start, end).replaceFirst(".*@(?:.*\\.)?", "")
                            .replace("Mapping", "");
                    String args = "";
                    int afterArgs = end;
                    int open = skipSpaces(source, end);
                    if (open < source.length() && source.charAt(open) == '(') {
                        afterArgs = closingParen(source, open);
                        args = source.substring(open + 1, afterArgs - 1);
                    }
                    List<String> paths = annotationPaths(args, file);
                    if (start < typeStart) {
                        classPaths = paths;
                        continue;
                    }
                    int next = i + 1 < annotations.size() ? annotations.get(i + 1)[0] : source.length();
                    String body = source.substring(afterArgs, next);
                    Set<String> roles = new TreeSet<>();
                    Matcher require = REQUIRE.matcher(body);
                    if (require.find()) {
                        Matcher role = ROLE.matcher(require.group(1));
                        while (role.find()) {
                            roles.add(role.group(1).toLowerCase(Locale.ROOT));
                        }
                    }
                    if (body.contains("requireOfficeOrProducer(")) {
                        // the office, or the producer the resource belongs to
                        roles.add("office");
                        roles.add("producer");
                    }
                    List<String> methods = kind.equals("Request") ? requestMethods(args, file) : List.of(kind);
                    String where = MAIN_SOURCES.relativize(file) + ":" + lineOf(source, start);
                    for (String classPath : classPaths) {
                        for (String path : paths) {
                            for (String method : methods) {
                                found.add(new Mapping(method.toLowerCase(Locale.ROOT), join(classPath, path), roles, where));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The paths an annotation maps: its value/path attribute or first positional value; "" when none. */
    private static List<String> annotationPaths(String args, Path file) {
        String trimmed = args.trim();
        if (trimmed.isEmpty()) {
            return List.of("");
        }
        String value;
        Matcher named = Pattern.compile("\\b(?:value|path)\\s*=\\s*").matcher(trimmed);
        if (named.find()) {
            value = trimmed.substring(named.end());
        } else if (trimmed.startsWith("\"") || trimmed.startsWith("{")) {
            value = trimmed;
        } else if (trimmed.matches("(?s)\\w+\\s*=.*")) {
            return List.of(""); // only other attributes (produces = …)
        } else {
            return fail("cannot read the path of @…Mapping(" + args + ") in " + file + ": use string literals");
        }
        String literals = value.startsWith("{") ? value.substring(1, value.indexOf('}') + 1) : value;
        List<String> paths = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(literals);
        while (literal.find()) {
            paths.add(literal.group(1));
            if (!value.startsWith("{")) {
                break;
            }
        }
        if (paths.isEmpty()) {
            return fail("cannot read the path of @…Mapping(" + args + ") in " + file + ": use string literals");
        }
        return paths;
    }

    private static List<String> requestMethods(String args, Path file) {
        Matcher method = Pattern.compile("\\bmethod\\s*=\\s*(\\{[^}]*}|[\\w.]+)").matcher(args);
        if (!method.find()) {
            return fail("@RequestMapping on a method must name its HTTP method (" + file + ")");
        }
        List<String> methods = new ArrayList<>();
        Matcher name = Pattern.compile("(?:RequestMethod\\.)?\\b(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE)\\b")
                .matcher(method.group(1));
        while (name.find()) {
            methods.add(name.group(1));
        }
        return methods;
    }

    private static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/{2,}", "/");
        path = path.replaceAll("\\{(\\w+):[^}]*}", "{$1}"); // {id:regex} → {id}
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just after the ')' matching the '(' at {@code open}, skipping string literals. */
    private static int closingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return fail("unbalanced parentheses after index " + open);
    }

    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * Removes // and block comments (keeping line breaks) but not string contents, so
     * commented-out mappings do not count and "http://…" in a string survives.
     */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            char next = i + 1 < source.length() ? source.charAt(i + 1) : '\0';
            if (c == '"' || c == '\'' || c == '`') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else if (c == '/' && next == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** JSON keys a hand-built answer puts: put("k", …), putArray("k"), putObject("k"), set("k", …). */
    private static Set<String> putKeys(String source) {
        String text = stripComments(read(MAIN_SOURCES.resolve(source)));
        Matcher put = Pattern.compile("\\.(?:put|putArray|putObject|putNull|set|withArray)\\(\\s*\"(\\w+)\"").matcher(text);
        Set<String> keys = new TreeSet<>();
        while (put.find()) {
            keys.add(put.group(1));
        }
        return keys;
    }

    // ------------------------------------------------------------------ YAML helpers

    /** "POST /api/v1/listings" → operation. */
    private static Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        map(openApi.get("paths"), "paths").forEach((path, item) -> map(item, path).forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method)) {
                operations.put(method.toUpperCase(Locale.ROOT) + " " + path, map(operation, method + " " + path));
            }
        }));
        return operations;
    }

    private static Map<String, Object> schema(String name) {
        Object schema = map(at("components", "schemas"), "schemas").get(name);
        assertThat(schema).as("components.schemas." + name).isNotNull();
        return map(schema, name);
    }

    private static Set<String> properties(String schemaName) {
        return new TreeSet<>(map(schema(schemaName).get("properties"), schemaName + ".properties").keySet());
    }

    /** Properties a schema adds to the ones it takes over with allOf. */
    private static Set<String> extraProperties(String schemaName) {
        Set<String> extra = new TreeSet<>();
        for (Object part : list(schema(schemaName).get("allOf"), schemaName + ".allOf")) {
            Map<String, Object> p = map(part, schemaName + " part");
            if (!p.containsKey("$ref")) {
                extra.addAll(map(p.get("properties"), schemaName + " part properties").keySet());
            }
        }
        return extra;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static void assertEnum(String schemaName, Enum<?>[] values) {
        assertThat(list(schema(schemaName).get("enum"), schemaName + ".enum").stream().map(String::valueOf).toList())
                .as(schemaName).containsExactly(names(values));
    }

    private static List<String> enumAt(Map<String, Object> schema, String property) {
        Map<String, Object> p = resolve(map(schema.get("properties"), "properties").get(property), property);
        // a nullable enum lists null too; the code's constants are the rest
        return list(p.get("enum"), property + ".enum").stream().filter(v -> v != null).map(String::valueOf).toList();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static Object at(String... keys) {
        Object node = openApi;
        for (String key : keys) {
            node = map(node, String.join(".", keys)).get(key);
        }
        return node;
    }

    /** Follows a local $ref (JSON pointer) if the node is one. */
    private static Map<String, Object> resolve(Object node, String what) {
        Map<String, Object> m = map(node, what);
        Object ref = m.get("$ref");
        if (ref == null) {
            return m;
        }
        Object target = openApi;
        for (String token : String.valueOf(ref).substring(2).split("/")) {
            target = map(target, String.valueOf(ref)).get(token.replace("~1", "/").replace("~0", "~"));
            assertThat(target).as(what + ": $ref " + ref + " resolves").isNotNull();
        }
        return resolve(target, String.valueOf(ref));
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add(String.valueOf(v));
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what + " must be a mapping").isInstanceOf(Map.class);
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) node).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, String what) {
        assertThat(node).as(what + " must be a list").isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static List<Object> optionalList(Object node) {
        return node == null ? List.of() : list(node, "parameters");
    }

    // ------------------------------------------------------------------ files

    /** index.html plus every local script and stylesheet in the static folder. */
    private static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(STATIC)) {
            return files.filter(f -> f.toString().matches(".*\\.(html|js|css)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
