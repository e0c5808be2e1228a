package vn.ocop.hub.fakes.shopee;

import vn.ocop.hub.fakes.LoopbackHttpServer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An in-process Shopee Open Platform v2 for one partner app and one shop, strict where Shopee is
 * strict, so that a connector bug fails a test instead of passing silently.
 *
 * <p>Every request goes through, in order: the throttle (past the configured rate: HTTP 429
 * with Shopee's documented "Too many requests" answer), the gateway (partner_id, the 5-minute
 * timestamp window, the sign recomputed from the received query and path, for shop APIs the
 * shop_id and a live access token), scripted faults, then the API itself with its documented
 * required fields and error codes. Errors use Shopee's envelope; business refusals come under
 * HTTP 200. Which HTTP status Shopee's gateway uses for its own refusals is not documented: 403
 * for error_auth and error_sign and 400 for error_param are assumptions.
 *
 * <p>Paths served: auth/access_token/get, media_space/upload_image, product/add_item,
 * update_item, update_price, update_stock, unlist_item, search_item, get_item_list,
 * get_item_base_info, order/get_order_detail, push/get_lost_push_message and
 * push/confirm_consumed_lost_push_message.
 */
public final class FakeShopee implements AutoCloseable {

    public static final String TOKEN = "/api/v2/auth/access_token/get";
    public static final String UPLOAD_IMAGE = "/api/v2/media_space/upload_image";
    public static final String ADD_ITEM = "/api/v2/product/add_item";
    public static final String UPDATE_ITEM = "/api/v2/product/update_item";
    public static final String UPDATE_PRICE = "/api/v2/product/update_price";
    public static final String UPDATE_STOCK = "/api/v2/product/update_stock";
    public static final String UNLIST_ITEM = "/api/v2/product/unlist_item";
    public static final String SEARCH_ITEM = "/api/v2/product/search_item";
    public static final String ITEM_BASE_INFO = "/api/v2/product/get_item_base_info";
    public static final String ITEM_LIST = "/api/v2/product/get_item_list";
    public static final String ORDER_DETAIL = "/api/v2/order/get_order_detail";
    public static final String LOST_PUSH = "/api/v2/push/get_lost_push_message";
    public static final String CONFIRM_LOST_PUSH = "/api/v2/push/confirm_consumed_lost_push_message";

    /** "Each API request needs to be requested within 5 minutes of a timestamp." */
    public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    private record Route(String method, boolean shopApi) {
    }

    private static final Map<String, Route> ROUTES = Map.ofEntries(
            Map.entry(TOKEN, new Route("POST", false)),
            Map.entry(UPLOAD_IMAGE, new Route("POST", false)),
            Map.entry(ADD_ITEM, new Route("POST", true)),
            Map.entry(UPDATE_ITEM, new Route("POST", true)),
            Map.entry(UPDATE_PRICE, new Route("POST", true)),
            Map.entry(UPDATE_STOCK, new Route("POST", true)),
            Map.entry(UNLIST_ITEM, new Route("POST", true)),
            Map.entry(SEARCH_ITEM, new Route("GET", true)),
            Map.entry(ITEM_BASE_INFO, new Route("GET", true)),
            Map.entry(ITEM_LIST, new Route("GET", true)),
            Map.entry(ORDER_DETAIL, new Route("GET", true)),
            // push APIs belong to the partner app, not to a shop: signed as public calls
            Map.entry(LOST_PUSH, new Route("GET", false)),
            Map.entry(CONFIRM_LOST_PUSH, new Route("POST", false)));

    private final long partnerId;
    private final byte[] partnerKey;
    private final long shopId;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final FakeShopeeAuth auth = new FakeShopeeAuth();
    private final FakeShopeeCatalogue catalogue = new FakeShopeeCatalogue(() -> this.clock.instant());
    private final FakeShopeeProducts products;
    private final FakeShopeeFaults faults = new FakeShopeeFaults();
    private final FakeShopeeOrders orders = new FakeShopeeOrders(json, () -> this.clock.instant().getEpochSecond());
    private final List<ShopeeExchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Long> arrivals = new ArrayDeque<>();
    private final String initialRefreshToken;

