package vn.ocop.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.hub.broker.DeadLetterQueues;
import vn.ocop.hub.broker.Destinations;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Eligibility;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.fakes.FakePostmart;
import vn.ocop.hub.fakes.RecordedRequest;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.samples.ListingGenerator;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static vn.ocop.hub.bench.BenchSupport.freePort;
import static vn.ocop.hub.bench.BenchSupport.gitState;
import static vn.ocop.hub.bench.BenchSupport.loadAverage;

/**
 * Fan-out benchmark: one NDJSON feed of N generated listings into an in-process hub, delivered to
 * a fake Postmart over HTTP and to AEON as delta CSV files over the embedded SFTP server.
 *
 * <p>Not a JUnit test (the name matches none of surefire's default includes), so {@code mvn test}
 * never runs it. Run it with:
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.ocop.hub.bench.FanOutBenchmark -Dexec.args="20000 1000"
 * </pre>
 * Arguments: {@code [listings=20000] [postmartRequestsPerSecond=1000] [postmartBurst=rate]
 * [timeoutSeconds=auto]}. System properties: {@code bench.postmartConsumers} (default 4, the
 * shipped value), {@code bench.aeonDeltaEvery} (default PT1S), {@code bench.enforceRateAtFake}
 * (true: the fake also answers 429 above the limit, to prove the hub stays under it),
 * {@code bench.logLevel} (hub log level, default WARN), {@code sun.net.httpserver.nodelay} (default
 * true here: without it the fake's JDK HttpServer adds ~40 ms to every answer).
 *
 * <p>With {@code -Dbench.marketplaces=true} the feed also goes to Shopee, Lazada and Tiki, played by
 * their test fakes ({@link MarketplaceFakes}), at the rate limits connectors-config ships with unless
 * {@code bench.shopeeRate/shopeeBurst/lazadaRate/lazadaBurst/lazadaContentRate/tikiRate/tikiBurst}
 * say otherwise. The report then adds, per marketplace, the requests its fake saw, the pace it saw
 * against the configured limit, and whether it holds one item per eligible listing with the
 * expected price and stock. Tiki's fake reviews nothing by itself, so Tiki counts as delivered once
 * its binding is PENDING_APPROVAL.
 *
 * <p>With {@code -Dbench.stockBurst=true} as well, once the feed has settled and been checked,
 * {@link StockBurst} sends one stock change per marketplace-eligible listing through the office API
 * ({@code bench.stockBurstClients} threads, default 4) and reports how long Shopee and Lazada took to
 * show them all and how many requests that cost (Lazada's are batched, 50 SKUs per call at most).
 *
 * <p>Exit status: 0 when every listing settled and every check passed, 1 when a check failed or
 * the run timed out, 2 when the benchmark itself broke. The Markdown report goes to stdout either way.
 */
public final class FanOutBenchmark {

    private static final String OFFICE_TOKEN = "bench-office-" + UUID.randomUUID();
    private static final String OPERATOR_TOKEN = "bench-operator-" + UUID.randomUUID();
    private static final String POSTMART_KEY = "bench-postmart-" + UUID.randomUUID();
    private static final String AEON_PASSWORD = "bench-aeon-" + UUID.randomUUID();
    private static final long POLL_MILLIS = 200;
    private static final long PROGRESS_EVERY_MILLIS = 5_000;

    private final int listings;
    private final double rate;
    private final int burst;
    private final long timeoutSeconds;
    private final int postmartConsumers = Integer.getInteger("bench.postmartConsumers", 4);
    private final String aeonDeltaEvery = System.getProperty("bench.aeonDeltaEvery", "PT1S");
    private final boolean enforceRateAtFake = Boolean.getBoolean("bench.enforceRateAtFake");
    private final String logLevel = System.getProperty("bench.logLevel", "WARN");
    private final boolean marketplaces = Boolean.getBoolean("bench.marketplaces");
    private final boolean stockBurst = Boolean.getBoolean("bench.stockBurst");

    private final List<String> problems = new ArrayList<>();
    /** Listings eligible at any marketplace, by ocopId: what the stock burst changes. */
    private final Map<String, Listing> marketplaceListings = new TreeMap<>();
    private String codeUnderTest = "?";
    private final List<String> report = new ArrayList<>();

    private FanOutBenchmark(int listings, double rate, int burst, long timeoutSeconds) {
        this.listings = listings;
        this.rate = rate;
        this.burst = burst;
        this.timeoutSeconds = timeoutSeconds;
    }

