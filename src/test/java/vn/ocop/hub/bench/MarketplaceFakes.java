package vn.ocop.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.shopee.ImageSource;
import vn.ocop.hub.connector.shopee.ShopeeConnector;
import vn.ocop.hub.fakes.ArrivalLog;
import vn.ocop.hub.fakes.lazada.FakeLazada;
import vn.ocop.hub.fakes.lazada.FakeLazadaItem;
import vn.ocop.hub.fakes.lazada.FakeLazadaRequest;
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.fakes.shopee.ShopeeItem;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.fakes.tiki.FakeTikiRequest;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.store.PartnerMediaStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Shopee, Lazada and Tiki for {@link FanOutBenchmark}, played by the test fakes: starts them with
 * benchmark credentials, says which settings the hub needs to reach them, and afterwards compares
 * what each fake holds and how fast it was called with what the hub was configured to do.
 */
final class MarketplaceFakes implements AutoCloseable {

    static final List<String> PARTNERS = List.of("shopee", "lazada", "tiki");
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private static final long SHOPEE_PARTNER_ID = 2_000_777;
    private static final String SHOPEE_PARTNER_KEY = "bench-shopee-" + UUID.randomUUID();
    private static final long SHOPEE_SHOP_ID = 14_000_777;
    private static final String LAZADA_APP_KEY = "100777";
    private static final String LAZADA_APP_SECRET = "bench-lazada-" + UUID.randomUUID();
    private static final String LAZADA_ACCESS = "bench-lazada-access";
    private static final String LAZADA_REFRESH = "bench-lazada-refresh";
    private static final String TIKI_CLIENT_ID = "7590000777";
    private static final String TIKI_CLIENT_SECRET = "bench-tiki-" + UUID.randomUUID();
    private static final long TIKI_WAREHOUSE = 1034;

    final FakeShopee shopee;
    final FakeLazada lazada;
    final FakeTiki tiki;
    private final Map<String, String> overrides;

    /**
     * @param overrides hub settings that replace the shipped defaults, e.g. {@code SHOPEE_RATE_LIMIT};
     *                  empty to run at the limits connectors-config ships with
     */
    MarketplaceFakes(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
        this.shopee = new FakeShopee(SHOPEE_PARTNER_ID, SHOPEE_PARTNER_KEY, SHOPEE_SHOP_ID).start();
        this.lazada = new FakeLazada(LAZADA_APP_KEY, LAZADA_APP_SECRET, LAZADA_ACCESS, LAZADA_REFRESH).start();
        this.tiki = new FakeTiki(TIKI_CLIENT_ID, TIKI_CLIENT_SECRET, Set.of(TIKI_WAREHOUSE)).start();
    }

    /** Rate-limit overrides from {@code bench.<partner>Rate/Burst} system properties (none: shipped limits). */
    static Map<String, String> overridesFromSystemProperties() {
        Map<String, String> settings = new TreeMap<>();
        put(settings, "SHOPEE_RATE_LIMIT", "bench.shopeeRate");
        put(settings, "SHOPEE_RATE_BURST", "bench.shopeeBurst");
        put(settings, "LAZADA_RATE_LIMIT", "bench.lazadaRate");
        put(settings, "LAZADA_RATE_BURST", "bench.lazadaBurst");
        put(settings, "LAZADA_CONTENT_RATE_LIMIT", "bench.lazadaContentRate");
        put(settings, "TIKI_RATE_LIMIT", "bench.tikiRate");
        put(settings, "TIKI_RATE_BURST", "bench.tikiBurst");
        return settings;
    }