    private volatile Clock clock = Clock.systemUTC();
    private volatile int allowedPerSecond = Integer.MAX_VALUE;
    private int throttled;
    private LoopbackHttpServer server;

    /** A shop whose only enabled logistics channel is 5001. */
    public FakeShopee(long partnerId, String partnerKey, long shopId) {
        this(partnerId, partnerKey, shopId, Set.of(5001L));
    }

    public FakeShopee(long partnerId, String partnerKey, long shopId, Set<Long> enabledLogisticChannels) {
        this.partnerId = partnerId;
        this.partnerKey = partnerKey.getBytes(StandardCharsets.UTF_8);
        this.shopId = shopId;
        this.products = new FakeShopeeProducts(catalogue, json, enabledLogisticChannels);
        this.initialRefreshToken = auth.authorise(clock.instant());
    }

    public synchronized FakeShopee start() {
        server = LoopbackHttpServer.start("fake Shopee", 8, this::handle);
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }

    public synchronized String baseUrl() {
        return server.baseUrl();
    }

    // ---- authorisation -------------------------------------------------------------------------

    /** The refresh token the shop's authorisation gave: what SHOPEE_REFRESH_TOKEN holds at first. */
    public String initialRefreshToken() {
        return initialRefreshToken;
    }

    /** The one refresh token Shopee would still accept. */
    public String liveRefreshToken() {
        return auth.liveRefreshToken();
    }

    public boolean refreshTokenSpent(String refreshToken) {
        return auth.spent(refreshToken);
    }

    /** Successful refreshes. */
    public int refreshes() {
        return auth.refreshes();
    }

    /** Refresh attempts with an unknown, expired or spent refresh token. */
    public int refusedRefreshes() {
        return auth.refusedRefreshes();
    }

    /** Every access token issued so far stops working, as 4 hours later. */
    public void expireAccessToken() {
        auth.expireAccessTokens(clock.instant());
    }

    /** The fake's notion of now, for the timestamp window and token lifetimes. */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    // ---- throttling and faults -----------------------------------------------------------------

    /** More than this many requests in any one-second window are answered 429. */
    public synchronized void throttleAbove(int requestsPerSecond) {
        this.allowedPerSecond = requestsPerSecond;
    }

    public synchronized int throttled() {
        return throttled;
    }

    /** The next {@code times} requests to {@code path} get this HTTP status (5xx, say); nothing is done. */
    public void failNext(String path, int times, int httpStatus) {
        faults.add(path, new FakeShopeeFaults.HttpFailure(httpStatus), times);
    }

    /** The next {@code times} requests to {@code path} are refused with this error under HTTP 200. */
    public void refuseNext(String path, int times, String error, String message) {
        faults.add(path, new FakeShopeeFaults.Refusal(error, message), times);
    }

    /** The next request to {@code path} is carried out, but answered only after {@code delay}. */
    public void delayNext(String path, Duration delay) {
        faults.add(path, new FakeShopeeFaults.Delay(delay), 1);
    }

    /** The next request to {@code path} is carried out, then the connection is dropped unanswered. */
    public void loseNextAnswer(String path) {
        faults.add(path, new FakeShopeeFaults.LostAnswer(), 1);
    }

    /** The next batch call to {@code path} lists every entry in failure_list, with an empty error. */
    public void failEntriesNext(String path, String reason) {
        faults.add(path, new FakeShopeeFaults.EntryFailure(reason), 1);
    }

    /** add_item refuses an item_sku the shop already has (error_repeated_mtsku). Off by default, as on Shopee. */
    public void refuseDuplicateSku(boolean refuse) {
        products.refuseDuplicateSku(refuse);
    }

    /** search_item finds a new item only this long after its creation, like a lagging search index. */
    public void searchLag(Duration lag) {
        catalogue.searchLag(lag);
    }

