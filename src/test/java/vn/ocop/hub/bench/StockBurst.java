package vn.ocop.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.fakes.ArrivalLog;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.model.Listing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import static vn.ocop.hub.bench.BenchSupport.fmt;
import static vn.ocop.hub.bench.BenchSupport.loadAverage;
import static vn.ocop.hub.bench.BenchSupport.log;
import static vn.ocop.hub.bench.BenchSupport.seconds;

/**
 * The stock-burst phase of {@link FanOutBenchmark} ({@code -Dbench.stockBurst=true}, with the
 * marketplaces): once the feed has settled, one stock change for every marketplace-eligible
 * listing through the office API, sent as fast as a few clients can, like a chain's stock report
 * or a flood of orders. It then waits until each marketplace's fake shows every new stock and
 * reports how long that took and what it cost in requests: Shopee sets one item's stock per call,
 * Lazada's changes are staged and sent up to 50 SKUs per call.
 */
final class StockBurst {

    /** The marketplaces whose fake shows a live item's stock; Tiki's is explained by {@link #TIKI_NOT_CHECKED}. */
    static final List<String> CHECKED = List.of("shopee", "lazada");
    static final String TIKI_NOT_CHECKED = "not checked: in this benchmark every Tiki item is a product request in"
            + " review (PENDING_APPROVAL; the fake approves nothing by itself). For such a request the hub keeps the"
            + " new stock in its own journal (TikiCreateJournal) and sends it with updateSku only once Tiki approves,"
            + " so the fake never shows it; its requests during the phase are listed for what they cost";
    private static final long POLL_MILLIS = 100;
    /** Lazada's own ceiling ("do not update more than 50 SKUs at once"), not the hub's constant: that is what is checked. */
    private static final int LAZADA_MAX_SKUS = 50;

    private final MarketplaceFakes market;
    private final Map<String, ConnectorConfig> configs;
    private final JdbcTemplate jdbc;
    private final URI api;
    private final String officeToken;
    private final int clients = Integer.getInteger("bench.stockBurstClients", 4);
    private final List<String> problems = new ArrayList<>();

    StockBurst(MarketplaceFakes market, Map<String, ConnectorConfig> configs, JdbcTemplate jdbc, int httpPort,
               String officeToken) {
        this.market = market;
        this.configs = configs;
        this.jdbc = jdbc;
        this.api = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/listings/");
        this.officeToken = officeToken;
    }

    /** One listing's stock change: what the office sends. */
    private record Change(Listing listing, int newStock) {

        Listing changed() {
            return listing.withStock(newStock, listing.version());
        }
    }

    /** What one marketplace did with the burst. */
    record PartnerOutcome(String partner, int eligible, double visibleSeconds, int stockRequests,
                          Map<String, Long> byPath, MarketplaceFakes.Pace pace, MarketplaceFakes.Check check) {

        /** One call per listing through a full token bucket: the burst goes at once, the rest at the rate. */
        double unbatchedSeconds() {
            return Math.max(0, eligible - pace.burst()) / pace.limit();
        }
    }

