package vn.ocop.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.hub.broker.DeadLetterQueues;
import vn.ocop.hub.broker.Destinations;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.connector.postmart.PostmartWebhookSignature;
import vn.ocop.hub.fakes.FakePostmart;
import vn.ocop.hub.fakes.RecordedRequest;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.lazada.FakeLazadaItem;
import vn.ocop.hub.samples.ListingGenerator;

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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static vn.ocop.hub.bench.BenchSupport.fmt;
import static vn.ocop.hub.bench.BenchSupport.freePort;
import static vn.ocop.hub.bench.BenchSupport.gitState;
import static vn.ocop.hub.bench.BenchSupport.loadAverage;
import static vn.ocop.hub.bench.BenchSupport.log;
import static vn.ocop.hub.bench.BenchSupport.seconds;

/**
 * Callback benchmark: signed Postmart order callbacks ({@code POST /callbacks/postmart}) against an
 * in-process hub whose Postmart is a {@link FakePostmart}.
 *
 * <ol>
 *   <li>seeds L generated listings (stock 50,000 each) and waits until Postmart holds them all;</li>
 *   <li><b>accept</b>: N distinct order events from C concurrent clients; answers per second and
 *       answer latency; then waits for the worker to publish them and checks one ORDER event each;</li>
 *   <li><b>duplicates</b>: N further events, each sent twice (shuffled, so the two copies may
 *       race); checks N stored messages and N ORDER events;</li>
 *   <li><b>stock</b>: M orders, each for a different listing, paced; for each, the time from
 *       sending the callback to the fake receiving {@code PATCH /v1/products/{sku}/inventory}
 *       with the new stock.</li>
 * </ol>
 * Not a JUnit test (surefire's includes match no {@code *Benchmark}). Run it with:
 * <pre>
 * ./mvnw -o -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.ocop.hub.bench.CallbackBenchmark -Dexec.args="5000 8 200"
 * </pre>
 * Arguments: {@code [N=5000] [clients=8] [M=200] [listings=1500] [stockOrdersPerSecond=10]}; N=0 skips
 * steps 2 and 3. System properties: {@code bench.logLevel} (default WARN), {@code bench.pollMillis}
 * (the partner message worker's period, default: the shipped value), {@code bench.lazada=true}: a
 * {@link FakeLazada} runs as a second marketplace, and step 4 also times the new stock's arrival
 * there (Lazada's fake keeps no arrival times, so its item is polled every 10 ms);
 * {@code bench.lazadaEvents} (with {@code bench.lazada}): step 5 sends that many distinct signed
 * Lazada trade order pushes ({@code POST /callbacks/lazada}) from the C clients and checks one
 * ORDER event each. Exit status 0 when every check passed,
 * 1 when one failed, 2 when the benchmark itself broke; the Markdown report goes to stdout.
 */
public final class CallbackBenchmark {

    private static final String OFFICE_TOKEN = "bench-office-" + UUID.randomUUID();
    private static final String OPERATOR_TOKEN = "bench-operator-" + UUID.randomUUID();
    private static final String POSTMART_KEY = "bench-postmart-" + UUID.randomUUID();
    private static final String WEBHOOK_SECRET = "bench-webhook-" + UUID.randomUUID();
    private static final int STOCK = 50_000;
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final int events;
    private final int clients;
    private final int stockOrders;
    private final int listings;
    private final double stockRate;
    private final String logLevel = System.getProperty("bench.logLevel", "WARN");
    private final String pollMillis = System.getProperty("bench.pollMillis");
    private final boolean withLazada = Boolean.getBoolean("bench.lazada");
    private static final String LAZADA_APP_KEY = "100777";
    private static final String LAZADA_APP_SECRET = "bench-lazada-" + UUID.randomUUID();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> problems = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private int httpPort;
    private double maxLoad;

