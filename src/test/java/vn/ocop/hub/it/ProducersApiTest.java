package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.hub.producer.EventIds;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.ProducerEventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer registry, producer tokens and what a producer may see and do with one. */
class ProducersApiTest extends HubIntegrationTest {

    @Autowired
    private ProducerEventStore events;

    private ObjectNode listingOf(String ocopId, String producerId, int sampleIndex) {
        ObjectNode node = hanoiSamples().stream().filter(s -> !tourism(s) && !expired(s)).toList().get(sampleIndex)
                .deepCopy();
        node.put("ocopId", ocopId);
        node.put("sku", ocopId + "-SKU");
        node.remove("gtin");
        ((ObjectNode) node.get("producer")).put("id", producerId);
        return node;
    }

    private String register(String producerId) {
        Reply reply = putJson("/api/v1/producers/" + producerId, OFFICE_TOKEN, Map.of("name", "HTX " + producerId,
                "email", producerId.toLowerCase() + "@example.vn"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("token").asText(null);
    }

    @Test
    void firstRegistrationIssuesATokenOnceAndLaterOnesUpdateDetails() {
        Reply first = putJson("/api/v1/producers/HTX-REG-1", OFFICE_TOKEN, Map.of("name", "HTX Chè Tân Cương",
                "webhookUrl", "https://htx.example.vn/ocop", "webhookSecret", "s3cret-of-sixteen+"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.path("created").asBoolean()).isTrue();
        assertThat(body.path("token").asText()).startsWith("prod_").hasSizeGreaterThan(30);
        assertThat(body.path("webhookSecretSet").asBoolean()).isTrue();
        assertThat(body.has("webhookSecret")).as("the secret is never echoed").isFalse();

        Reply second = putJson("/api/v1/producers/HTX-REG-1", OFFICE_TOKEN, Map.of("name", "HTX Chè Tân Cương (mới)",
                "email", "htx@example.vn"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("created").asBoolean()).isFalse();
        assertThat(second.json().has("token")).isFalse();
        assertThat(second.json().path("name").asText()).isEqualTo("HTX Chè Tân Cương (mới)");
        assertThat(second.json().path("webhookUrl").isNull()).isTrue();

        // the token from the first registration still works
        String token = body.path("token").asText();
        assertThat(get("/api/v1/producers/HTX-REG-1", token).status()).isEqualTo(200);
    }

    @Test
    void aBadRegistrationNamesEveryField() {
        Reply reply = putJson("/api/v1/producers/HTX-REG-2", OFFICE_TOKEN, Map.of("email", "not-an-address",
                "webhookUrl", "http://producer.example.vn/hook"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "email", "webhookUrl", "webhookSecret");
        assertThat(get("/api/v1/producers/HTX-REG-2", OFFICE_TOKEN).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void onlyTheOfficeRegisters() {
        Reply reply = putJson("/api/v1/producers/HTX-REG-3", OPERATOR_TOKEN, Map.of("name", "x"));
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void aProducerSeesAndStocksOnlyItsOwnListings() {
        String mine = register("HTX-OWN-A");
        register("HTX-OWN-B");
        submit(listingOf("HN-PRODAPI-A-01", "HTX-OWN-A", 2));
        submit(listingOf("HN-PRODAPI-B-01", "HTX-OWN-B", 3));

        assertThat(get("/api/v1/listings/HN-PRODAPI-A-01", mine).status()).isEqualTo(200);
        Reply other = get("/api/v1/listings/HN-PRODAPI-B-01", mine);
        assertThat(other.status()).as("another producer's listing is not even confirmed to exist").isEqualTo(404);
        assertThat(get("/api/v1/listings/HN-NO-SUCH-LISTING", mine).status()).isEqualTo(404);

        assertThat(putJson("/api/v1/listings/HN-PRODAPI-A-01/stock", mine, Map.of("quantity", 7)).status())
                .isEqualTo(202);
        assertThat(listing("HN-PRODAPI-A-01").path("stock").asInt()).isEqualTo(7);
        assertThat(putJson("/api/v1/listings/HN-PRODAPI-B-01/stock", mine, Map.of("quantity", 0)).status())
                .isEqualTo(404);
        assertThat(listing("HN-PRODAPI-B-01").path("stock").asInt()).isNotZero();

        // office calls stay the office's
        assertThat(postJson("/api/v1/listings", mine, listingOf("HN-PRODAPI-A-02", "HTX-OWN-A", 2)).status())
                .isEqualTo(403);
        assertThat(get("/api/v1/listings", mine).status()).isEqualTo(403);
        assertThat(get("/api/v1/partners", mine).status()).isEqualTo(403);
    }

    @Test
    void theInboxPagesThroughEveryEventOfItsProducerOnly() {
        String token = register("HTX-INBOX-P");
        register("HTX-INBOX-Q");
        for (int i = 0; i < 3; i++) {
            events.append(stockEvent("HTX-INBOX-P", i));
        }
        events.append(stockEvent("HTX-INBOX-Q", 0));

        Reply page1 = get("/api/v1/producers/HTX-INBOX-P/notifications?limit=2", token);
        assertThat(page1.status()).as(page1.body()).isEqualTo(200);
        assertThat(page1.json().path("items")).hasSize(2);
        assertThat(page1.json().path("items").get(0).path("quantity").asLong()).isEqualTo(100);
        assertThat(page1.json().path("items").get(0).path("type").asText()).isEqualTo("INVENTORY");
        assertThat(page1.json().path("items").get(0).path("delivery").path("state").asText()).isNotEmpty();
        long next = page1.json().path("next").asLong();

        Reply page2 = get("/api/v1/producers/HTX-INBOX-P/notifications?limit=2&after=" + next, token);
        assertThat(page2.json().path("items")).hasSize(1);
        assertThat(page2.json().path("items").get(0).path("quantity").asLong()).isEqualTo(102);
        assertThat(page2.json().path("next").isNull()).isTrue();

        assertThat(get("/api/v1/producers/HTX-INBOX-Q/notifications", token).status()).isEqualTo(404);
        assertThat(get("/api/v1/producers/HTX-INBOX-Q/notifications", OFFICE_TOKEN).json().path("items")).hasSize(1);
        assertThat(get("/api/v1/producers/HTX-INBOX-P/notifications?limit=0", token).status()).isEqualTo(400);
        assertThat(get("/api/v1/producers/HTX-INBOX-P/notifications", "prod_not-a-real-token").status())
                .isEqualTo(401);
    }

    private static InventoryEvent stockEvent(String producer, int i) {
        return new InventoryEvent(EventIds.of("test", producer, String.valueOf(i)), producer, "aeon", "HN-X-" + i,
                "SKU-" + i, 100 + i, InventoryEvent.Meaning.STORE_STOCK_REPORT, "AEON-LB", null,
                Instant.parse("2026-11-21T00:00:00Z"));
    }
}
