package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.hub.fakes.RecordedRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Postmart misbehaving: transient failures are retried, rejections are not, exhausted retries
 * park the message for the operator, and a change delivered twice reaches Postmart once.
 * Each test scripts the fake's next answers, so it first waits until no other traffic is
 * heading for Postmart.
 */
class DeliveryFailureTest extends HubIntegrationTest {

    @Autowired
    private ProducerTemplate producer;

    @BeforeEach
    void nothingElseOnItsWayToPostmart() {
        awaitPostmartIdle(Duration.ofSeconds(180));
    }

    @Test
    void twoServiceUnavailableAnswersAreRetriedAndTheListingArrivesOnce() {
        ObjectNode listing = generatedMarketplaceListing(50_000);
        String ocopId = listing.get("ocopId").asText();
        String sku = listing.get("sku").asText();
        NotifyBuilder handled = watch(notifySync("postmart", ocopId).whenDone(1));
        POSTMART.failNext(2, 503);

        submit(listing);

        assertThat(handled.matches(30, TimeUnit.SECONDS)).isTrue();
        List<RecordedRequest> requests = postmartRequestsFor(sku);
        assertThat(requests).filteredOn(r -> r.status() == 503).hasSize(2);
        assertThat(requests).filteredOn(r -> r.status() < 300).as("created once")
                .singleElement().satisfies(r -> {
                    assertThat(r.method()).isEqualTo("PUT");
                    assertThat(r.status()).isEqualTo(201);
                });
        JsonNode product = POSTMART.product(sku).orElseThrow();
        assertThat(product.path("status").asText()).isEqualTo("ACTIVE");
        JsonNode binding = binding(ocopId, "postmart");
        assertThat(binding.path("state").asText()).isEqualTo("SYNCED");
        assertThat(binding.path("partnerItemId").asText()).isEqualTo(product.path("productId").asText());
    }

    @Test
    void aRejectionIsNotRetriedAndShowsPostmartsReasonUntilANewVersionArrives() {
        ObjectNode listing = generatedMarketplaceListing(51_000);
        String ocopId = listing.get("ocopId").asText();
        String sku = listing.get("sku").asText();
        NotifyBuilder handled = watch(notifySync("postmart", ocopId).whenDone(1));
        POSTMART.failNext(1, 400);

        submit(listing);

        assertThat(handled.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(postmartRequestsFor(sku)).as("one attempt, no retry")
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(POSTMART.product(sku)).isEmpty();
        JsonNode binding = binding(ocopId, "postmart");
        assertThat(binding.path("state").asText()).isEqualTo("REJECTED");
        assertThat(binding.path("reason").asText()).contains("Injected by the test"); // the fake's problem detail

        NotifyBuilder corrected = watch(notifySync("postmart", ocopId).whenDone(1));
        ObjectNode v2 = listing.deepCopy().put("version", 2);
        ((ObjectNode) v2.get("description")).put("vi", v2.at("/description/vi").asText() + " Bản sửa.");
        assertThat(submit(v2).path("change").asText()).isEqualTo("UPDATED");
        assertThat(corrected.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(binding(ocopId, "postmart").path("state").asText()).isEqualTo("SYNCED");
        assertThat(POSTMART.status(sku)).isEqualTo("ACTIVE");
    }

    @Test
    void whenRetriesRunOutTheChangeIsParkedAndAReplayDeliversIt() {
        ObjectNode listing = generatedMarketplaceListing(52_000);
        String ocopId = listing.get("ocopId").asText();
        String sku = listing.get("sku").asText();
        NotifyBuilder parked = watch(notifySync("postmart", ocopId).whenDone(1));
        POSTMART.failNext(POSTMART_RETRY_ATTEMPTS, 503);

        submit(listing);

        assertThat(parked.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(postmartRequestsFor(sku)).hasSize(POSTMART_RETRY_ATTEMPTS)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(503));
        assertThat(POSTMART.product(sku)).isEmpty();
        JsonNode failed = binding(ocopId, "postmart");
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("reason").asText()).contains("503");

        assertThat(get("/api/v1/dead-letters?partner=postmart", OFFICE_TOKEN).status()).isEqualTo(403);
        Reply deadLetters = get("/api/v1/dead-letters?partner=postmart", OPERATOR_TOKEN);
        assertThat(deadLetters.status()).isEqualTo(200);
        JsonNode letter = parkedFor(deadLetters.json(), ocopId);
        assertThat(letter).as("%s in DLQ.partner.postmart: %s", ocopId, deadLetters.body()).isNotNull();
        assertThat(letter.path("reason").asText()).contains("503");
        assertThat(letter.path("id").asText()).isNotBlank();

        NotifyBuilder replayed = watch(notifySync("postmart", ocopId).whenDone(1));
        Reply replay = postJson("/api/v1/dead-letters/" + URLEncoder.encode(letter.path("id").asText(),
                StandardCharsets.UTF_8) + "/replay?partner=postmart", OPERATOR_TOKEN, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);

        assertThat(replayed.matches(30, TimeUnit.SECONDS)).isTrue();
        JsonNode synced = binding(ocopId, "postmart");
        assertThat(synced.path("state").asText()).isEqualTo("SYNCED");
        assertThat(synced.path("partnerItemId").asText())
                .isEqualTo(POSTMART.product(sku).orElseThrow().path("productId").asText());
        assertThat(parkedFor(get("/api/v1/dead-letters?partner=postmart", OPERATOR_TOKEN).json(), ocopId))
                .as("no longer parked").isNull();
    }

    @Test
    void theSameChangeDeliveredTwiceReachesPostmartOnce() throws Exception {
        ObjectNode listing = generatedMarketplaceListing(53_000);
        String ocopId = listing.get("ocopId").asText();
        String sku = listing.get("sku").asText();
        MockEndpoint firstDelivery = camel.getEndpoint("mock:postmart-first-" + UUID.randomUUID(), MockEndpoint.class);
        firstDelivery.expectedMessageCount(1);
        NotifyBuilder first = watch(notifySync("postmart", ocopId).whenDoneSatisfied(firstDelivery));

        submit(listing);

        assertThat(first.matches(30, TimeUnit.SECONDS)).isTrue();
        String event = firstDelivery.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(binding(ocopId, "postmart").path("state").asText()).isEqualTo("SYNCED");
        List<RecordedRequest> before = postmartRequestsFor(sku);
        assertThat(before).filteredOn(r -> r.method().equals("PUT")).hasSize(1);

        NotifyBuilder second = watch(notifySync("postmart", ocopId).whenDone(1));
        // listing.changes is a multicast address: its fully qualified queue name is reached as a topic
        producer.sendBodyAndHeader("jms:topic:listing.changes::partner.postmart", event, "JMSXGroupID", ocopId);

        assertThat(second.matches(30, TimeUnit.SECONDS)).as("the copy was consumed").isTrue();
        assertThat(postmartRequestsFor(sku)).as("nothing sent for the copy").isEqualTo(before);
        assertThat(binding(ocopId, "postmart").path("state").asText()).isEqualTo("SYNCED");
    }

    private static JsonNode parkedFor(JsonNode deadLetters, String ocopId) {
        for (JsonNode item : deadLetters.path("items")) {
            if (ocopId.equals(item.path("ocopId").asText())) {
                return item;
            }
        }
        return null;
    }
}