    private CallbackBenchmark(int events, int clients, int stockOrders, int listings, double stockRate) {
        this.events = events;
        this.clients = clients;
        this.stockOrders = stockOrders;
        this.listings = listings;
        this.stockRate = stockRate;
    }

    public static void main(String[] args) {
        int status;
        try {
            BenchSupport.preload(CallbackBenchmark.class);
            BenchSupport.noDelayAtFakes();
            status = new CallbackBenchmark(arg(args, 0, 5000), arg(args, 1, 8), arg(args, 2, 200), arg(args, 3, 1500),
                    args.length > 4 ? Double.parseDouble(args[4].trim()) : 10).run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i].trim()) : fallback;
    }

    // ---- the run -----------------------------------------------------------------------------

    private int run() throws Exception {
        Instant startedAt = Instant.now();
        Path base = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path dataDir = base.resolve("target/bench-data")
                .resolve("callbacks-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()));
        Files.createDirectories(dataDir);
        httpPort = freePort();
        int sftpPort = freePort();
        double loadBefore = loadAverage();
        String code = gitState();
        log("N=%d, clients=%d, M=%d, listings=%d, data dir %s, load %.2f", events, clients, stockOrders, listings,
                dataDir, loadBefore);
        try (FakePostmart fake = new FakePostmart(POSTMART_KEY).start();
             FakeLazada lazada = withLazada
                     ? new FakeLazada(LAZADA_APP_KEY, LAZADA_APP_SECRET, "bench-access", "bench-refresh").start()
                     : null) {
            List<String> settings = new ArrayList<>(List.of(
                    "--server.port=" + httpPort,
                    "--hub.data-dir=" + dataDir,
                    "--hub.security.office-token=" + OFFICE_TOKEN,
                    "--hub.security.operator-token=" + OPERATOR_TOKEN,
                    "--hub.sftp.port=" + sftpPort,
                    "--hub.sftp.host=127.0.0.1",
                    "--HUB_SFTP_PORT=" + sftpPort,
                    "--POSTMART_BASE_URL=" + fake.baseUrl(),
                    "--POSTMART_API_KEY=" + POSTMART_KEY,
                    "--POSTMART_WEBHOOK_SECRET=" + WEBHOOK_SECRET,
                    "--POSTMART_RATE_LIMIT=1000",
                    "--POSTMART_RATE_BURST=1000"));
            if (lazada != null) {
                // content and call limits raised so seeding is quick; stock updates stay far below them
                settings.addAll(List.of(
                        "--LAZADA_BASE_URL=" + lazada.baseUrl(),
                        "--LAZADA_AUTH_URL=" + lazada.authUrl(),
                        "--LAZADA_APP_KEY=" + LAZADA_APP_KEY,
                        "--LAZADA_APP_SECRET=" + LAZADA_APP_SECRET,
                        "--LAZADA_ACCESS_TOKEN=bench-access",
                        "--LAZADA_REFRESH_TOKEN=bench-refresh",
                        "--LAZADA_CONTENT_RATE_LIMIT=500",
                        "--LAZADA_RATE_LIMIT=500",
                        "--LAZADA_RATE_BURST=100"));
            }
            if (pollMillis != null) {
                settings.add("--hub.partner-messages.poll-millis=" + pollMillis);
            }
            long bootStart = System.nanoTime();
            ConfigurableApplicationContext ctx = BenchSupport.startHub(base, logLevel, settings);
            double boot = seconds(System.nanoTime() - bootStart);
            log("hub started in %.1f s on port %d", boot, httpPort);
            try {
                measure(ctx, fake, lazada, startedAt, boot, loadBefore, code);
            } finally {
                ctx.close();
            }
        }
        report.forEach(System.out::println);
        return problems.isEmpty() ? 0 : 1;
    }

    private void measure(ConfigurableApplicationContext ctx, FakePostmart fake, FakeLazada lazada, Instant startedAt,
                         double boot, double loadBefore, String code) throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        DeadLetterQueues queues = ctx.getBean(DeadLetterQueues.class);
        List<String> partners = ctx.getBean(PartnerRegistry.class).active().stream().map(Partner::name).sorted().toList();
        log("active partners: %s", partners);

        // ---- seed ---------------------------------------------------------------------------
        long seedStart = System.nanoTime();
        seed();
        await("every marketplace holds every eligible listing",
                () -> partners.stream().allMatch(p -> settled(jdbc, p)));
        List<String> skus = new ArrayList<>(fake.products().keySet());
        Collections.sort(skus);
        awaitQuiet(jdbc, queues, fake, partners);
        log("seeded in %.1f s: %d listings at Postmart", seconds(System.nanoTime() - seedStart), skus.size());
        if (lazada != null) {
            // the stock run needs listings both marketplaces hold
            skus.removeIf(sku -> lazada.item(sku).filter(FakeLazadaItem::active).isEmpty());
            log("%d listings at both Postmart and Lazada", skus.size());
        }
        if (skus.size() <= stockOrders) {
            throw new IllegalStateException("only " + skus.size() + " listings at Postmart, need more than M=" + stockOrders);
        }
        List<String> stockSkus = skus.subList(0, stockOrders);
        List<String> orderSkus = skus.subList(stockOrders, skus.size());

        Phase accept = null;
        Phase dup = null;
        Processing acceptDone = null;
        Processing dupDone = null;
        long acceptEvents = 0;
        long dupEvents = 0;
        long effects = 0;
        if (events > 0) {
            // ---- 1: distinct events ---------------------------------------------------------------
            List<Callback> distinct = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                distinct.add(callback("bench-a-" + i, "BA-" + i, orderSkus.get(i % orderSkus.size())));
            }
            long ordersBefore = orderEvents(jdbc);
            accept = send(distinct);
            acceptDone = awaitProcessed(jdbc, "event bench-a-%", events, accept.firstSentWall());
            acceptEvents = orderEvents(jdbc) - ordersBefore;
            check(accept.non2xx() == 0, "distinct run: " + accept.non2xx() + " answers were not 202: " + accept.statuses());
            check(acceptDone.stored() == events, "distinct run: " + acceptDone.stored() + " messages stored, expected " + events);
            check(acceptDone.failed() == 0, "distinct run: " + acceptDone.failed() + " messages FAILED, e.g. "
                    + acceptDone.sampleError());
            check(acceptEvents == events, "distinct run: " + acceptEvents + " ORDER events, expected " + events);

            // ---- 2: every event twice ---------------------------------------------------------------
            List<Callback> twice = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                Callback c = callback("bench-b-" + i, "BB-" + i, orderSkus.get(i % orderSkus.size()));
                twice.add(c);
                twice.add(c);
            }
            Collections.shuffle(twice, new Random(20261123L));
            ordersBefore = orderEvents(jdbc);
            dup = send(twice);
            dupDone = awaitProcessed(jdbc, "event bench-b-%", events, dup.firstSentWall());
            dupEvents = orderEvents(jdbc) - ordersBefore;
            check(dup.non2xx() == 0, "duplicate run: " + dup.non2xx() + " answers were not 202: " + dup.statuses());
            check(dupDone.stored() == events, "duplicate run: " + dupDone.stored() + " messages stored for " + events
                    + " distinct events sent twice");
            check(dupDone.failed() == 0, "duplicate run: " + dupDone.failed() + " messages FAILED, e.g. " + dupDone.sampleError());
            check(dupEvents == events, "duplicate run: " + dupEvents + " ORDER events for " + events + " distinct events");
            effects = count(jdbc, "select count(*) from order_stock_effect where partner = 'postmart' "
                    + "and partner_order_id like 'BB-%'");
            check(effects == events, "duplicate run: " + effects + " order_stock_effect rows, expected " + events);
        }

        // ---- 3: order → new stock at Postmart ----------------------------------------------------
        awaitQuiet(jdbc, queues, fake, partners);
        StockResult stock = stockLatency(fake, lazada, stockSkus);

        // ---- 5: Lazada pushes ----------------------------------------------------------------------
        int lazadaEvents = Integer.getInteger("bench.lazadaEvents", 0);
        Phase pushes = null;
        Processing pushesDone = null;
        long lazadaOrders = 0;
        if (lazada != null && lazadaEvents > 0) {
            awaitQuiet(jdbc, queues, fake, partners);
            List<Callback> list = new ArrayList<>();
            for (int i = 0; i < lazadaEvents; i++) {
                list.add(lazadaPush(lazada, 900_000_000L + i, orderSkus.get(i % orderSkus.size())));
            }
            long before = count(jdbc, "select count(*) from producer_event where partner = 'lazada' and type = 'ORDER'");
            pushes = send(list);
            pushesDone = awaitProcessedFor(jdbc, "lazada", "0|9%", lazadaEvents, pushes.firstSentWall());
            lazadaOrders = count(jdbc, "select count(*) from producer_event where partner = 'lazada' and type = 'ORDER'")
                    - before;
            check(pushes.non2xx() == 0, "Lazada run: " + pushes.non2xx() + " answers were not 200: " + pushes.statuses());
            check(pushesDone.stored() == lazadaEvents, "Lazada run: " + pushesDone.stored() + " messages stored, expected "
                    + lazadaEvents);
            check(pushesDone.failed() == 0, "Lazada run: " + pushesDone.failed() + " messages FAILED, e.g. "
                    + pushesDone.sampleError());
            check(lazadaOrders == lazadaEvents, "Lazada run: " + lazadaOrders + " ORDER events, expected " + lazadaEvents);
        }

        // ---- report ---------------------------------------------------------------------------
        double loadAfter = loadAverage();
        report.add("");
        report.add("### Callback benchmark: N=" + events + ", " + clients + " clients, M=" + stockOrders + " ("
                + startedAt.toString().substring(0, 19) + "Z)");
        report.add("");
        report.add("| Setting | Value |");
        report.add("|---|---|");
        row("Active partners", String.join(", ", partners));
        row("Listings seeded (stock " + STOCK + " each) / at Postmart", listings + " / " + skus.size());
        row("Postmart rate limit / burst", "1000 req/s / 1000");
        if (lazada != null) {
            row("Lazada content / call rate limit / burst", "500 / 500 req/s / 100");
        }
        row("Partner message worker period / batch", ctx.getEnvironment().getProperty("hub.partner-messages.poll-millis",
                "1000 (shipped)") + " / " + ctx.getEnvironment().getProperty("hub.partner-messages.batch-size",
                "50 (shipped)") + " (ms / messages)");
        row("CPU cores / load average (1 min) before → after (max seen)", Runtime.getRuntime().availableProcessors()
                + " / " + String.format(Locale.ROOT, "%.2f → %.2f (%.2f)", loadBefore, loadAfter,
                Math.max(maxLoad, loadAfter)));
        row("JVM / max heap", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " / "
                + BenchSupport.mib(Runtime.getRuntime().maxMemory()) + " MiB");
        row("Hub start-up", String.format(Locale.ROOT, "%.1f s", boot));
        row("Code under test (at start)", code);
        report.add("");
        if (events > 0) {
            report.add("| Result | Requests | Accepted/s | p50 | p95 | p99 | max | Worked (all messages processed) |");
            report.add("|---|---|---|---|---|---|---|---|");
            phaseRow("1. " + events + " distinct order events, " + clients + " clients", accept, acceptDone);
            phaseRow("2. " + events + " events each sent twice, " + clients + " clients", dup, dupDone);
            report.add("");
        }
        if (pushes != null) {
            report.add("| Result | Requests | Accepted/s | p50 | p95 | p99 | max | Worked (all messages processed) |");
            report.add("|---|---|---|---|---|---|---|---|");
            phaseRow("5. " + lazadaEvents + " distinct Lazada trade order pushes, " + clients + " clients", pushes,
                    pushesDone);
            report.add("");
        }
        report.add("| Check | Value |");
        report.add("|---|---|");
        if (events > 0) {
            row("1. messages stored / FAILED / ORDER events", acceptDone.stored() + " / " + acceptDone.failed() + " / "
                    + acceptEvents + " (expected " + events + " / 0 / " + events + ")");
            row("2. messages stored / FAILED / ORDER events / stock effects", dupDone.stored() + " / " + dupDone.failed()
                    + " / " + dupEvents + " / " + effects + " (expected " + events + " / 0 / " + events + " / " + events + ")");
        }
        row("3. order callback → PATCH inventory at Postmart", stock.summary());
        row("3. PATCHes carrying the expected stock", stock.matching() + " of " + stockOrders);
        if (lazada != null) {
            row("3. order callback → new quantity on the Lazada item (polled every 10 ms)", stock.lazadaSummary());
        }
        if (pushes != null) {
            row("5. Lazada messages stored / FAILED / ORDER events", pushesDone.stored() + " / " + pushesDone.failed()
                    + " / " + lazadaOrders + " (expected " + lazadaEvents + " / 0 / " + lazadaEvents + ")");
        }
        row("Verdict", problems.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", problems));
    }

    // ---- seeding ----------------------------------------------------------------------------

    private void seed() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        new ListingGenerator(ListingGenerator.DEFAULT_SEED).stream(listings, 1).forEach(node -> {
            node.put("stock", STOCK);
            ndjson.append(node).append('\n');
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/feeds?mode=delta")))
                .header("Authorization", "Bearer " + OFFICE_TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        log("feed answered %d: %s", answer.statusCode(), answer.body().length() > 300
                ? answer.body().substring(0, 300) : answer.body());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("feed refused: " + answer.statusCode());
        }
    }

    private boolean settled(JdbcTemplate jdbc, String partner) {
        Map<String, Long> states = new TreeMap<>();
        jdbc.query("select state, count(*) from binding where partner = ? group by state",
                rs -> {
                    states.put(rs.getString(1), rs.getLong(2));
                }, partner);
        long total = states.values().stream().mapToLong(Long::longValue).sum();
        return total == listings && states.getOrDefault("PENDING", 0L) == 0;
    }

    /** Nothing left to relay or deliver, and the fake has heard nothing for a second. */
    private void awaitQuiet(JdbcTemplate jdbc, DeadLetterQueues queues, FakePostmart fake, List<String> partners) {
        await("the hub is idle", () -> {
            long depth = partners.stream().map(p -> queues.depth(Destinations.partnerQueue(p)))
                    .mapToLong(d -> d == null ? 0 : d).sum();
            List<RecordedRequest> seen = fake.requests();
            Instant last = seen.isEmpty() ? Instant.EPOCH : seen.get(seen.size() - 1).arrivedAt();
            return count(jdbc, "select count(*) from outbox") == 0 && depth == 0
                    && count(jdbc, "select count(*) from partner_message where state = 'RECEIVED'") == 0
                    && Duration.between(last, Instant.now()).toMillis() > 1000;
        });
    }

    // ---- callbacks --------------------------------------------------------------------------

    /** A signed callback; {@code lazada} ones go to /callbacks/lazada, which answers 200, the rest to Postmart's. */
    private record Callback(String eventId, String orderId, String sku, byte[] body, String signature, boolean lazada) {
    }

    private Callback callback(String eventId, String orderId, String sku) {
        ObjectNode body = json.createObjectNode().put("type", "order.created")
                .put("occurredAt", Instant.now().toString());
        ObjectNode order = body.putObject("order").put("orderId", orderId).put("status", "created");
        order.putArray("lines").addObject().put("sellerSku", sku).put("quantity", 1).put("unitPrice", 50_000);
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        return new Callback(eventId, orderId, sku, raw, PostmartWebhookSignature.of(WEBHOOK_SECRET, raw), false);
    }

    /**
     * A Lazada trade order push: thin, so the worker asks the fake for the order's items, which it
     * is given here first. Signed by the fake's own signer (app secret over app key + body).
     */
    private Callback lazadaPush(FakeLazada lazada, long orderId, String sku) {
        FakeLazadaItem item = lazada.item(sku).orElseThrow();
        lazada.putOrder(String.valueOf(orderId), List.of(new FakeLazada.OrderUnit(sku, item.itemId(), item.skuId(),
                "50000.00", "pending")));
        ObjectNode body = json.createObjectNode().put("seller_id", "200123456").put("message_type", 0);
        body.putObject("data").put("order_status", "pending").put("trade_order_id", String.valueOf(orderId))
                .put("trade_order_line_id", String.valueOf(orderId * 10 + 1))
                .put("status_update_time", Instant.now().getEpochSecond());
        body.put("timestamp", System.currentTimeMillis()).put("site", "lazada_vn");
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        return new Callback(null, String.valueOf(orderId), sku, raw, lazada.signPush(raw), true);
    }

    private HttpResponse<Void> post(Callback c) throws Exception {
        if (c.lazada()) {
            return client.send(HttpRequest.newBuilder(URI.create(url("/callbacks/lazada")))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", c.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build(), HttpResponse.BodyHandlers.discarding());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/callbacks/postmart")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header(PostmartWebhookSignature.HEADER, c.signature())
                .header(PostmartWebhookSignature.EVENT_ID_HEADER, c.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private record Phase(int requests, double seconds, long[] latencyNanos, long non2xx, Map<Integer, Integer> statuses,
                         Instant firstSentWall) {
    }

    /** Sends every callback once, from {@code clients} threads taking the next one in turn. */
    private Phase send(List<Callback> callbacks) throws InterruptedException {
        long[] latency = new long[callbacks.size()];
        int[] status = new int[callbacks.size()];
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        Instant firstWall = Instant.now();
        long t0 = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < callbacks.size(); i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        status[i] = post(callbacks.get(i)).statusCode();
                    } catch (Exception e) {
                        status[i] = -1;
                    }
                    latency[i] = System.nanoTime() - start;
                }
            }, "bench-client-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double took = seconds(System.nanoTime() - t0);
        long non2xx = 0;
        for (int s : status) {
            statuses.merge(s, 1, Integer::sum);
            if (s != (callbacks.get(0).lazada() ? 200 : 202)) {
                non2xx++;
            }
        }
        maxLoad = Math.max(maxLoad, loadAverage());
        log("sent %d callbacks in %.2f s: %s", callbacks.size(), took, statuses);
        return new Phase(callbacks.size(), took, latency, non2xx, new TreeMap<>(statuses), firstWall);
    }

    private record Processing(long stored, long failed, double lastProcessedSeconds, String sampleError) {
    }

    /** Waits until no message of the run is RECEIVED; when the last one was processed, by the hub's clock. */
    private Processing awaitProcessed(JdbcTemplate jdbc, String dedupLike, int expected, Instant firstSent) {
        return awaitProcessedFor(jdbc, "postmart", dedupLike, expected, firstSent);
    }

    private Processing awaitProcessedFor(JdbcTemplate jdbc, String partner, String dedupLike, int expected,
                                         Instant firstSent) {
        await("the worker took every message like " + dedupLike, () -> count(jdbc,
                "select count(*) from partner_message where partner = '" + partner + "' and dedup_key like '" + dedupLike
                        + "' and state = 'RECEIVED'") == 0
                && count(jdbc, "select count(*) from partner_message where partner = '" + partner + "' and dedup_key like '"
                + dedupLike + "'") >= expected);
        long stored = count(jdbc, "select count(*) from partner_message where partner = '" + partner + "' and dedup_key like '"
                + dedupLike + "'");
        long failed = count(jdbc, "select count(*) from partner_message where partner = '" + partner + "' and dedup_key like '"
                + dedupLike + "' and state = 'FAILED'");
        Timestamp last = jdbc.queryForObject("select max(processed_at) from partner_message where partner = '" + partner + "' "
                + "and dedup_key like '" + dedupLike + "'", Timestamp.class);
        List<String> errors = jdbc.queryForList("select last_error from partner_message where partner = '" + partner + "' "
                + "and dedup_key like '" + dedupLike + "' and state = 'FAILED' fetch first 1 rows only", String.class);
        double lastSeconds = last == null ? Double.NaN
                : Duration.between(firstSent, last.toInstant()).toNanos() / 1e9;
        maxLoad = Math.max(maxLoad, loadAverage());
        return new Processing(stored, failed, lastSeconds, errors.isEmpty() ? "-" : errors.get(0));
    }

    private static long orderEvents(JdbcTemplate jdbc) {
        return count(jdbc, "select count(*) from producer_event where partner = 'postmart' and type = 'ORDER'");
    }

    // ---- stock latency ------------------------------------------------------------------------

    private record StockResult(long[] latencyNanos, int arrived, int matching, String summary, String lazadaSummary) {
    }

    private StockResult stockLatency(FakePostmart fake, FakeLazada lazada, List<String> skus) throws Exception {
        Map<String, Integer> before = new TreeMap<>();
        for (String sku : skus) {
            before.put(sku, fake.product(sku).map(p -> p.path("stock").asInt()).orElse(-1));
        }
        Instant[] sentAt = new Instant[skus.size()];
        LazadaWatch watch = lazada == null ? null : new LazadaWatch(lazada, skus, sentAt);
        long gapNanos = (long) (1e9 / stockRate);
        long t0 = System.nanoTime();
        for (int i = 0; i < skus.size(); i++) {
            long due = t0 + i * gapNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Callback c = callback("bench-c-" + i, "BC-" + i, skus.get(i));
            sentAt[i] = Instant.now();
            int status = post(c).statusCode();
            if (status != 202) {
                problems.add("stock run: callback for " + skus.get(i) + " answered " + status);
            }
        }
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < skus.size(); i++) {
            index.put(skus.get(i), i);
        }
        if (watch != null) {
            watch.await(Duration.ofMinutes(3));
        }
        RecordedRequest[] first = new RecordedRequest[skus.size()];
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int arrived = 0;
        while (System.nanoTime() < deadline) {
            arrived = 0;
            for (RecordedRequest r : fake.requests()) {
                if (!r.method().equals("PATCH") || !r.path().endsWith("/inventory")) {
                    continue;
                }
                String sku = r.path().substring("/v1/products/".length(), r.path().length() - "/inventory".length());
                Integer i = index.get(sku);
                if (i != null && first[i] == null && !r.arrivedAt().isBefore(sentAt[i])) {
                    first[i] = r;
                }
            }
            arrived = (int) Arrays.stream(first).filter(r -> r != null).count();
            if (arrived == skus.size()) {
                break;
            }
            Thread.sleep(200);
        }
        maxLoad = Math.max(maxLoad, loadAverage());
        List<Long> latencies = new ArrayList<>();
        int matching = 0;
        for (int i = 0; i < skus.size(); i++) {
            if (first[i] == null) {
                continue;
            }
            latencies.add(Duration.between(sentAt[i], first[i].arrivedAt()).toNanos());
            int quantity = json.readTree(first[i].body()).path("quantity").asInt(-1);
            if (quantity == before.get(skus.get(i)) - 1) {
                matching++;
            }
        }
        check(arrived == skus.size(), "stock run: " + (skus.size() - arrived) + " of " + skus.size()
                + " listings got no inventory PATCH within 3 minutes");
        check(matching == arrived, "stock run: " + (arrived - matching) + " first PATCHes did not carry stock − 1");
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String summary = sorted.length == 0 ? "none arrived" : String.format(Locale.ROOT,
                "%d orders at %s/s, one client: p50 %s, p95 %s, p99 %s, max %s (min %s)", skus.size(), fmt(stockRate),
                ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]), ms(sorted[0]));
        log("stock: %s", summary);
        return new StockResult(sorted, arrived, matching, summary, watch == null ? "-" : watch.summary());
    }

    /**
     * Notes when each Lazada item first shows its stock less one, polling every 10 ms: the fake keeps
     * no arrival times. Polling starts before the first callback, so nothing is missed.
     */
    private final class LazadaWatch {
        private final FakeLazada lazada;
        private final List<String> skus;
        private final Instant[] sentAt;
        private final int[] before;
        private final Instant[] seenAt;
        private final Thread thread;
        private volatile boolean running = true;

        LazadaWatch(FakeLazada lazada, List<String> skus, Instant[] sentAt) {
            this.lazada = lazada;
            this.skus = skus;
            this.sentAt = sentAt;
            this.before = new int[skus.size()];
            this.seenAt = new Instant[skus.size()];
            for (int i = 0; i < skus.size(); i++) {
                before[i] = lazada.item(skus.get(i)).map(FakeLazadaItem::quantity).orElse(-1);
            }
            thread = new Thread(this::loop, "bench-lazada-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                for (int i = 0; i < skus.size(); i++) {
                    if (seenAt[i] == null && sentAt[i] != null) {
                        int quantity = lazada.item(skus.get(i)).map(FakeLazadaItem::quantity).orElse(-1);
                        if (quantity == before[i] - 1) {
                            seenAt[i] = Instant.now();
                        }
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void await(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline && Arrays.stream(seenAt).anyMatch(s -> s == null)) {
                Thread.sleep(100);
            }
            running = false;
            thread.join(5_000);
        }

        String summary() {
            long[] sorted = new long[skus.size()];
            int n = 0;
            for (int i = 0; i < skus.size(); i++) {
                if (seenAt[i] != null) {
                    sorted[n++] = Duration.between(sentAt[i], seenAt[i]).toNanos();
                }
            }
            check(n == skus.size(), "stock run: " + (skus.size() - n) + " of " + skus.size()
                    + " Lazada items never showed stock − 1 within 3 minutes");
            if (n == 0) {
                return "none arrived";
            }
            sorted = Arrays.copyOf(sorted, n);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%d of %d: p50 %s, p95 %s, p99 %s, max %s (min %s)", n, skus.size(),
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                    ms(sorted[n - 1]), ms(sorted[0]));
        }
    }

    // ---- small helpers ------------------------------------------------------------------------

    private void phaseRow(String name, Phase phase, Processing done) {
        long[] sorted = phase.latencyNanos().clone();
        Arrays.sort(sorted);
        report.add(String.format(Locale.ROOT, "| %s | %d in %.2f s | %s | %s | %s | %s | %s | %.1f s after the first "
                        + "send (%s messages/s) |", name, phase.requests(), phase.seconds(),
                fmt(Math.round(phase.requests() / phase.seconds())), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]),
                done.lastProcessedSeconds(), fmt(Math.round(done.stored() / done.lastProcessedSeconds()))));
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private void row(String name, String value) {
        report.add("| " + name + " | " + value.replace("|", "\\|") + " |");
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            log("CHECK FAILED: %s", problem);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long nextLog = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            if (System.nanoTime() >= nextLog) {
                log("waiting until %s (load %.2f)", what, loadAverage());
                nextLog = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        maxLoad = Math.max(maxLoad, loadAverage());
    }
}
