package vn.ocop.hub.fakes.lazada;

import vn.ocop.hub.fakes.ArrivalLog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lazada Open Platform for one seller, on 127.0.0.1: the API host ({@link #baseUrl()}, the
 * {@code /rest} of api.lazada.vn) and the token host ({@link #authUrl()}, auth.lazada.com).
 * Every call is checked as Lazada checks it: app key, timestamp within 7200 s, the signature
 * recomputed from the received parameters, the access token; then the API's own rules, answered
 * with the codes of Lazada's error tables in its envelope under HTTP 200. Tests script trouble
 * (gateway errors, slow answers, throttling, expired tokens, lost answers, a lagging look-up)
 * and read the catalogue and the traffic back.
 */
public final class FakeLazada implements AutoCloseable {

    /** Lazada's throttling answers. */
    public enum Throttle { API_CALL_LIMIT, E901, TOO_FAST }

    public static final String REFRESH = "/auth/token/refresh";
    public static final String MIGRATE_IMAGE = "/image/migrate";
    public static final String PRODUCTS = "/products/get";
    public static final String ITEM = "/product/item/get";
    public static final String CREATE = "/product/create";
    public static final String UPDATE = "/product/update";
    public static final String PRICE_QUANTITY = "/product/price_quantity/update";
    public static final String DEACTIVATE = "/product/deactivate";
    public static final String ORDER_ITEMS = "/order/items/get";

    private static final String API_PREFIX = "/rest";
    private static final String AUTH_PREFIX = "/auth/rest";
    private static final Duration TIMESTAMP_WINDOW = Duration.ofSeconds(7200);

    private final String appKey;
    private final String appSecret;
    private final FakeLazadaTokens tokens;
    private final FakeLazadaCatalogue catalogue = new FakeLazadaCatalogue();
    private final FakeLazadaFaults faults = new FakeLazadaFaults();
    private final FakeLazadaRateMeter rate = new FakeLazadaRateMeter();
    private final FakeLazadaOrders orders = new FakeLazadaOrders();
    private final ArrivalLog arrivalLog = new ArrivalLog();
    private final Set<String> nonLeafCategories = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> migrations = new ConcurrentHashMap<>();
    private final List<FakeLazadaRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean reviewNewItems;
    private final FakeLazadaProductApi products = new FakeLazadaProductApi(catalogue, faults, nonLeafCategories,
            migrations, () -> reviewNewItems);
    private HttpServer server;
    private ExecutorService executor;

    public FakeLazada(String appKey, String appSecret, String accessToken, String refreshToken) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.tokens = new FakeLazadaTokens(accessToken, refreshToken);
    }

    public FakeLazada start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext(API_PREFIX + "/", exchange -> handle(exchange, false));
        server.createContext(AUTH_PREFIX + "/", exchange -> handle(exchange, true));
        server.start();
        return this;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + API_PREFIX;
    }

    public String authUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + AUTH_PREFIX;
    }

    // ---- scripting ------------------------------------------------------------------------------

    /** Every access token issued so far stops working, as when a token reaches its expiry. */
    public void expireAccessToken() {
        tokens.expireAll();
    }

    public void tokenLifetimes(Duration accessTokens, Duration refreshTokens) {
        tokens.lifetimes(accessTokens, refreshTokens);
    }

    /** The next {@code n} calls to {@code apiPath} (null: to any path) fail at the gateway with a 5xx. */
    public void failNext(String apiPath, int n, int status) {
        faults.failNext(apiPath, n, status);
    }

    /** The next {@code n} calls are carried out but answered only after {@code delay}. */
    public void delayNext(String apiPath, int n, Duration delay) {
        faults.delayNext(apiPath, n, delay);
    }

    /**
     * The next {@code n} calls wait {@code hold} before Lazada carries them out, as a request slow
     * on its way: a later request can overtake it.
     */
    public void holdNext(String apiPath, int n, Duration hold) {
        faults.holdNext(apiPath, n, hold);
    }

    public void throttleNext(String apiPath, int n, Throttle kind) {
        faults.throttleNext(apiPath, n, kind);
    }

    /** Lazada's per-API limit: more calls to one API in a second are answered ApiCallLimit. */
    public void limitPerSecond(int perSecond) {
        rate.limit(perSecond);
    }

    /** The next successful call to {@code apiPath} takes effect, then the connection drops unanswered. */
    public void loseNextAnswer(String apiPath) {
        faults.loseNextAnswer(apiPath, 1);
    }

    /** The next {@code n} look-ups by SKU find nothing, as when Lazada's search has not caught up. */
    public void hideFromLookupNext(int n) {
        faults.hideFromLookupNext(n);
    }

    public void markNonLeafCategory(String categoryId) {
        nonLeafCategories.add(categoryId);
    }

    /** New items wait for QC ("Pending QC") until {@link #passQc} or {@link #failQc}. */
    public void reviewNewItems(boolean review) {
        this.reviewNewItems = review;
    }

    /** An item the seller switched off while it waited stays off: QC approves content, not the sale. */
    public void passQc(String sellerSku) {
        FakeLazadaCatalogue.Item item = catalogue.bySellerSku(sellerSku).orElseThrow();
        synchronized (catalogue) {
            item.status = "InActive".equals(item.status) ? "InActive" : "Active";
            item.rejectReason = null;
        }
    }

    public void failQc(String sellerSku, String reason) {
        FakeLazadaCatalogue.Item item = catalogue.bySellerSku(sellerSku).orElseThrow();
        synchronized (catalogue) {
            item.status = "Rejected";
            item.rejectReason = reason;
        }
    }

    /**
     * The seller listed this SKU by hand in Seller Center before the hub knew of it: creating it
     * again is refused as a duplicate SellerSku.
     */
    public FakeLazadaItem listedInSellerCenter(String sellerSku, String name, long price, int quantity) {
        synchronized (catalogue) {
            if (catalogue.bySellerSku(sellerSku).isPresent()) {
                throw new IllegalStateException(sellerSku + " is already listed");
            }
            FakeLazadaCatalogue.Item item = catalogue.add(sellerSku);
            item.name = name;
            item.primaryCategory = "10000321";
            item.images = List.of("https://vn-live-02.slatic.net/p/seller-center-photo.jpg");
            item.price = price;
            item.quantity = quantity;
            item.status = "Active";
            return item.snapshot();
        }
    }

    /** The seller deletes the item in Seller Center; its SellerSku becomes free again. */
    public void deleteInSellerCenter(String sellerSku) {
        FakeLazadaCatalogue.Item item = catalogue.bySellerSku(sellerSku).orElseThrow();
        synchronized (catalogue) {
            item.status = "Deleted";
        }
    }

    /** A campaign the seller joined locks the SKU: price_quantity/update refuses it (4170) until unlocked. */
    public void lockForCampaign(String sellerSku) {
        FakeLazadaCatalogue.Item item = catalogue.bySellerSku(sellerSku).orElseThrow();
        synchronized (catalogue) {
            item.campaignLocked = true;
        }
    }

    /** One unit of an order as /order/items/get lists it; {@code price} as Lazada writes it ("45000.00"). */
    public record OrderUnit(String sellerSku, String itemId, String skuId, String price, String status) {
    }

    /** The order's units, as /order/items/get answers from now on. */
    public void putOrder(String orderId, List<OrderUnit> units) {
        orders.put(orderId, units.stream().map(u -> new FakeLazadaOrders.Unit(u.sellerSku(), u.itemId(), u.skuId(),
                u.price(), u.status())).toList());
    }

    /**
     * What Lazada puts in a push's Authorization header: lowercase hex HMAC-SHA256 with the app
     * secret over {@code appKey + body}; computed here independently of the hub's signer.
     */
    public String signPush(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(appKey.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading back ---------------------------------------------------------------------------

    public Optional<FakeLazadaItem> item(String sellerSku) {
        return catalogue.bySellerSku(sellerSku).map(i -> {
            synchronized (catalogue) {
                return i.snapshot();
            }
        });
    }

    /** Every item ever created, deleted ones included. */
    public List<FakeLazadaItem> items() {
        return catalogue.snapshots();
    }

    public List<FakeLazadaRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<FakeLazadaRequest> requests(String apiPath) {
        return requests().stream().filter(r -> r.apiPath().equals(apiPath)).toList();
    }

    public int requestCount(String apiPath) {
        return requests(apiPath).size();
    }

    /** How often an image was fetched from its source for migration. */
    public int migrationsOf(String sourceUrl) {
        return migrations.getOrDefault(sourceUrl, 0);
    }

    public int refreshes() {
        return tokens.refreshes();
    }

    /** The only refresh token Lazada accepts right now. */
    public String currentRefreshToken() {
        return tokens.refreshToken();
    }

    public int maxCallsInOneSecond(String apiPath) {
        return rate.maxObserved(apiPath);
    }

    /** When each request arrived, by API path (auth host included, refused ones too): for benchmarks. */
    public ArrivalLog arrivalLog() {
        return arrivalLog;
    }

    // ---- HTTP -----------------------------------------------------------------------------------

    private void handle(HttpExchange exchange, boolean authHost) throws IOException {
        String prefix = authHost ? AUTH_PREFIX : API_PREFIX;
        String apiPath = exchange.getRequestURI().getRawPath().substring(prefix.length());
        arrivalLog.arrive(apiPath);
        Map<String, String> params = params(exchange);
        sleep(faults.takeHold(apiPath));
        FakeLazadaAnswer answer;
        try {
            answer = answer(apiPath, params, authHost);
        } catch (FakeLazadaRefusal refusal) {
            answer = refusal.answer();
        } catch (RuntimeException | LinkageError bug) { // answer rather than leave the hub waiting
            answer = new FakeLazadaAnswer(500, "text/plain", "fake failed: " + bug, "FAKE_BUG");
        }
        boolean lost = answer.status() == 200 && "0".equals(answer.code()) && faults.takeLostAnswer(apiPath);
        sleep(faults.takeDelay(apiPath));
        if (lost) {
            requests.add(new FakeLazadaRequest(exchange.getRequestMethod(), apiPath, params, 0, "DROPPED"));
            exchange.close(); // before any header: the client sees the connection close with no answer
            return;
        }
        requests.add(new FakeLazadaRequest(exchange.getRequestMethod(), apiPath, params, answer.status(),
                answer.code()));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private FakeLazadaAnswer answer(String apiPath, Map<String, String> params, boolean authHost) {
        Optional<Integer> failure = faults.takeFailure(apiPath);
        if (failure.isPresent()) {
            return FakeLazadaAnswer.gateway(failure.get());
        }
        authenticate(apiPath, params, !authHost);
        Optional<Throttle> throttle = faults.takeThrottle(apiPath);
        if (throttle.isPresent()) {
            return throttled(throttle.get());
        }
        if (!rate.arrive(apiPath)) {
            return throttled(Throttle.API_CALL_LIMIT);
        }
        if (authHost) {
            return REFRESH.equals(apiPath) ? refresh(params) : FakeLazadaAnswer.notFound(apiPath);
        }
        if (ORDER_ITEMS.equals(apiPath)) {
            return orders.items(params);
        }
        return products.answer(apiPath, params);
    }

    /** The platform's checks, in the order a request meets them. */
    private void authenticate(String apiPath, Map<String, String> params, boolean sellerApi) {
        String key = params.get("app_key");
        if (key == null) {
            throw FakeLazadaRefusal.missing("app_key");
        }
        if (!key.equals(appKey)) {
            throw FakeLazadaRefusal.isv("InvalidAppKey", "The specified app key is invalid"); // code assumed
        }
        String signMethod = params.get("sign_method");
        if (signMethod == null) {
            throw FakeLazadaRefusal.missing("sign_method");
        }
        String timestamp = params.get("timestamp");
        if (timestamp == null) {
            throw FakeLazadaRefusal.missing("timestamp");
        }
        Instant sent = parseTimestamp(timestamp);
        if (sent == null || Duration.between(sent, Instant.now()).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            // Lazada documents the 7200 s window but not this code
            throw FakeLazadaRefusal.isv("InvalidTimestamp", "The timestamp " + timestamp
                    + " is more than 7200 seconds away from UTC time");
        }
        if (params.get("sign") == null) {
            throw FakeLazadaRefusal.missing("sign");
        }
        if (!"sha256".equals(signMethod) || !FakeLazadaSignature.matches(appSecret, apiPath, params)) {
            throw FakeLazadaRefusal.isv("IncompleteSignature", "The request signature does not conform to lazop standards");
        }
        if (sellerApi) {
            String token = params.get("access_token");
            if (token == null) {
                throw FakeLazadaRefusal.missing("access_token");
            }
            if (!tokens.accepts(token)) {
                throw FakeLazadaRefusal.isv("IllegalAccessToken", "The specified access token is invalid or expired");
            }
        }
    }

    private static FakeLazadaAnswer throttled(Throttle kind) {
        return switch (kind) {
            case API_CALL_LIMIT -> FakeLazadaAnswer.isv("ApiCallLimit",
                    "Api access frequency exceeds the limit. this ban will last 1 seconds");
            case E901 -> FakeLazadaAnswer.isv("901", "E901: Limit service request speed in server side temporarily.");
            case TOO_FAST -> FakeLazadaAnswer.isv("4154",
                    "SYS_REQUEST_TOO_FAST: Slow down a bit! Too many opertions at once. Please try again later");
        };
    }

    // ---- token host ------------------------------------------------------------------------------

    private FakeLazadaAnswer refresh(Map<String, String> params) {
        String refreshToken = params.get("refresh_token");
        if (refreshToken == null) {
            throw FakeLazadaRefusal.missing("refresh_token");
        }
        FakeLazadaTokens.Issued issued = tokens.refresh(refreshToken)
                .orElseThrow(() -> FakeLazadaRefusal.isv("IllegalRefreshToken",
                        "The specified refresh token is invalid or expired"));
        ObjectNode answer = FakeLazadaAnswer.JSON.createObjectNode();
        answer.put("access_token", issued.accessToken());
        answer.put("refresh_token", issued.refreshToken());
        answer.put("expires_in", issued.expiresIn());
        answer.put("refresh_expires_in", issued.refreshExpiresIn());
        answer.put("country", "vn");
        answer.put("account_platform", "seller_center");
        answer.put("account", "ocop-office@example.vn");
        ObjectNode user = answer.putArray("country_user_info").addObject();
        user.put("country", "vn");
        user.put("seller_id", "200123456");
        user.put("user_id", "300123456");
        user.put("short_code", "VN1ABCDE");
        return FakeLazadaAnswer.flat(answer);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Instant parseTimestamp(String timestamp) {
        try {
            return timestamp.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(timestamp))
                    : Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        decodeInto(params, exchange.getRequestURI().getRawQuery());
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            decodeInto(params, new String(body, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void decodeInto(Map<String, String> params, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