    record Outcome(int listings, int clients, double sentSeconds, Map<Integer, Long> answers, double loadBefore,
                   double loadAfter, double phaseSeconds, List<PartnerOutcome> partners,
                   MarketplaceFakes.LazadaBatches lazada, Map<String, Long> tikiByPath, List<String> problems) {

        /** The report's rows, for the benchmark's own table writer. */
        void describe(BiConsumer<String, String> row) {
            row.accept("Stock burst: listings changed / client threads", listings + " / " + clients);
            row.accept("Stock burst: load average (1 min) at start → end", String.format(Locale.ROOT, "%.2f → %.2f",
                    loadBefore, loadAfter));
            row.accept("Stock burst: all PUTs answered", String.format(Locale.ROOT, "%.2f s after the first (%s PUT/s);"
                    + " answers %s", sentSeconds, fmt(listings / sentSeconds), answers));
            for (PartnerOutcome p : partners) {
                String name = "Stock burst, " + p.partner() + ": ";
                row.accept(name + "first PUT → every new stock visible at the fake", Double.isNaN(p.visibleSeconds())
                        ? "NOT REACHED" : String.format(Locale.ROOT, "%.2f s (fake polled every %d ms)",
                        p.visibleSeconds(), POLL_MILLIS));
                row.accept(name + "stock-update requests (" + MarketplaceFakes.stockUpdatePath(p.partner()) + ")",
                        String.format(Locale.ROOT, "%d for %d listings = %.3f per listing; without batching (one per"
                                + " listing) %d, which the rateLimit lets out in %.1f s at the least",
                                p.stockRequests(), p.eligible(), (double) p.stockRequests() / p.eligible(),
                                p.eligible(), p.unbatchedSeconds()));
                row.accept(name + "all requests during the phase", p.byPath().toString());
                row.accept(name + "busiest 1 s window, all requests", p.pace().describe());
                row.accept(name + "final price and stock", p.check().summary());
            }
            if (lazada != null) {
                row.accept("Stock burst, lazada: SKUs per price_quantity call", lazada.describe());
            }
            row.accept("Stock burst, tiki", TIKI_NOT_CHECKED + "; requests during the phase: " + tikiByPath);
            row.accept("Stock burst: phase length (first PUT → every checked marketplace showing the new stock and"
                    + " no marketplace binding PENDING)", String.format(Locale.ROOT, "%.2f s", phaseSeconds));
            row.accept("Stock burst: checks (≤ " + LAZADA_MAX_SKUS + " SKUs per Lazada call; every final stock right"
                    + " at " + String.join(", ", CHECKED) + ")", problems.isEmpty() ? "PASS"
                    : "FAIL: " + String.join("; ", problems));
        }
    }

    /**
     * @param listings      every listing eligible at a marketplace, as the feed sent it
     * @param eligibleSkus  per marketplace, the SKUs it holds
     * @param timeoutSeconds how long to wait for the fakes to show the new stock
     */
    Outcome run(List<Listing> listings, Map<String, Set<String>> eligibleSkus,
                long timeoutSeconds) throws Exception {
        List<Change> changes = changes(listings);
        Map<String, Map<String, MarketplaceFakes.Expected>> expected = new TreeMap<>();
        for (String partner : CHECKED) {
            expected.put(partner, expectedAfter(partner, changes, eligibleSkus.get(partner)));
        }
        int lazadaCallsBefore = market.lazada.requests(FakeLazada.PRICE_QUANTITY).size();
        double loadBefore = loadAverage();
        log("stock burst: %d stock changes with %d clients, load average %.2f", changes.size(), clients, loadBefore);

        long t0 = System.nanoTime();
        Map<Integer, Long> answers = send(changes);
        double sentSeconds = seconds(System.nanoTime() - t0);
        log("stock burst: every PUT answered after %.2f s: %s", sentSeconds, answers);

        long deadline = t0 + Duration.ofSeconds(timeoutSeconds).toNanos();
        Map<String, Long> visibleAt = awaitVisible(expected, deadline);
        awaitNothingPending(deadline);
        long phaseEnd = System.nanoTime();

        List<PartnerOutcome> partners = new ArrayList<>();
        for (String partner : CHECKED) {
            partners.add(outcome(partner, t0, visibleAt.get(partner), expected.get(partner)));
        }
        MarketplaceFakes.LazadaBatches lazada = market.lazadaBatchesFrom(lazadaCallsBefore);
        if (lazada.most() > LAZADA_MAX_SKUS) {
            problems.add("a Lazada price_quantity call carried " + lazada.most() + " SKUs, more than "
                    + LAZADA_MAX_SKUS);
        }
        if (lazada.failedCalls() > 0) {
            problems.add(lazada.failedCalls() + " Lazada price_quantity calls were not answered with success");
        }
        Map<String, Long> tiki = MarketplaceFakes.byPath(market.tiki.arrivalLog().arrivalsSince(t0, p -> true));
        return new Outcome(changes.size(), clients, sentSeconds, answers, loadBefore, loadAverage(),
                seconds(phaseEnd - t0), partners, lazada, tiki, List.copyOf(problems));
    }