    /** As if the uploaded images expired: add_item and update_item answer "Image not exist.". */
    public void forgetImages() {
        catalogue.forgetImages();
    }

    // ---- the shop ------------------------------------------------------------------------------

    /** An item the seller created by hand in Seller Centre. */
    public ShopeeItem seedItem(String sku, String name) {
        ShopeeItem item = new ShopeeItem(catalogue.nextItemId(), sku, name, "Created in Seller Centre",
                java.math.BigDecimal.valueOf(10_000), 1, "NORMAL", List.of(), 100640, java.math.BigDecimal.ONE, 0,
                "No Brand", "00", List.of(5001L), List.of(), "NEW", null, null);
        catalogue.put(item);
        return item;
    }

    public List<ShopeeItem> items() {
        return catalogue.all();
    }

    /** Every item with exactly this item_sku, deleted ones included. */
    public List<ShopeeItem> itemsWithSku(String sku) {
        return catalogue.withSku(sku);
    }

    public ShopeeItem item(long itemId) {
        return catalogue.find(itemId).orElseThrow(() -> new AssertionError("no item " + itemId));
    }

    public int imageUploads() {
        return catalogue.uploads();
    }

    // ---- orders and pushes ---------------------------------------------------------------------

    /** A line of an order, as get_order_detail lists it; prices in VND. */
    public record OrderItem(long itemId, String itemSku, String modelSku, int quantity, long originalPrice,
                            long discountedPrice) {
    }

    /** An order of the shop (or its new status), as get_order_detail will answer from now on. */
    public void putOrder(String orderSn, String status, List<OrderItem> items) {
        orders.put(orderSn, status, items.stream().map(i -> new FakeShopeeOrders.Item(i.itemId(), i.itemSku(),
                i.modelSku(), i.quantity(), i.originalPrice(), i.discountedPrice())).toList());
    }

    /** A push Shopee could not deliver; {@code data} is the push's data object as JSON text. Returns its message id. */
    public long addLostPush(int code, long timestamp, String data) {
        return orders.addLostPush(shopId, code, timestamp, data);
    }

    /** How many lost pushes get_lost_push_message answers at once (Shopee: 100). */
    public void lostPushPageSize(int size) {
        orders.pageSize(size);
    }

    /** Lost pushes not yet confirmed as consumed. */
    public int unconfirmedLostPushes() {
        return orders.unconfirmed();
    }

    public int lostPushConfirmations() {
        return orders.confirmations();
    }

    /**
     * What Shopee puts in a push's Authorization header: lowercase hex HMAC-SHA256 with the partner
     * key over {@code callbackUrl + "|" + body}; computed here independently of the hub's signer.
     */
    public String signPush(String callbackUrl, byte[] body) {
        byte[] prefix = (callbackUrl + "|").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(partnerKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(all));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what the client sent ------------------------------------------------------------------

    public List<ShopeeExchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    public int count(String path) {
        return count(path, e -> true);
    }

    public int count(String path, Predicate<ShopeeExchange> which) {
        return (int) exchanges().stream().filter(e -> e.path().equals(path)).filter(which).count();
    }

    // ---- serving -------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ShopeeCall call = ShopeeCall.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"), body);
            Duration[] delay = new Duration[1];
            ShopeeReply reply = answer(call, delay);
            exchanges.add(new ShopeeExchange(call.method(), call.path(), call.query(),
                    new String(body, StandardCharsets.ISO_8859_1), reply.dropConnection() ? 0 : reply.status(),
                    reply.error()));
            if (delay[0] != null) {
                sleep(delay[0]);
            }
            if (reply.dropConnection()) {
                return; // closing before any response header drops the connection
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // a client that timed out is not the fake's problem
        }
    }