    public static void main(String[] args) {
        int status;
        try {
            // Other builds may recompile target/test-classes while this runs: load every nested class now.
            for (Class<?> nested : FanOutBenchmark.class.getDeclaredClasses()) {
                Class.forName(nested.getName(), true, FanOutBenchmark.class.getClassLoader());
            }
            // The JDK HttpServer behind FakePostmart leaves Nagle's algorithm on unless told otherwise;
            // with the client's delayed ACKs every answer then waits ~40 ms, which caps each
            // Postmart consumer at ~20 requests/s: a property of the fake, not of Postmart or the hub.
            // Read once when the first HttpServer is created, so it must be set before the fake starts.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            int n = args.length > 0 ? Integer.parseInt(args[0].trim()) : 20_000;
            double rate = args.length > 1 ? Double.parseDouble(args[1].trim()) : 1000;
            int burst = args.length > 2 ? Integer.parseInt(args[2].trim()) : (int) Math.max(1, Math.ceil(rate));
            // at most two Postmart requests per listing (a look-up, then the PUT) at the rate limit, plus slack
            long timeout = args.length > 3 ? Long.parseLong(args[3].trim())
                    : (long) Math.max(600, 2.0 * n / rate * 1.5 + 300);
            if (args.length <= 3 && Boolean.getBoolean("bench.marketplaces")) {
                // Lazada's content budget paces it: a look-up, 1-5 image migrations and a create per
                // listing, about 5 catalogue calls, at 5/s as shipped
                double content = Double.parseDouble(System.getProperty("bench.lazadaContentRate", "5"));
                timeout = Math.max(timeout, (long) (n * 5.0 / content * 1.5) + 600);
            }
            status = new FanOutBenchmark(n, rate, burst, timeout).run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    // ---- the run -----------------------------------------------------------------------------

    private int run() throws Exception {
        Instant startedAt = Instant.now();
        Path base = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path dataDir = base.resolve("target/bench-data")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()));
        Files.createDirectories(dataDir);
        int httpPort = freePort();
        int sftpPort = freePort();
        double loadBefore = loadAverage();
        codeUnderTest = gitState();
        log("N=%d, Postmart limit %s/s (burst %d), data dir %s, load average %.2f", listings, fmt(rate), burst,
                dataDir, loadBefore);

        try (FakePostmart fake = new FakePostmart(POSTMART_KEY).start();
             MarketplaceFakes market = marketplaces
                     ? new MarketplaceFakes(MarketplaceFakes.overridesFromSystemProperties()) : null) {
            if (enforceRateAtFake) {
                fake.rateLimit(rate);
            }
            long bootStart = System.nanoTime();
            ConfigurableApplicationContext ctx = startHub(base, dataDir, httpPort, sftpPort, fake.baseUrl(), market);
            double bootSeconds = seconds(System.nanoTime() - bootStart);
            log("hub started in %.1f s on port %d (SFTP %d)", bootSeconds, httpPort, sftpPort);
            int status;
            try {
                status = measure(ctx, fake, market, dataDir, httpPort, bootSeconds, loadBefore, startedAt);
            } finally {
                long closeStart = System.nanoTime();
                ctx.close();
                log("hub closed in %.1f s", seconds(System.nanoTime() - closeStart));
            }
            report.forEach(System.out::println);
            return status;
        }
    }