    /** A new stock per listing that differs from the fed one, and not all by the same amount. */
    private static List<Change> changes(List<Listing> listings) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            Listing listing = listings.get(i);
            changes.add(new Change(listing, listing.stock() + 17 + i % 7));
        }
        return changes;
    }

    private Map<String, MarketplaceFakes.Expected> expectedAfter(String partner, List<Change> changes,
                                                                  Set<String> skus) {
        Map<String, MarketplaceFakes.Expected> expected = new HashMap<>();
        for (Change change : changes) {
            if (skus.contains(change.listing().sku())) {
                expected.put(change.listing().sku(), MarketplaceFakes.Expected.of(configs.get(partner), change.changed()));
            }
        }
        return expected;
    }

    // ---- the burst ------------------------------------------------------------------------------

    /** Every change as one PUT, from a few client threads at once; answers counted by HTTP status (-1: none). */
    private Map<Integer, Long> send(List<Change> changes) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ObjectMapper json = new ObjectMapper();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-stock-client");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (Change change : changes) {
                sent.add(pool.submit(() -> client.send(put(json, change), HttpResponse.BodyHandlers.ofString())));
            }
            Map<Integer, Long> answers = new TreeMap<>();
            for (int i = 0; i < sent.size(); i++) {
                String ocopId = changes.get(i).listing().ocopId();
                HttpResponse<String> answer;
                try {
                    answer = sent.get(i).get();
                } catch (ExecutionException failed) {
                    answers.merge(-1, 1L, Long::sum);
                    problems.add("stock PUT for " + ocopId + " got no answer: " + failed.getCause());
                    continue;
                }
                answers.merge(answer.statusCode(), 1L, Long::sum);
                String change = answer.statusCode() == 202 ? json.readTree(answer.body()).path("change").asText() : "";
                if (!"STOCK_CHANGED".equals(change)) {
                    problems.add("stock PUT for " + ocopId + " answered " + answer.statusCode() + ": " + answer.body());
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest put(ObjectMapper json, Change change) throws IOException {
        byte[] body = json.writeValueAsBytes(Map.of("quantity", change.newStock()));
        return HttpRequest.newBuilder(api.resolve(change.listing().ocopId() + "/stock"))
                .header("Authorization", "Bearer " + officeToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    // ---- waiting for the fakes --------------------------------------------------------------------

    /** nanoTime at which each fake first held every expected price and stock; absent if it never did. */
    private Map<String, Long> awaitVisible(Map<String, Map<String, MarketplaceFakes.Expected>> expected,
                                           long deadline) throws InterruptedException {
        Map<String, Long> visibleAt = new LinkedHashMap<>();
        while (visibleAt.size() < expected.size() && System.nanoTime() < deadline) {
            for (Map.Entry<String, Map<String, MarketplaceFakes.Expected>> e : expected.entrySet()) {
                if (!visibleAt.containsKey(e.getKey()) && market.holding(e.getKey()).against(e.getValue()).ok()) {
                    // read after the look, not before: the time is an upper bound, never early
                    visibleAt.put(e.getKey(), System.nanoTime());
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        expected.keySet().stream().filter(p -> !visibleAt.containsKey(p))
                .forEach(p -> problems.add(p + " did not show every new stock within the stock burst's timeout"));
        return visibleAt;
    }

    /**
     * The fakes can show the stock before the hub has recorded its answer (Lazada's bindings go
     * from PENDING to SYNCED after the call): wait for that too, so that every request the burst
     * caused is counted and none of a later phase is.
     */
    private void awaitNothingPending(long deadline) throws InterruptedException {
        String partners = String.join("','", MarketplaceFakes.PARTNERS);
        while (System.nanoTime() < deadline) {
            Long pending = jdbc.queryForObject("select count(*) from binding where state = 'PENDING' and partner in ('"
                    + partners + "')", Long.class);
            if (pending != null && pending == 0) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        problems.add("marketplace bindings still PENDING when the stock burst timed out");
    }

    private PartnerOutcome outcome(String partner, long t0, Long visibleAt,
                                   Map<String, MarketplaceFakes.Expected> expected) {
        ArrivalLog log = market.arrivalLog(partner);
        String path = MarketplaceFakes.stockUpdatePath(partner);
        int stockRequests = log.arrivalsSince(t0, path::equals).size();
        MarketplaceFakes.Pace pace = market.paceSince(partner, configs.get(partner), t0, visibleAt);
        if (pace.exceeded()) {
            problems.add("rate limit exceeded during the stock burst: " + pace.describe());
        }
        MarketplaceFakes.Check check = market.holding(partner).against(expected);
        if (!check.ok()) {
            problems.add(partner + " after the stock burst: " + check.summary());
        }
        return new PartnerOutcome(partner, expected.size(), visibleAt == null ? Double.NaN : seconds(visibleAt - t0),
                stockRequests, MarketplaceFakes.byPath(log.arrivalsSince(t0, p -> true)), pace, check);
    }
}