    private ShopeeReply answer(ShopeeCall call, Duration[] delay) {
        if (!withinRate()) {
            // the answer Shopee documents for throttled calls (livestream module's error table)
            return ShopeeReply.error(429, "error_server", "Too many requests, please try again later");
        }
        Route route = ROUTES.get(call.path());
        if (route == null || !route.method().equals(call.method())) {
            return ShopeeReply.error(404, "error_not_found", "Wrong path or method: " + call.method() + " "
                    + call.path());
        }
        ShopeeReply refused = gateway(call, route.shopApi());
        if (refused != null) {
            return refused;
        }
        FakeShopeeFaults.Fault fault = faults.next(call.path());
        if (fault instanceof FakeShopeeFaults.HttpFailure failure) {
            return ShopeeReply.error(failure.status(), "error_server", "Something wrong. Please try later.");
        }
        if (fault instanceof FakeShopeeFaults.Refusal refusal) {
            return ShopeeReply.refused(refusal.error(), refusal.message());
        }
        String entryFailure = fault instanceof FakeShopeeFaults.EntryFailure f ? f.reason() : null;
        ShopeeReply reply;
        try {
            reply = serve(call, entryFailure);
        } catch (FakeShopeeProducts.Refused r) {
            reply = r.reply;
        }
        if (fault instanceof FakeShopeeFaults.Delay d) {
            delay[0] = d.delay();
        }
        return fault instanceof FakeShopeeFaults.LostAnswer ? ShopeeReply.dropped() : reply;
    }

    private ShopeeReply serve(ShopeeCall call, String entryFailure) {
        return switch (call.path()) {
            case TOKEN -> refresh(jsonBody(call));
            case UPLOAD_IMAGE -> uploadImage(call);
            case ADD_ITEM -> products.addItem(jsonBody(call));
            case UPDATE_ITEM -> products.updateItem(jsonBody(call));
            case UPDATE_PRICE -> products.updatePrice(jsonBody(call), entryFailure);
            case UPDATE_STOCK -> products.updateStock(jsonBody(call), entryFailure);
            case UNLIST_ITEM -> products.unlistItem(jsonBody(call), entryFailure);
            case SEARCH_ITEM -> products.searchItem(call);
            case ITEM_BASE_INFO -> products.itemBaseInfo(call);
            case ITEM_LIST -> products.itemList(call);
            case ORDER_DETAIL -> orders.orderDetail(call);
            case LOST_PUSH -> orders.lostPushes();
            case CONFIRM_LOST_PUSH -> orders.confirm(jsonBody(call));
            default -> throw new IllegalStateException("unrouted " + call.path());
        };
    }

    /** partner_id, timestamp window, sign (recomputed from what was received), shop, access token. */
    private ShopeeReply gateway(ShopeeCall call, boolean shopApi) {
        String partner = call.param("partner_id");
        if (partner == null || partner.isEmpty()) {
            return ShopeeReply.error(400, "error_param", "There is no partner_id in query.");
        }
        if (!partner.equals(String.valueOf(partnerId))) {
            return ShopeeReply.error(400, "error_param", "Invalid partner_id.");
        }
        String timestamp = call.param("timestamp");
        if (timestamp == null || timestamp.isEmpty()) {
            return ShopeeReply.error(400, "error_param", "no timestamp");
        }
        Instant now = clock.instant();
        try {
            long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
            if (skew > TIMESTAMP_WINDOW.toSeconds()) {
                return ShopeeReply.error(400, "error_param", "Invalid timestamp");
            }
        } catch (NumberFormatException e) {
            return ShopeeReply.error(400, "error_param", "Invalid timestamp");
        }
        String sign = call.param("sign");
        if (sign == null || sign.isEmpty()) {
            return ShopeeReply.error(400, "error_param", "There is no sign in query.");
        }
        String base = partner + call.path() + timestamp;
        String token = call.param("access_token");
        if (shopApi) {
            if (token == null || token.isEmpty()) {
                return ShopeeReply.error(400, "error_param", "There is no access_token in query.");
            }
            String shop = call.param("shop_id");
            if (shop == null || !shop.equals(String.valueOf(shopId))) {
                return ShopeeReply.error(400, "error_param_shop_id_not_found", "Shop_id is not found.");
            }
            base += token + shop;
        }
        if (!sign.equals(hmacHex(base))) {
            return ShopeeReply.error(403, "error_sign", "Wrong sign.");
        }
        if (shopApi && !auth.accessTokenValid(token, now)) {
            return ShopeeReply.error(403, "error_auth", "Invalid access_token.");
        }
        return null;
    }