    private static void put(Map<String, String> settings, String name, String property) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            settings.put(name, value.trim());
        }
    }

    Map<String, String> overrides() {
        return overrides;
    }

    /** Command-line properties that point the hub at the fakes (they outrank the environment). */
    List<String> hubArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--SHOPEE_BASE_URL=" + shopee.baseUrl(),
                "--SHOPEE_PARTNER_ID=" + SHOPEE_PARTNER_ID,
                "--SHOPEE_PARTNER_KEY=" + SHOPEE_PARTNER_KEY,
                "--SHOPEE_SHOP_ID=" + SHOPEE_SHOP_ID,
                "--SHOPEE_REFRESH_TOKEN=" + shopee.initialRefreshToken(),
                "--LAZADA_BASE_URL=" + lazada.baseUrl(),
                "--LAZADA_AUTH_URL=" + lazada.authUrl(),
                "--LAZADA_APP_KEY=" + LAZADA_APP_KEY,
                "--LAZADA_APP_SECRET=" + LAZADA_APP_SECRET,
                "--LAZADA_ACCESS_TOKEN=" + LAZADA_ACCESS,
                "--LAZADA_REFRESH_TOKEN=" + LAZADA_REFRESH,
                "--TIKI_BASE_URL=" + tiki.baseUrl(),
                "--TIKI_CLIENT_ID=" + TIKI_CLIENT_ID,
                "--TIKI_CLIENT_SECRET=" + TIKI_CLIENT_SECRET,
                "--TIKI_WAREHOUSE_ID=" + TIKI_WAREHOUSE));
        overrides.forEach((name, value) -> args.add("--" + name + "=" + value));
        return args;
    }

    /**
     * Tiki's fake refuses more than 200 requests in a second, as Tiki does. When the hub's Tiki limit
     * is raised past that for a throughput run, the fake's is raised to the hub's rate + burst, so
     * that the run measures the hub rather than the fake's refusals.
     */
    void fitTikiLimit(ConnectorConfig tikiConfig) {
        int hubCeiling = ceiling(tikiConfig.rateLimit());
        if (hubCeiling > FakeTiki.TIKI_RATE_LIMIT) {
            tiki.rateLimit(hubCeiling);
        }
    }

    /**
     * The generated listings' image URLs point at a host that does not exist, and the hub's Shopee
     * connector downloads every image before uploading it to Shopee. This swaps the downloader for a
     * stub that makes a small JPEG per URL, leaving the rest of the Shopee connector as shipped.
     */
    static ApplicationContextInitializer<ConfigurableApplicationContext> stubShopeeImages() {
        return context -> context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                // the scanned definitions are not there yet; postProcessBeanFactory runs after them
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
                String[] names = factory.getBeanNamesForType(ShopeeConnector.class, true, false);
                if (names.length != 1) {
                    throw new IllegalStateException("expected one ShopeeConnector bean, found " + List.of(names));
                }
                AbstractBeanDefinition definition = (AbstractBeanDefinition) factory.getBeanDefinition(names[0]);
                definition.setInstanceSupplier(() -> new ShopeeConnector(factory.getBean(ObjectMapper.class),
                        factory.getBean(PartnerCredentialStore.class), factory.getBean(PartnerMediaStore.class),
                        factory.getBean(Clock.class), MarketplaceFakes::stubImage));
            }
        });
    }

    /** A JPEG's start and end markers around the URL: enough for the hub's and the fake's checks. */
    private static ImageSource.Image stubImage(String url) {
        byte[] marker = url.getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = new byte[marker.length + 6];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        System.arraycopy(marker, 0, jpeg, 4, marker.length);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        return new ImageSource.Image(jpeg, "image/jpeg");
    }

    @Override
    public void close() {
        shopee.close();
        lazada.close();
        tiki.close();
    }

    // ---- by partner name ------------------------------------------------------------------------

    ArrivalLog arrivalLog(String partner) {
        return switch (partner) {
            case "shopee" -> shopee.arrivalLog();
            case "lazada" -> lazada.arrivalLog();
            case "tiki" -> tiki.arrivalLog();
            default -> throw new IllegalArgumentException("no fake for " + partner);
        };
    }

    Holding holding(String partner) {
        return switch (partner) {
            case "shopee" -> shopeeHolding();
            case "lazada" -> lazadaHolding();
            case "tiki" -> tikiHolding();
            default -> throw new IllegalArgumentException("no fake for " + partner);
        };
    }

    /** The path, as the fake's ArrivalLog records it, of the call that sets a live item's stock. */
    static String stockUpdatePath(String partner) {
        return switch (partner) {
            case "shopee" -> FakeShopee.UPDATE_STOCK;
            case "lazada" -> FakeLazada.PRICE_QUANTITY;
            case "tiki" -> FakeTiki.UPDATE_SKU_PATH;
            default -> throw new IllegalArgumentException("no fake for " + partner);
        };
    }

    /**
     * Lazada's price/quantity calls from the {@code from}-th on: the SKUs each carried (the
     * {@code <Sku>} elements of its payload) and how many Lazada did not answer with success.
     */
    LazadaBatches lazadaBatchesFrom(int from) {
        List<FakeLazadaRequest> calls = lazada.requests(FakeLazada.PRICE_QUANTITY);
        List<FakeLazadaRequest> phase = calls.subList(Math.min(from, calls.size()), calls.size());
        List<Integer> skus = phase.stream().map(r -> occurrences(r.param("payload"), "<Sku>")).toList();
        return new LazadaBatches(skus, phase.stream().filter(r -> !r.succeeded()).count());
    }

    /** @param skusPerCall in the order the calls arrived */
    record LazadaBatches(List<Integer> skusPerCall, long failedCalls) {

        int calls() {
            return skusPerCall.size();
        }

        int skus() {
            return skusPerCall.stream().mapToInt(Integer::intValue).sum();
        }

        int most() {
            return skusPerCall.stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        String describe() {
            IntSummaryStatistics s = skusPerCall.stream().mapToInt(Integer::intValue).summaryStatistics();
            return calls() == 0 ? "no calls" : String.format(Locale.ROOT, "%d calls carrying %d SKUs; SKUs per call "
                    + "min %d / mean %.1f / max %d; calls not answered with success: %d", calls(), skus(), s.getMin(),
                    s.getAverage(), s.getMax(), failedCalls);
        }
    }

    private static int occurrences(String text, String token) {
        int count = 0;
        for (int at = text == null ? -1 : text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            count++;
        }
        return count;
    }

    // ---- expectations ------------------------------------------------------------------------

    /** Price and stock the partner should show for one listing, by the hub's own pricing and stock rules. */
    record Expected(long price, int stock) {

        static Expected of(ConnectorConfig config, Listing listing) {
            return new Expected(ListingRules.price(config, listing), ListingRules.stock(config, listing));
        }
    }

    // ---- what each fake holds -----------------------------------------------------------------

    /**
     * One marketplace after the run: its items keyed by our SKU (several when the hub duplicated),
     * each with the price and stock it shows.
     */
    record Holding(String partner, String what, Map<String, List<Expected>> bySku, Map<String, Long> states) {

        Check against(Map<String, Expected> expected) {
            List<String> missing = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                List<Expected> held = bySku.getOrDefault(e.getKey(), List.of());
                if (held.isEmpty()) {
                    missing.add(e.getKey());
                } else if (held.size() > 1) {
                    duplicated.add(e.getKey() + "×" + held.size());
                } else if (!held.get(0).equals(e.getValue())) {
                    wrong.add(e.getKey() + " has " + held.get(0) + ", expected " + e.getValue());
                }
            }
            List<String> unexpected = bySku.keySet().stream().filter(s -> !expected.containsKey(s)).sorted().toList();
            int items = bySku.values().stream().mapToInt(List::size).sum();
            return new Check(partner, what, items, expected.size(), states, missing, duplicated, wrong, unexpected);
        }
    }

    record Check(String partner, String what, int items, int expected, Map<String, Long> states, List<String> missing,
                 List<String> duplicated, List<String> wrongPriceOrStock, List<String> unexpected) {

        boolean ok() {
            return items == expected && missing.isEmpty() && duplicated.isEmpty() && wrongPriceOrStock.isEmpty()
                    && unexpected.isEmpty();
        }

        String summary() {
            return String.format(Locale.ROOT, "%d %s for %d eligible listings (%s); missing %s, duplicated %s, "
                            + "wrong price/stock %s, not eligible %s → %s", items, what, expected, states,
                    sample(missing), sample(duplicated), sample(wrongPriceOrStock), sample(unexpected),
                    ok() ? "OK" : "FAIL");
        }

        private static String sample(List<String> values) {
            return values.size() + (values.isEmpty() ? "" : " e.g. " + values.stream().limit(3).toList());
        }
    }

    Holding shopeeHolding() {
        Map<String, List<Expected>> bySku = new HashMap<>();
        Map<String, Long> states = new TreeMap<>();
        for (ShopeeItem item : shopee.items()) {
            states.merge(item.status(), 1L, Long::sum);
            if (!item.deleted()) {
                bySku.computeIfAbsent(item.itemSku(), k -> new ArrayList<>())
                        .add(new Expected(item.originalPrice().longValueExact(), (int) item.stock()));
            }
        }
        return new Holding("shopee", "items (not deleted)", bySku, states);
    }

    Holding lazadaHolding() {
        Map<String, List<Expected>> bySku = new HashMap<>();
        Map<String, Long> states = new TreeMap<>();
        for (FakeLazadaItem item : lazada.items()) {
            states.merge(item.status(), 1L, Long::sum);
            if (!"Deleted".equals(item.status())) {
                bySku.computeIfAbsent(item.sellerSku(), k -> new ArrayList<>())
                        .add(new Expected(item.price(), item.quantity()));
            }
        }
        return new Holding("lazada", "items (not deleted)", bySku, states);
    }

    /**
     * Tiki's fake reviews nothing by itself: a create stays a request in review until someone
     * approves it, so what it holds after the run are requests (awaiting_approve), each with the
     * price and warehouse stock the hub sent. Approved products are counted too, should any exist.
     */
    Holding tikiHolding() {
        Map<String, List<Expected>> bySku = new HashMap<>();
        Map<String, Long> states = new TreeMap<>();
        for (FakeTikiRequest request : tiki.requests()) {
            states.merge("request " + request.state(), 1L, Long::sum);
            if (!request.inReview()) {
                continue;
            }
            for (JsonNode variant : request.body().path("variants")) {
                int stock = 0;
                for (JsonNode s : variant.path("warehouse_stocks")) {
                    if (s.path("warehouseId").asLong() == TIKI_WAREHOUSE) {
                        stock += s.path("qtyAvailable").asInt();
                    }
                }
                bySku.computeIfAbsent(variant.path("sku").asText(), k -> new ArrayList<>())
                        .add(new Expected(variant.path("price").asLong(), stock));
            }
        }
        tiki.products().forEach(p -> {
            states.merge(p.isActive() ? "product active" : "product inactive", 1L, Long::sum);
            bySku.computeIfAbsent(p.originalSku(), k -> new ArrayList<>())
                    .add(new Expected(p.price(), p.quantity()));
        });
        return new Holding("tiki", "requests in review + products", bySku, states);
    }

    // ---- how fast each fake was called ---------------------------------------------------------

    /**
     * The pace a fake saw for one class of requests against the limit that governs it.
     *
     * @param requests        arrivals of the class, the whole run
     * @param spanSeconds     first arrival → the partner's last binding settled (the backlog)
     * @param backlogRate     arrivals in the backlog after its first second ÷ (span − 1 s): the rate
     *                        once the opening burst is spent, while the hub still had work queued
     * @param maxInOneSecond  most arrivals in any sliding one-second window, the whole run (approval
     *                        polls after the backlog included)
     */
    record Pace(String what, int requests, double spanSeconds, double backlogRate, double limit, int burst,
                int maxInOneSecond) {

        String describe() {
            return String.format(Locale.ROOT, "%s: %d requests; backlog %.1f s, achieved %.2f/s in it = "
                            + "%.3f × limit %s/s; max in any 1 s window %d vs limit+burst %d (%s)", what, requests,
                    spanSeconds, backlogRate, limit > 0 ? backlogRate / limit : Double.NaN, fmt(limit),
                    maxInOneSecond, ceilingOf(limit, burst),
                    maxInOneSecond <= ceilingOf(limit, burst) ? "within" : "EXCEEDED");
        }

        boolean exceeded() {
            return maxInOneSecond > ceilingOf(limit, burst);
        }
    }

    /** @param settledAt nanoTime the partner's last binding settled; null: its last arrival */
    static Pace pace(String what, ArrivalLog log, Predicate<String> paths, double limit, int burst, Long settledAt) {
        return pace(what, log.arrivals(paths), limit, burst, settledAt);
    }

    /** @param arrivals the requests to judge, in arrival order (e.g. one phase of the run) */
    static Pace pace(String what, List<ArrivalLog.Arrival> arrivals, double limit, int burst, Long settledAt) {
        if (arrivals.size() < 2) {
            return new Pace(what, arrivals.size(), 0, Double.NaN, limit, burst, arrivals.size());
        }
        long first = arrivals.get(0).nanoTime();
        long last = settledAt != null ? settledAt : arrivals.get(arrivals.size() - 1).nanoTime();
        long afterBurst = arrivals.stream()
                .filter(a -> a.nanoTime() >= first + WINDOW_NANOS && a.nanoTime() <= last).count();
        double span = (last - first) / 1e9;
        double rate = span > 1 ? afterBurst / (span - 1) : Double.NaN;
        return new Pace(what, arrivals.size(), span, rate, limit, burst,
                ArrivalLog.maxInAnyWindow(WINDOW_NANOS, arrivals));
    }

    /** Every request the partner's fake saw from {@code since} on, against the partner's rateLimit. */
    Pace paceSince(String partner, ConnectorConfig config, long since, Long settledAt) {
        ConnectorConfig.RateLimit limit = config.rateLimit();
        return pace(partner + ", all requests", arrivalLog(partner).arrivalsSince(since, p -> true),
                limit.requestsPerSecond(), burst(limit), settledAt);
    }

    /** Every request to the partner, against its rateLimit (the hub's bucket for every call). */
    List<Pace> paces(Map<String, ConnectorConfig> configs, Map<String, Long> settledAt) {
        List<Pace> paces = new ArrayList<>();
        ConnectorConfig.RateLimit s = configs.get("shopee").rateLimit();
        paces.add(pace("shopee, all requests", shopee.arrivalLog(), p -> true, s.requestsPerSecond(), burst(s),
                settledAt.get("shopee")));
        ConnectorConfig.RateLimit l = configs.get("lazada").rateLimit();
        paces.add(pace("lazada, all requests", lazada.arrivalLog(), p -> true, l.requestsPerSecond(), burst(l),
                settledAt.get("lazada")));
        // catalogue calls also wait for the content budget: a bucket of contentRequestsPerSecond with
        // a burst of the same size (LazadaConnector.contentBudget)
        double content = Double.parseDouble(configs.get("lazada").transport("contentRequestsPerSecond"));
        paces.add(pace("lazada, catalogue calls (content budget)", lazada.arrivalLog(),
                p -> !p.equals(FakeLazada.PRICE_QUANTITY) && !p.equals(FakeLazada.REFRESH), content,
                (int) Math.max(1, Math.ceil(content)), settledAt.get("lazada")));
        ConnectorConfig.RateLimit t = configs.get("tiki").rateLimit();
        paces.add(pace("tiki, all requests", tiki.arrivalLog(), p -> true, t.requestsPerSecond(), burst(t),
                settledAt.get("tiki")));
        return paces;
    }

    private static int burst(ConnectorConfig.RateLimit limit) {
        return limit.burst() == null ? (int) Math.max(1, Math.ceil(limit.requestsPerSecond())) : limit.burst();
    }

    private static int ceiling(ConnectorConfig.RateLimit limit) {
        return ceilingOf(limit.requestsPerSecond(), burst(limit));
    }

    /** A token bucket admits at most its burst plus one second's refill in any one-second window. */
    private static int ceilingOf(double rate, int burst) {
        return (int) Math.floor(rate) + burst;
    }

    /** Requests per path, for the report; ids in paths (Tiki's /tracking/{trackId}) folded into one. */
    static Map<String, Long> byPath(ArrivalLog log) {
        return byPath(log.arrivals());
    }

    static Map<String, Long> byPath(List<ArrivalLog.Arrival> arrivals) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Set<String>> ids = new TreeMap<>();
        for (ArrivalLog.Arrival a : arrivals) {
            java.util.regex.Matcher m = ID_SEGMENT.matcher(a.path());
            String path = a.path();
            if (m.find()) {
                path = a.path().substring(0, m.start()) + "/{id}";
                ids.computeIfAbsent(path, k -> new java.util.HashSet<>()).add(m.group(1));
            }
            counts.merge(path, 1L, Long::sum);
        }
        Map<String, Long> shown = new TreeMap<>(counts);
        ids.forEach((path, distinct) -> {
            shown.remove(path);
            shown.put(path + " (" + distinct.size() + " distinct ids)", counts.get(path));
        });
        return shown;
    }

    private static final java.util.regex.Pattern ID_SEGMENT = java.util.regex.Pattern.compile("/([0-9a-f]{16,})$");

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