    private ConfigurableApplicationContext startHub(Path base, Path dataDir, int httpPort, int sftpPort,
                                                    String postmartUrl, MarketplaceFakes market) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + httpPort,
                "--hub.data-dir=" + dataDir,
                "--hub.security.office-token=" + OFFICE_TOKEN,
                "--hub.security.operator-token=" + OPERATOR_TOKEN,
                "--hub.sftp.port=" + sftpPort,
                "--hub.sftp.host=127.0.0.1",
                "--HUB_SFTP_PORT=" + sftpPort,
                "--AEON_SFTP_PORT=" + sftpPort,
                "--AEON_SFTP_HOST=127.0.0.1",
                "--AEON_SFTP_PASSWORD=" + AEON_PASSWORD,
                "--AEON_DELTA_EVERY=" + aeonDeltaEvery,
                "--POSTMART_BASE_URL=" + postmartUrl,
                "--POSTMART_API_KEY=" + POSTMART_KEY,
                "--POSTMART_RATE_LIMIT=" + fmt(rate),
                "--POSTMART_RATE_BURST=" + burst,
                "--POSTMART_CONSUMERS=" + postmartConsumers));
        if (market == null) {
            return BenchSupport.startHub(base, logLevel, args);
        }
        args.addAll(market.hubArguments());
        return BenchSupport.startHub(base, logLevel, args, MarketplaceFakes.stubShopeeImages());
    }

    private int measure(ConfigurableApplicationContext ctx, FakePostmart fake, MarketplaceFakes market, Path dataDir,
                        int httpPort, double bootSeconds, double loadBefore, Instant startedAt) throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        List<Partner> active = ctx.getBean(PartnerRegistry.class).active();
        DeadLetterQueues queues = ctx.getBean(DeadLetterQueues.class);
        List<String> partnerNames = active.stream().map(Partner::name).sorted().toList();
        log("active partners: %s", partnerNames);

        // What each partner should end up with, by the hub's own eligibility rules.
        Map<String, Set<String>> eligibleSkus = new TreeMap<>();
        Map<String, Map<String, MarketplaceFakes.Expected>> expectedItems = new TreeMap<>();
        Map<String, Set<String>> eligibleIds = expected(ctx.getBean(ListingValidator.class), active, eligibleSkus,
                expectedItems);
        eligibleIds.forEach((p, ids) -> log("%s: %d of %d listings eligible", p, ids.size(), listings));
        Map<String, ConnectorConfig> configs = new TreeMap<>();
        active.forEach(p -> configs.put(p.name(), p.config()));
        if (market != null) {
            if (!partnerNames.containsAll(MarketplaceFakes.PARTNERS)) {
                throw new IllegalStateException("the hub did not enable every marketplace: " + partnerNames);
            }
            market.fitTikiLimit(configs.get("tiki"));
        }

        // ---- feed, with a 200 ms poller watching every partner -------------------------------
        Progress progress = new Progress(jdbc, queues, partnerNames, eligibleIds, listings);
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();

        Instant t0Wall = Instant.now();
        long t0 = System.nanoTime();
        CpuSnapshot cpuStart = CpuSnapshot.take();
        progress.start(t0, t0Wall);
        FeedResult feed = postFeed(httpPort);
        CpuSnapshot cpuIngested = CpuSnapshot.take();
        double ingestSeconds = seconds(feed.answeredAt() - t0);
        progress.ingestDone(feed.answeredAt());
        log("feed answered %d after %.1f s: %s", feed.status(), ingestSeconds, feed.body());

        boolean settled = progress.awaitSettled(t0 + Duration.ofSeconds(timeoutSeconds).toNanos());
        long settledAt = System.nanoTime();
        CpuSnapshot cpuSettled = CpuSnapshot.take();
        progress.stop();
        long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        double loadAfter = loadAverage();
        if (!settled) {
            problems.add("timed out after " + timeoutSeconds + " s before every partner settled");
            Path dump = dataDir.resolve("thread-dump-at-timeout.txt");
            Files.writeString(dump, threadDump());
            log("TIMEOUT: thread dump in %s", dump);
        }

        // ---- checks -----------------------------------------------------------------------
        JsonNode answer = feed.json();
        int accepted = answer == null ? -1 : answer.path("accepted").asInt(-1);
        int rejected = answer == null ? -1 : answer.path("rejected").asInt(-1);
        if (feed.status() != 202 || accepted != listings || rejected != 0) {
            problems.add("feed answer " + feed.status() + ": accepted " + accepted + ", rejected " + rejected
                    + " (expected 202, " + listings + ", 0)");
        }
        Map<String, Map<String, Long>> states = stateCounts(jdbc);
        for (String partner : partnerNames) {
            Map<String, Long> counts = states.getOrDefault(partner, Map.of());
            long delivered = delivered(counts);
            long skipped = counts.getOrDefault("SKIPPED", 0L);
            int eligible = eligibleIds.get(partner).size();
            if (delivered != eligible || skipped != listings - eligible) {
                problems.add(partner + ": bindings " + counts + ", expected SYNCED (or PENDING_APPROVAL)=" + eligible
                        + " SKIPPED=" + (listings - eligible));
            }
        }
        PostmartCheck postmart = partnerNames.contains("postmart")
                ? checkPostmart(fake, eligibleSkus.get("postmart")) : null;
        AeonCheck aeon = partnerNames.contains("aeon")
                ? checkAeon(dataDir.resolve("sftp").resolve("aeon").resolve("outbox").resolve("delta"),
                eligibleIds.get("aeon")) : null;
        List<MarketplaceFakes.Check> marketChecks = new ArrayList<>();
        List<MarketplaceFakes.Pace> paces = new ArrayList<>();
        if (market != null) {
            marketChecks.add(market.shopeeHolding().against(expectedItems.get("shopee")));
            marketChecks.add(market.lazadaHolding().against(expectedItems.get("lazada")));
            marketChecks.add(market.tikiHolding().against(expectedItems.get("tiki")));
            marketChecks.stream().filter(c -> !c.ok()).forEach(c -> problems.add(c.partner() + ": " + c.summary()));
            Map<String, Long> settledNanos = new HashMap<>();
            MarketplaceFakes.PARTNERS.forEach(p -> settledNanos.put(p, progress.completedAt(p)));
            paces.addAll(market.paces(configs, settledNanos));
            paces.stream().filter(MarketplaceFakes.Pace::exceeded)
                    .forEach(p -> problems.add("rate limit exceeded: " + p.describe()));
        }

        // ---- report -----------------------------------------------------------------------
        Map<String, Timing> timings = new LinkedHashMap<>();
        for (String partner : partnerNames) {
            timings.put(partner, timing(jdbc, partner, t0Wall, progress.completedAt(partner), t0));
        }
        double allDelivered = timings.values().stream().mapToDouble(Timing::lastDbSeconds).max().orElse(Double.NaN);
        double allDetected = timings.values().stream().mapToDouble(Timing::detectedSeconds).max().orElse(Double.NaN);
        long maxHeap = Runtime.getRuntime().maxMemory();

        report.add("");
        report.add("### Fan-out benchmark: " + listings + " listings, Postmart limit " + fmt(rate) + "/s"
                + (market == null ? "" : ", with Shopee, Lazada and Tiki") + " ("
                + startedAt.toString().substring(0, 19) + "Z)");
        report.add("");
        report.add("| Setting | Value |");
        report.add("|---|---|");
        row("Listings in the feed (N)", String.valueOf(listings));
        row("Active partners", String.join(", ", partnerNames));
        row("Postmart rate limit / burst / consumers", fmt(rate) + " req/s / " + burst + " / " + postmartConsumers
                + (enforceRateAtFake ? " (fake also enforces it)" : " (fake only observes)"));
        row("AEON delta every", aeonDeltaEvery);
        if (market != null) {
            row("Marketplace settings given to the hub", market.overrides().isEmpty()
                    ? "none: the limits connectors-config ships with" : market.overrides().toString());
            for (String p : MarketplaceFakes.PARTNERS) {
                ConnectorConfig c = configs.get(p);
                String content = c.transport("contentRequestsPerSecond");
                row(p + ": rate limit / burst / consumers", fmt(c.rateLimit().requestsPerSecond()) + " req/s / "
                        + c.rateLimit().burst() + " / " + c.consumerCount()
                        + (content == null ? "" : "; catalogue calls also limited to " + content + " req/s"));
            }
            row("Shopee images", "downloaded from a stub (a small JPEG per URL; the generated URLs point at a host"
                    + " that does not exist), then uploaded to the fake as shipped");
        }
        row("Fake Postmart TCP_NODELAY (sun.net.httpserver.nodelay)", System.getProperty("sun.net.httpserver.nodelay"));
        row("Eligible: " + String.join(" / ", partnerNames), partnerNames.stream()
                .map(p -> String.valueOf(eligibleIds.get(p).size())).reduce((a, b) -> a + " / " + b).orElse("-"));
        row("CPU cores / load average (1 min) before → after", Runtime.getRuntime().availableProcessors() + " / "
                + String.format(Locale.ROOT, "%.2f → %.2f (max seen %.2f)", loadBefore, loadAfter,
                Math.max(loadAfter, progress.maxLoad())));
        row("JVM / max heap", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " / "
                + mib(maxHeap) + " MiB (" + heapFlags() + ")");
        row("Hub start-up", String.format(Locale.ROOT, "%.1f s", bootSeconds));
        row("Code under test (at start)", codeUnderTest);
        row("Store", ctx.getEnvironment().getProperty("spring.datasource.url", "?").replace(dataDir.toString(), "<data-dir>"));
        report.add("");
        report.add("| Result | Value |");
        report.add("|---|---|");
        row("Ingest: feed POST, first byte → 202", String.format(Locale.ROOT, "%.2f s (%s listings/s)", ingestSeconds,
                fmt(listings / ingestSeconds)));
        for (Map.Entry<String, Timing> e : timings.entrySet()) {
            Timing t = e.getValue();
            int eligible = eligibleIds.get(e.getKey()).size();
            boolean awaiting = states.getOrDefault(e.getKey(), Map.of()).getOrDefault("PENDING_APPROVAL", 0L) > 0;
            row(e.getKey() + ": every eligible listing delivered" + (awaiting
                    ? " (submitted: SYNCED or PENDING_APPROVAL, awaiting the partner's review)" : ""),
                    String.format(Locale.ROOT,
                    "%.2f s after first byte (poll saw it at %.2f s); first at %.2f s; %s eligible listings/s",
                    t.lastDbSeconds(), t.detectedSeconds(), t.firstDbSeconds(),
                    fmt(eligible / t.lastDbSeconds())));
        }
        row("End-to-end: first byte → all partners settled", String.format(Locale.ROOT,
                "%.2f s (poll: %.2f s) → %s listings/s", allDelivered, allDetected, fmt(listings / allDelivered)));
        if (postmart != null) {
            row("Postmart requests seen by the fake", postmart.total() + " (" + postmart.byMethod() + "; non-2xx "
                    + postmart.errors() + ")");
            row("Postmart max requests in any 1 s window", postmart.maxPerSecond() + " vs limit " + fmt(rate)
                    + "/s, burst " + burst);
        }
        if (market != null) {
            row("Shopee requests seen by the fake", MarketplaceFakes.byPath(market.shopee.arrivalLog())
                    + " (throttled " + market.shopee.throttled() + ")");
            row("Lazada requests seen by the fake", MarketplaceFakes.byPath(market.lazada.arrivalLog()).toString());
            row("Tiki requests seen by the fake", MarketplaceFakes.byPath(market.tiki.arrivalLog())
                    + " (answered 429: " + market.tiki.calls().stream().filter(c -> c.status() == 429).count() + ")");
            for (MarketplaceFakes.Pace pace : paces) {
                row("Rate-limit fidelity, " + pace.what(), pace.describe());
            }
        }
        row("CPU: this JVM / whole machine (ingest phase)", cpuStart.usage(cpuIngested));
        row("CPU: this JVM / whole machine (delivery phase)", cpuIngested.usage(cpuSettled));
        row("Poller overhead", String.format(Locale.ROOT, "%d polls, %.1f ms each on average", progress.polls(),
                progress.meanPollMillis()));
        // Each pool's peak is kept separately and they peak at different moments (eden just before a
        // young GC, old gen later), so the sum is an upper bound and can exceed -Xmx.
        row("Peak heap during feed+delivery (sum of per-pool peaks)", mib(peakHeap) + " MiB; max heap " + mib(maxHeap)
                + " MiB; GC: " + gcCount + " collections, " + gcMillis + " ms");
        if (postmart != null) {
            row("Check: fake Postmart holds one product per eligible listing", postmart.products() + " products, "
                    + postmart.expected() + " expected, " + postmart.active() + " ACTIVE → "
                    + (postmart.ok() ? "OK" : "FAIL"));
        }
        if (aeon != null) {
            row("Check: AEON delta rows = AEON-eligible", aeon.files() + " delta files, " + aeon.rows() + " rows ("
                    + aeon.distinct() + " distinct items, actions " + aeon.actions() + ", manifests say "
                    + aeon.manifestRows() + "), " + aeon.expected() + " expected → " + (aeon.ok() ? "OK" : "FAIL"));
        }
        for (MarketplaceFakes.Check check : marketChecks) {
            row("Check: fake " + check.partner() + " holds one item per eligible listing, latest price and stock",
                    check.summary());
        }
        row("Check: bindings", partnerNames.stream().map(p -> p + " " + states.getOrDefault(p, Map.of()))
                .reduce((a, b) -> a + "; " + b).orElse("-"));
        // Only now: every figure above reads the bindings' times and the fakes' logs, which the burst moves on.
        StockBurst.Outcome burstOutcome = stockBurst(market, configs, jdbc, httpPort, eligibleSkus, settled);
        if (burstOutcome != null) {
            burstOutcome.describe(this::row);
        }
        row("Verdict", problems.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", problems));
        report.add("");
        report.add("Where this JVM's CPU went (thread CPU time by thread name, digits folded; JIT and GC threads"
                + " and threads that ended are in the remainder):");
        report.add("");
        report.addAll(CpuSnapshot.table(cpuStart, cpuIngested, cpuSettled, 14));
        report.add("");
        report.add("Progress (seconds after the first byte; counts of bindings per partner):");
        report.add("");
        report.addAll(progress.table());
        return problems.isEmpty() ? 0 : 1;
    }

    /**
     * After the feed has settled (its checks are taken by then), one stock change per
     * marketplace-eligible listing; null when not asked for. Its problems fail the run.
     */
    private StockBurst.Outcome stockBurst(MarketplaceFakes market, Map<String, ConnectorConfig> configs,
                                          JdbcTemplate jdbc, int httpPort, Map<String, Set<String>> eligibleSkus,
                                          boolean settled) throws Exception {
        if (!stockBurst) {
            return null;
        }
        if (market == null || !settled) {
            problems.add("stock burst not run: it needs -Dbench.marketplaces=true and a feed that settled");
            return null;
        }
        // Shopee's one call per listing at its rateLimit bounds the phase; three times that, plus slack
        long timeout = (long) (3 * marketplaceListings.size() / configs.get("shopee").rateLimit().requestsPerSecond())
                + 120;
        StockBurst.Outcome outcome = new StockBurst(market, configs, jdbc, httpPort, OFFICE_TOKEN)
                .run(List.copyOf(marketplaceListings.values()), eligibleSkus, timeout);
        problems.addAll(outcome.problems());
        return outcome;
    }

    private void row(String name, String value) {
        report.add("| " + name + " | " + value.replace("|", "\\|") + " |");
    }

    // ---- expected results ----------------------------------------------------------------------

    /** ocopIds eligible per partner (and their SKUs into {@code skus}), by the hub's own rules. */
    private Map<String, Set<String>> expected(ListingValidator validator, List<Partner> active,
                                              Map<String, Set<String>> skus,
                                              Map<String, Map<String, MarketplaceFakes.Expected>> items) {
        Map<String, Set<String>> eligible = new TreeMap<>();
        active.forEach(p -> eligible.put(p.name(), new HashSet<>()));
        active.forEach(p -> skus.put(p.name(), new HashSet<>()));
        try (Stream<com.fasterxml.jackson.databind.node.ObjectNode> stream =
                     new ListingGenerator(ListingGenerator.DEFAULT_SEED).stream(listings, 1)) {
            stream.forEach(node -> {
                ValidationResult result = validator.validate(node);
                if (!result.valid()) {
                    problems.add("generated listing " + node.path("ocopId").asText() + " is invalid: " + result.errors());
                    return;
                }
                for (Partner p : active) {
                    if (Eligibility.whyNot(p.config(), result.listing()).isEmpty()) {
                        eligible.get(p.name()).add(result.listing().ocopId());
                        skus.get(p.name()).add(result.listing().sku());
                        if (MarketplaceFakes.PARTNERS.contains(p.name())) {
                            items.computeIfAbsent(p.name(), k -> new HashMap<>()).put(result.listing().sku(),
                                    MarketplaceFakes.Expected.of(p.config(), result.listing()));
                            marketplaceListings.put(result.listing().ocopId(), result.listing());
                        }
                    }
                }
            });
        }
        return eligible;
    }

    // ---- the feed --------------------------------------------------------------------------

    private record FeedResult(int status, String body, JsonNode json, long answeredAt) {
    }

    /** Streams the NDJSON feed through a pipe: the generator writes while the HTTP client sends. */
    private FeedResult postFeed(int httpPort) throws Exception {
        PipedInputStream pipeIn = new PipedInputStream(1 << 16);
        PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(pipeOut, StandardCharsets.UTF_8), 1 << 16)) {
                new ListingGenerator(ListingGenerator.DEFAULT_SEED).writeNdjson(listings, 1, out);
            } catch (Throwable t) {
                writerFailed.set(t);
            }
        }, "bench-feed-writer");
        writer.setDaemon(true);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/feeds?mode=delta"))
                .header("Authorization", "Bearer " + OFFICE_TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> pipeIn))
                .build();
        writer.start();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long answeredAt = System.nanoTime();
        writer.join(10_000);
        if (writerFailed.get() != null) {
            problems.add("feed writer failed: " + writerFailed.get());
        }
        JsonNode json = null;
        try {
            json = new ObjectMapper().readTree(response.body());
            if (json.has("errors") && json.get("errors").size() > 5) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("errors", json.get("errors").size() + " errors");
            }
        } catch (IOException notJson) {
            // reported as is
        }
        String shown = json == null ? response.body() : json.toString();
        return new FeedResult(response.statusCode(), shown.length() > 400 ? shown.substring(0, 400) + "…" : shown,
                json, answeredAt);
    }

    // ---- progress ---------------------------------------------------------------------------

    /** Polls the binding table every 200 ms; notes when each partner has settled every listing. */
    private final class Progress {
        private final JdbcTemplate jdbc;
        private final DeadLetterQueues queues;
        private final List<String> partners;
        private final Map<String, Set<String>> eligible;
        private final int total;
        private final Map<String, Long> completedAt = new HashMap<>();
        private final List<String> rows = new CopyOnWriteArrayList<>();
        private volatile boolean running;
        private volatile boolean allSettled;
        private volatile long ingestDoneAt = -1;
        private volatile double maxLoad;
        private volatile long polls;
        private volatile long pollNanos;
        private Thread thread;
        private long t0;

        Progress(JdbcTemplate jdbc, DeadLetterQueues queues, List<String> partners, Map<String, Set<String>> eligible,
                 int total) {
            this.jdbc = jdbc;
            this.queues = queues;
            this.partners = partners;
            this.eligible = eligible;
            this.total = total;
        }

        void start(long t0, Instant t0Wall) {
            this.t0 = t0;
            running = true;
            StringBuilder header = new StringBuilder("| t (s) | load | listings stored | outbox |");
            StringBuilder rule = new StringBuilder("|---|---|---|---|");
            for (String p : partners) {
                header.append(' ').append(p).append(" delivered/skipped/pending/other | ").append(p).append(" queue |");
                rule.append("---|---|");
            }
            rows.add(header.toString());
            rows.add(rule.toString());
            thread = new Thread(this::loop, "bench-progress");
            thread.setDaemon(true);
            thread.start();
        }

        void ingestDone(long at) {
            ingestDoneAt = at;
        }

        double maxLoad() {
            return maxLoad;
        }

        synchronized Long completedAt(String partner) {
            return completedAt.get(partner);
        }

        boolean awaitSettled(long deadline) throws InterruptedException {
            while (!allSettled && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return allSettled;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }

        long polls() {
            return polls;
        }

        double meanPollMillis() {
            return polls == 0 ? 0 : pollNanos / 1e6 / polls;
        }

        List<String> table() {
            return rows;
        }

        private void loop() {
            long nextRow = t0;
            boolean ingestRowWritten = false;
            while (running) {
                long now = System.nanoTime();
                try {
                    Map<String, Map<String, Long>> counts = stateCounts(jdbc);
                    pollNanos += System.nanoTime() - now;
                    polls++;
                    boolean all = true;
                    for (String p : partners) {
                        Map<String, Long> c = counts.getOrDefault(p, Map.of());
                        long pending = c.getOrDefault("PENDING", 0L);
                        long settled = c.values().stream().mapToLong(Long::longValue).sum() - pending;
                        long synced = delivered(c);
                        boolean done = pending == 0 && settled == total && synced == eligible.get(p).size();
                        // every listing has a final state, but not the expected one: settled, and wrong
                        boolean stuck = pending == 0 && settled == total && !done;
                        synchronized (this) {
                            if ((done || stuck) && !completedAt.containsKey(p)) {
                                completedAt.put(p, now);
                                log("%s settled at %.2f s: %s", p, seconds(now - t0), c);
                            }
                        }
                        all &= done || stuck;
                    }
                    double load = loadAverage();
                    maxLoad = Math.max(maxLoad, load);
                    boolean ingestJustDone = !ingestRowWritten && ingestDoneAt > 0;
                    if (now >= nextRow || all || ingestJustDone) {
                        String line = row(now, load, counts, ingestJustDone);
                        rows.add(line);
                        System.out.println("[bench] " + line);
                        nextRow = now + Duration.ofMillis(PROGRESS_EVERY_MILLIS).toNanos();
                        ingestRowWritten |= ingestJustDone;
                    }
                    if (all) {
                        allSettled = true;
                        // stay alive (idle) until stop(), so this thread's CPU time is still counted at the end
                        while (running) {
                            Thread.sleep(POLL_MILLIS);
                        }
                        return;
                    }
                } catch (RuntimeException e) {
                    log("progress poll failed: %s", e);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private String row(long now, double load, Map<String, Map<String, Long>> counts, boolean ingestDone) {
            Long stored = jdbc.queryForObject("select count(*) from listing", Long.class);
            Long outbox = jdbc.queryForObject("select count(*) from outbox", Long.class);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %.1f%s | %.2f | %d | %d |",
                    seconds(now - t0), ingestDone ? " (feed answered)" : "", load, stored, outbox));
            for (String p : partners) {
                Map<String, Long> c = counts.getOrDefault(p, Map.of());
                long synced = delivered(c);
                long skipped = c.getOrDefault("SKIPPED", 0L);
                long pending = c.getOrDefault("PENDING", 0L);
                long other = c.values().stream().mapToLong(Long::longValue).sum() - synced - skipped - pending;
                Long depth = queues.depth(Destinations.partnerQueue(p));
                line.append(String.format(Locale.ROOT, " %d/%d/%d/%d | %s |", synced, skipped, pending, other,
                        depth == null ? "-" : depth.toString()));
            }
            return line.toString();
        }
    }

    /**
     * Bindings the partner has: SYNCED, or PENDING_APPROVAL where the partner reviews new items
     * before they go live (Tiki), which is as far as the hub can take them.
     */
    private static long delivered(Map<String, Long> counts) {
        return counts.getOrDefault("SYNCED", 0L) + counts.getOrDefault("PENDING_APPROVAL", 0L);
    }

    private static Map<String, Map<String, Long>> stateCounts(JdbcTemplate jdbc) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.query("select partner, state, count(*) n from binding group by partner, state", rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    private record Timing(double firstDbSeconds, double lastDbSeconds, double detectedSeconds) {
    }

    /** When the first and the last listing reached SYNCED/SKIPPED, by the hub's own timestamps. */
    private static Timing timing(JdbcTemplate jdbc, String partner, Instant t0Wall, Long detectedAt, long t0) {
        Timestamp first = jdbc.queryForObject("select min(updated_at) from binding where partner = ? "
                + "and state in ('SYNCED', 'PENDING_APPROVAL')", Timestamp.class, partner);
        Timestamp last = jdbc.queryForObject("select max(updated_at) from binding where partner = ? "
                + "and state in ('SYNCED', 'PENDING_APPROVAL', 'SKIPPED')", Timestamp.class, partner);
        return new Timing(since(t0Wall, first), since(t0Wall, last),
                detectedAt == null ? Double.NaN : seconds(detectedAt - t0));
    }

    private static double since(Instant t0Wall, Timestamp ts) {
        return ts == null ? Double.NaN : Duration.between(t0Wall, ts.toInstant()).toNanos() / 1e9;
    }

    // ---- partner checks ------------------------------------------------------------------------

    private record PostmartCheck(int products, int expected, long active, int total, Map<String, Long> byMethod,
                                 long errors, int maxPerSecond, boolean ok) {
    }

    private PostmartCheck checkPostmart(FakePostmart fake, Set<String> expectedSkus) {
        Map<String, JsonNode> products = fake.products();
        long activeCount = products.values().stream().filter(p -> "ACTIVE".equals(p.path("status").asText())).count();
        boolean ok = products.size() == expectedSkus.size() && products.keySet().equals(expectedSkus)
                && activeCount == expectedSkus.size();
        if (!ok) {
            Set<String> missing = new HashSet<>(expectedSkus);
            missing.removeAll(products.keySet());
            Set<String> extra = new HashSet<>(products.keySet());
            extra.removeAll(expectedSkus);
            problems.add("Postmart holds " + products.size() + " products (" + activeCount + " ACTIVE), expected "
                    + expectedSkus.size() + "; missing " + sample(missing) + ", unexpected " + sample(extra));
        }
        List<RecordedRequest> requests = fake.requests();
        Map<String, Long> byMethod = new TreeMap<>();
        long errors = 0;
        for (RecordedRequest r : requests) {
            byMethod.merge(r.method(), 1L, Long::sum);
            if (r.status() >= 300 && !(r.method().equals("GET") && r.status() == 404)) {
                errors++;
            }
        }
        return new PostmartCheck(products.size(), expectedSkus.size(), activeCount, fake.count(null, "/"), byMethod,
                errors, fake.maxObservedPerSecond(), ok);
    }

    private record AeonCheck(int files, long rows, int distinct, Map<String, Long> actions, long manifestRows,
                             int expected, boolean ok) {
    }

    private AeonCheck checkAeon(Path deltaDir, Set<String> expectedIds) throws IOException {
        List<Path> csvs;
        try (Stream<Path> files = Files.exists(deltaDir) ? Files.list(deltaDir) : Stream.empty()) {
            csvs = files.filter(f -> f.getFileName().toString().endsWith(".csv")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        long rows = 0;
        long manifestRows = 0;
        Set<String> items = new HashSet<>();
        Map<String, Long> actions = new TreeMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (Path csv : csvs) {
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                    for (CSVRecord record : parser) {
                        rows++;
                        items.add(record.get("item_code"));
                        actions.merge(record.get("action"), 1L, Long::sum);
                    }
                }
            }
            Path done = csv.resolveSibling(csv.getFileName() + ".done");
            if (Files.exists(done)) {
                for (String line : Files.readAllLines(done, StandardCharsets.UTF_8)) {
                    if (line.startsWith("rows=")) {
                        manifestRows += Long.parseLong(line.substring(5).trim());
                    }
                }
            } else {
                problems.add("AEON delta " + csv.getFileName() + " has no .done marker");
            }
        }
        boolean ok = rows == expectedIds.size() && items.equals(expectedIds) && manifestRows == rows;
        if (!ok) {
            Set<String> missing = new HashSet<>(expectedIds);
            missing.removeAll(items);
            problems.add("AEON deltas carry " + rows + " rows (" + items.size() + " distinct, manifests " + manifestRows
                    + "), expected " + expectedIds.size() + "; missing " + sample(missing));
        }
        return new AeonCheck(csvs.size(), rows, items.size(), actions, manifestRows, expectedIds.size(), ok);
    }

    // ---- small helpers ------------------------------------------------------------------------

    private static String sample(Set<String> values) {
        return values.size() + (values.isEmpty() ? "" : " e.g. " + values.stream().sorted().limit(5).toList());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Process, machine (/proc/stat) and per-thread CPU time at one instant. */
    private record CpuSnapshot(long wallNanos, long processNanos, long machineBusy, long machineTotal,
                               Map<Long, String> names, Map<Long, Long> threadNanos) {

        static CpuSnapshot take() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, String> names = new HashMap<>();
            Map<Long, Long> cpu = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    cpu.put(info.getThreadId(), nanos);
                }
            }
            long process = ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
            long busy = -1;
            long total = -1;
            try {
                // cpu  user nice system idle iowait irq softirq steal ...
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
            } catch (IOException | RuntimeException e) {
                // not Linux: machine figures stay unknown
            }
            return new CpuSnapshot(System.nanoTime(), process, busy, total, names, cpu);
        }

        /** e.g. "1.3 of 2 cores on average (65 % of the machine); machine busy 100 %". */
        String usage(CpuSnapshot later) {
            double wall = (later.wallNanos - wallNanos) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            double processCores = (later.processNanos - processNanos) / 1e9 / wall;
            String machine = machineTotal < 0 || later.machineTotal <= machineTotal ? "machine busy n/a"
                    : String.format(Locale.ROOT, "whole machine busy %.0f %%",
                    100.0 * (later.machineBusy - machineBusy) / (later.machineTotal - machineTotal));
            return String.format(Locale.ROOT, "%.2f of %d cores on average over %.1f s (%.0f %% of the machine); %s",
                    processCores, cores, wall, 100 * processCores / cores, machine);
        }

        private static String group(String threadName) {
            return threadName.replaceAll("\\d+", "#");
        }

        /** Seconds of CPU per thread group in each phase, biggest total first. */
        static List<String> table(CpuSnapshot start, CpuSnapshot ingested, CpuSnapshot settled, int top) {
            Map<String, double[]> groups = new HashMap<>();
            for (Map.Entry<Long, Long> e : settled.threadNanos.entrySet()) {
                long id = e.getKey();
                long atStart = start.threadNanos.getOrDefault(id, 0L);
                long atIngest = ingested.threadNanos.getOrDefault(id, atStart);
                double[] g = groups.computeIfAbsent(group(settled.names.get(id)), k -> new double[2]);
                g[0] += Math.max(0, atIngest - atStart) / 1e9;
                g[1] += Math.max(0, e.getValue() - atIngest) / 1e9;
            }
            // threads that ran during ingest but were gone by the end still count in the ingest column
            for (Map.Entry<Long, Long> e : ingested.threadNanos.entrySet()) {
                if (!settled.threadNanos.containsKey(e.getKey())) {
                    double[] g = groups.computeIfAbsent(group(ingested.names.get(e.getKey())), k -> new double[2]);
                    g[0] += Math.max(0, e.getValue() - start.threadNanos.getOrDefault(e.getKey(), 0L)) / 1e9;
                }
            }
            double ingestProcess = (ingested.processNanos - start.processNanos) / 1e9;
            double deliveryProcess = (settled.processNanos - ingested.processNanos) / 1e9;
            List<String> rows = new ArrayList<>();
            rows.add("| Thread group | CPU s, ingest phase | CPU s, delivery phase | share of process CPU, whole run |");
            rows.add("|---|---|---|---|");
            double[] shown = new double[2];
            groups.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                    .limit(top)
                    .forEach(e -> {
                        double[] g = e.getValue();
                        shown[0] += g[0];
                        shown[1] += g[1];
                        rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f %% |", e.getKey().replace("|", "/"),
                                g[0], g[1], 100 * (g[0] + g[1]) / (ingestProcess + deliveryProcess)));
                    });
            rows.add(String.format(Locale.ROOT, "| (other threads, JIT compiler, GC, ended threads) | %.1f | %.1f | %.0f %% |",
                    ingestProcess - shown[0], deliveryProcess - shown[1],
                    100 * (ingestProcess + deliveryProcess - shown[0] - shown[1]) / (ingestProcess + deliveryProcess)));
            rows.add(String.format(Locale.ROOT, "| **process total** | %.1f | %.1f | 100 %% |", ingestProcess, deliveryProcess));
            return rows;
        }
    }

    private static String heapFlags() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM") || a.startsWith("-Xms")).toList();
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .reduce((a, b) -> a + "/" + b).orElse("?");
        return (flags.isEmpty() ? "no -Xmx: JVM default" : String.join(" ", flags)) + ", GC " + gc;
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String fmt(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