    /** v2.public.refresh_access_token: the answer's fields are at the top level, not in "response". */
    private ShopeeReply refresh(JsonNode body) {
        String refreshToken = FakeShopeeProducts.text(body, "refresh_token", true);
        long partner = FakeShopeeProducts.integer(body, "partner_id", true);
        long shop = FakeShopeeProducts.integer(body, "shop_id", true);
        if (partner != partnerId) {
            return ShopeeReply.refused("error_param", "Invalid partner_id.");
        }
        if (shop != shopId) {
            return ShopeeReply.refused("error_shop_refresh_token",
                    "Your refresh token is error ,please check refresh token or shopid.");
        }
        FakeShopeeAuth.Pair pair = auth.refresh(refreshToken, clock.instant());
        if (pair == null) {
            return ShopeeReply.error(403, "error_auth", "Invalid refresh_token.");
        }
        ObjectNode fields = json.createObjectNode()
                .put("partner_id", partnerId)
                .put("refresh_token", pair.refreshToken())
                .put("access_token", pair.accessToken())
                .put("expire_in", pair.expireInSeconds())
                .put("shop_id", shopId);
        return ShopeeReply.topLevel(fields);
    }

    private ShopeeReply uploadImage(ShopeeCall call) {
        Map<String, MultipartForm.Part> form = MultipartForm.parse(call.contentType(), call.body());
        if (form == null) {
            return ShopeeReply.refused("error_param", "Wrong parameters, detail: the body is not multipart/form-data.");
        }
        MultipartForm.Part image = form.get("image");
        if (image == null || image.fileName() == null) {
            return ShopeeReply.refused("error_param", "Wrong parameters, detail: image is required.");
        }
        if (image.content().length > MAX_IMAGE_BYTES) {
            return ShopeeReply.refused("error_param", "Wrong parameters, detail: image is larger than 10 MB.");
        }
        if (!jpegOrPng(image.content())) {
            return ShopeeReply.refused("error_param", "Wrong parameters, detail: image format should be JPG, JPEG or PNG.");
        }
        String id = catalogue.storeImage();
        ObjectNode response = json.createObjectNode();
        ObjectNode info = response.putObject("image_info").put("image_id", id);
        info.putArray("image_url_list").addObject().put("image_url_region", "VN")
                .put("image_url", "https://cf.shopee.vn/file/" + id);
        return ShopeeReply.ok(response);
    }

    private JsonNode jsonBody(ShopeeCall call) {
        if (!call.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new FakeShopeeProducts.Refused(ShopeeReply.error(400, "error_data", "parse data failed"));
        }
        try {
            JsonNode body = json.readTree(call.body());
            if (body == null || !body.isObject()) {
                throw new FakeShopeeProducts.Refused(ShopeeReply.error(400, "error_data", "parse data failed"));
            }
            return body;
        } catch (IOException e) {
            throw new FakeShopeeProducts.Refused(ShopeeReply.error(400, "error_data", "parse data failed"));
        }
    }

    private synchronized boolean withinRate() {
        long now = System.nanoTime();
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= 1_000_000_000L) {
            arrivals.pollFirst();
        }
        arrivals.addLast(now);
        if (arrivals.size() > allowedPerSecond) {
            throttled++;
            return false;
        }
        return true;
    }

    private String hmacHex(String base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(partnerKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean jpegOrPng(byte[] b) {
        boolean jpeg = b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
        boolean png = b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        return jpeg || png;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
