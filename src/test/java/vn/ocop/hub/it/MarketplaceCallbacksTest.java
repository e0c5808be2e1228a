package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.hub.callback.PartnerMessage;
import vn.ocop.hub.callback.PartnerMessageStore;
import vn.ocop.hub.connector.lazada.LazadaPushSignature;
import vn.ocop.hub.connector.postmart.PostmartWebhookSignature;
import vn.ocop.hub.fakes.RecordedRequest;
import vn.ocop.hub.producer.ProducerEventStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner callbacks against the running hub: POST /callbacks/… verified with the partner's own
 * signature, stored, answered, and worked by the partner-message-worker route. Postmart runs
 * (its fake is the partner), so an order it reports travels the whole way: ORDER event for the
 * producer, stock taken off, the new stock PATCHed back to Postmart. Lazada has only its app key
 * and secret here: its pushes are verified and stored, but it cannot be asked for an order's items.
 */
class MarketplaceCallbacksTest extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private ProducerEventStore events;

    @Autowired
    private PartnerMessageStore messages;

    @Test
    void aPostmartOrderBecomesOneOrderEventAndItsNewStockReachesPostmart() {
        String sku = "HN-CB-PM-TEA-SKU";
        JsonNode listing = publish("HN-CB-PM-TEA-01", sku, "PRODUCER-CB-A", 50);
        awaitState("HN-CB-PM-TEA-01", "postmart", "SYNCED");

        byte[] order = postmartOrder("order.created", "PM-CB-1001", "created", sku, 3, 41_000);
        HttpResponse<String> answer = postmart(order, "evt-cb-1001", signed(order));
        assertThat(answer.statusCode()).isEqualTo(202);

        List<ProducerEventStore.Stored> orders = await().atMost(PATIENCE)
                .until(() -> ordersOf("PM-CB-1001"), list -> !list.isEmpty());
        JsonNode event = json(orders.get(0).payload());
        assertThat(event.path("producerId").asText()).isEqualTo("PRODUCER-CB-A");
        assertThat(event.path("status").asText()).isEqualTo("NEW");
        assertThat(event.at("/lines/0/ocopId").asText()).isEqualTo("HN-CB-PM-TEA-01");
        assertThat(event.at("/lines/0/quantity").asLong()).isEqualTo(3);
        assertThat(event.at("/lines/0/unitPrice").asLong()).isEqualTo(41_000);
        await().atMost(PATIENCE).until(() -> listing("HN-CB-PM-TEA-01").path("stock").asInt() == 47);
        await().atMost(PATIENCE).until(() -> POSTMART.product(sku).map(p -> p.path("stock").asInt()).orElse(-1) == 47);
        assertThat(postmartRequestsFor(sku)).filteredOn(r -> r.method().equals("PATCH"))
                .extracting(RecordedRequest::body).anyMatch(body -> json(body).path("quantity").asInt() == 47);

        // the same event delivered again, and the same order re-sent under a new event id
        assertThat(postmart(order, "evt-cb-1001", signed(order)).statusCode()).isEqualTo(202);
        assertThat(postmart(order, "evt-cb-1001-bis", signed(order)).statusCode()).isEqualTo(202);
        assertThat(messages.byPartner("postmart")).filteredOn(m -> m.dedupKey().startsWith("event evt-cb-1001"))
                .hasSize(2);
        await().atMost(PATIENCE).until(() -> messages.find("postmart", "event evt-cb-1001-bis")
                .map(m -> m.state() == PartnerMessage.State.DONE).orElse(false));
        assertThat(ordersOf("PM-CB-1001")).as("one ORDER event per order, producer and status").hasSize(1);
        assertThat(listing("HN-CB-PM-TEA-01").path("stock").asInt()).isEqualTo(47);
        assertThat(listing.path("ocopId").asText()).isEqualTo("HN-CB-PM-TEA-01");
    }

    @Test
    void aCallbackWithoutTheRightSignatureIsRefusedAndNothingIsStored() {
        byte[] order = postmartOrder("order.created", "PM-CB-2001", "created", "HN-CB-PM-NONE", 1, 10_000);
        String otherSecrets = PostmartWebhookSignature.of("not-the-secret", order);

        HttpResponse<String> forged = postmart(order, "evt-cb-2001", otherSecrets);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(forged.body()).path("title").asText()).isEqualTo("Invalid signature");
        assertThat(postmart(order, "evt-cb-2001", null).statusCode()).isEqualTo(401);
        // a body changed after signing
        byte[] changed = postmartOrder("order.created", "PM-CB-2001", "created", "HN-CB-PM-NONE", 9, 10_000);
        assertThat(postmart(changed, "evt-cb-2001", signed(order)).statusCode()).isEqualTo(401);
        assertThat(messages.find("postmart", "event evt-cb-2001")).isEmpty();

        HttpResponse<String> noEventId = postmart(order, null, signed(order));
        assertThat(noEventId.statusCode()).isEqualTo(400);
        assertThat(noEventId.body()).contains("X-Postmart-Event-Id");

        // Shopee's partner key and callback URL are not configured here: nothing can be verified
        HttpResponse<String> shopee = post("/callbacks/shopee", "{\"code\":3}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "0000"));
        assertThat(shopee.statusCode()).isEqualTo(503);
        assertThat(json(shopee.body()).path("detail").asText()).contains("SHOPEE_CALLBACK_URL");
        assertThat(messages.byPartner("shopee")).isEmpty();
    }

    @Test
    void anOrderLineMatchingNoListingIsFailedVisiblyAndReplayedAfterTheFix() {
        String sku = "HN-CB-PM-LATE-SKU";
        byte[] order = postmartOrder("order.created", "PM-CB-3001", "created", sku, 2, 55_000);
        assertThat(postmart(order, "evt-cb-3001", signed(order)).statusCode()).isEqualTo(202);

        JsonNode failed = await().atMost(PATIENCE).until(() -> failedPostmartMessage("event evt-cb-3001"),
                message -> message != null);
        assertThat(failed.path("lastError").asText()).contains(sku).contains("matches no OCOP listing");
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(get("/api/v1/partner-messages", OFFICE_TOKEN).status()).as("operators only").isEqualTo(403);
        assertThat(ordersOf("PM-CB-3001")).isEmpty();

        publish("HN-CB-PM-LATE-02", sku, "PRODUCER-CB-B", 20);
        long id = failed.path("id").asLong();
        Reply replay = send("POST", "/api/v1/partner-messages/" + id + "/replay", OPERATOR_TOKEN, null, null);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().path("state").asText()).isEqualTo("RECEIVED");

        await().atMost(PATIENCE).until(() -> ordersOf("PM-CB-3001").size() == 1);
        await().atMost(PATIENCE).until(() -> listing("HN-CB-PM-LATE-02").path("stock").asInt() == 18);
        await().atMost(PATIENCE).until(() -> messages.find(id).orElseThrow().state() == PartnerMessage.State.DONE);
        Reply again = send("POST", "/api/v1/partner-messages/" + id + "/replay", OPERATOR_TOKEN, null, null);
        assertThat(again.status()).as("only FAILED messages are replayed").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(ordersOf("PM-CB-3001")).hasSize(1);
        assertThat(send("POST", "/api/v1/partner-messages/987654321/replay", OPERATOR_TOKEN, null, null).status())
                .isEqualTo(404);
    }

    @Test
    void lazadaIsAnsweredAtOnceAndItsPushWaitsVisiblyForLazadaToBeConfigured() {
        byte[] push = ("{\"seller_id\":\"200123456\",\"message_type\":0,\"data\":{\"order_status\":\"pending\","
                + "\"trade_order_id\":\"77001\",\"trade_order_line_id\":\"770011\",\"status_update_time\":1795000000},"
                + "\"timestamp\":1795000000123,\"site\":\"lazada_vn\"}").getBytes(StandardCharsets.UTF_8);
        String signature = LazadaPushSignature.of(LAZADA_APP_SECRET, LAZADA_APP_KEY, push);

        long started = System.nanoTime();
        HttpResponse<String> answer = post("/callbacks/lazada", push, Map.of("Authorization", signature));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(took).as("Lazada wants 200 within 500 ms").isLessThan(Duration.ofMillis(500));
        assertThat(messages.find("lazada", "0|77001|770011|pending")).isPresent();

        assertThat(post("/callbacks/lazada", push, Map.of("Authorization", signature.replace('a', 'b')))
                .statusCode()).isEqualTo(401);
        assertThat(post("/callbacks/lazada", push, Map.of("Authorization", signature)).statusCode()).isEqualTo(200);
        assertThat(messages.byPartner("lazada")).filteredOn(m -> m.dedupKey().startsWith("0|77001|")).hasSize(1);

        // Lazada has no tokens in this hub: the push is kept, retried, then FAILED saying why
        PartnerMessage failed = await().atMost(PATIENCE).until(() -> messages.find("lazada", "0|77001|770011|pending")
                .orElseThrow(), m -> m.state() == PartnerMessage.State.FAILED);
        assertThat(failed.lastError()).contains("lazada is not running").contains("LAZADA_ACCESS_TOKEN");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private JsonNode publish(String ocopId, String sku, String producer, int stock) {
        ObjectNode node = hanoiSamples().stream().filter(HubIntegrationTest::marketplaceEligible).findFirst()
                .orElseThrow().deepCopy();
        node.put("ocopId", ocopId);
        node.put("sku", sku);
        node.put("stock", stock);
        node.remove("gtin");
        ((ObjectNode) node.get("producer")).put("id", producer);
        submit(node);
        return node;
    }

    private List<ProducerEventStore.Stored> ordersOf(String partnerOrderId) {
        return events.byPartner("postmart").stream()
                .filter(e -> partnerOrderId.equals(json(e.payload()).path("partnerOrderId").asText())).toList();
    }

    private JsonNode failedPostmartMessage(String dedupKey) {
        Reply reply = get("/api/v1/partner-messages?partner=postmart&state=FAILED", OPERATOR_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode item : reply.json().path("items")) {
            if (dedupKey.equals(item.path("dedupKey").asText())) {
                return item;
            }
        }
        return null;
    }

    private static byte[] postmartOrder(String type, String orderId, String status, String sku, int quantity,
                                        long unitPrice) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("occurredAt", "2026-11-22T02:30:00Z");
        ObjectNode order = body.putObject("order").put("orderId", orderId).put("status", status);
        order.putArray("lines").addObject().put("sellerSku", sku).put("quantity", quantity).put("unitPrice", unitPrice);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String signed(byte[] body) {
        return PostmartWebhookSignature.of(POSTMART_WEBHOOK_SECRET, body);
    }

    private HttpResponse<String> postmart(byte[] body, String eventId, String signature) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (eventId != null) {
            headers.put(PostmartWebhookSignature.EVENT_ID_HEADER, eventId);
        }
        if (signature != null) {
            headers.put(PostmartWebhookSignature.HEADER, signature);
        }
        return post("/callbacks/postmart", body, headers);
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
