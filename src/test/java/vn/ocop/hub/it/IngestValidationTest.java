package vn.ocop.hub.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.samples.ListingGenerator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the office's API accepts, refuses and reports, and that it refuses it before anything is stored. */
class IngestValidationTest extends HubIntegrationTest {

    @Test
    void withoutATokenNothingIsAccepted() {
        ObjectNode listing = generatedMarketplaceListing(71_000);

        Reply none = postJson("/api/v1/listings", null, listing);
        Reply wrong = postJson("/api/v1/listings", "not-a-token", listing);

        for (Reply reply : List.of(none, wrong)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("title").asText()).isEqualTo("Unauthorized");
        }
        assertThat(get("/api/v1/listings/" + listing.get("ocopId").asText(), OFFICE_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void theOperatorMayNotPublish() {
        ObjectNode listing = generatedMarketplaceListing(72_000);

        Reply reply = postJson("/api/v1/listings", OPERATOR_TOKEN, listing);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/listings/" + listing.get("ocopId").asText(), OFFICE_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void anInvalidListingIsRefusedNamingEveryBadFieldByItsPath() {
        ObjectNode listing = rekeyed(hanoiSamples().get(0), "IV-");
        String ocopId = listing.get("ocopId").asText();
        listing.put("gtin", "8936814520018"); // check digit should be 9
        ((ObjectNode) listing.get("name")).put("vi", "  ");
        ((ObjectNode) listing.get("certification")).put("validUntil", "2020-01-01");
        ((ObjectNode) listing.get("producer")).put("taxCode", "12345");
        ((ObjectNode) listing.get("price")).put("retail", 120000.5);
        listing.put("stock", -1);
        listing.withArray("images").set(1, JSON.getNodeFactory().textNode("http://cdn.example/insecure.jpg"));

        Reply reply = postJson("/api/v1/listings", OFFICE_TOKEN, listing);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder(
                "gtin", "name.vi", "certification.validUntil", "producer.taxCode", "price.retail", "stock", "images[1]");
        assertThat(problem.path("errors")).allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank());
        assertThat(get("/api/v1/listings/" + ocopId, OFFICE_TOKEN).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aMixedFeedAcceptsTheValidRecordsAndReportsTheInvalidByIndex() throws IOException {
        List<ObjectNode> feed = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("samples/mixed-feed.ndjson"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                // own ids and SKUs, so this feed cannot touch the Hà Nội samples other tests publish
                feed.add(rekeyed((ObjectNode) JSON.readTree(line), "MX-"));
            }
        }
        assertThat(feed).hasSize(5);

        Reply reply = postNdjson("/api/v1/feeds", OFFICE_TOKEN, feed);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode report = reply.json();
        assertThat(report.path("feedId").asText()).isNotBlank();
        assertThat(report.path("received").asInt()).isEqualTo(5);
        assertThat(report.path("accepted").asInt()).isEqualTo(3);
        assertThat(report.path("unchanged").asInt()).isZero();
        assertThat(report.path("rejected").asInt()).isEqualTo(2);
        assertThat(report.path("withdrawn").asInt()).isZero();
        assertThat(report.path("errors")).extracting(e -> e.path("index").asInt(), e -> e.path("ocopId").asText())
                .containsExactly(tuple(1, "MX-2025-0311"), tuple(3, "MX-2024-0064"));
        assertThat(report.path("errors").get(0).path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("gtin", "potentialFiveStar", "certification.level",
                        "certification.status", "price.retail", "images[1]");
        assertThat(report.path("errors").get(1).path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("name.vi", "potentialFiveStar", "certification.validUntil",
                        "producer.taxCode", "price.retail", "price.vatRate", "stock");

        Reply again = get("/api/v1/feeds/" + report.path("feedId").asText(), OFFICE_TOKEN);
        assertThat(again.status()).isEqualTo(200);
        for (String field : List.of("feedId", "received", "accepted", "rejected", "withdrawn", "errors")) {
            assertThat(again.json().path(field)).as(field).isEqualTo(report.path(field));
        }
        for (int i : List.of(0, 2, 4)) {
            JsonNode stored = listing(feed.get(i).get("ocopId").asText());
            assertThat(stored.path("version").asLong()).isEqualTo(feed.get(i).get("version").asLong());
        }
        for (int i : List.of(1, 3)) {
            assertThat(get("/api/v1/listings/" + feed.get(i).get("ocopId").asText(), OFFICE_TOKEN).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aVersionThatIsNotNewerIsAConflict() {
        ListingGenerator generator = new ListingGenerator(ListingGenerator.DEFAULT_SEED);
        ObjectNode v2 = generator.listing(73_000, 2);
        ObjectNode v1 = generator.listing(73_000, 1);
        String ocopId = v2.get("ocopId").asText();
        assertThat(submit(v2).path("change").asText()).isEqualTo("CREATED");

        Reply older = postJson("/api/v1/listings", OFFICE_TOKEN, v1);

        assertThat(older.status()).isEqualTo(409);
        assertThat(older.contentType()).startsWith("application/problem+json");
        assertThat(older.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("version");
        ObjectNode sameVersionOtherContent = v2.deepCopy().put("stock", v2.get("stock").asInt() + 1);
        assertThat(postJson("/api/v1/listings", OFFICE_TOKEN, sameVersionOtherContent).status()).isEqualTo(409);
        JsonNode stored = listing(ocopId);
        assertThat(stored.path("version").asLong()).isEqualTo(2);
        assertThat(stored.path("stock").asInt()).isEqualTo(v2.get("stock").asInt());
    }

    @Test
    void aListingLargerThanAMegabyteIsRefused() {
        ObjectNode listing = generatedMarketplaceListing(74_000);
        ((ObjectNode) listing.get("description")).put("vi", "x".repeat(1_100_000));

        Reply reply = postJson("/api/v1/listings", OFFICE_TOKEN, listing);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/listings/" + listing.get("ocopId").asText(), OFFICE_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aFullFeedWithdrawsWhatIsAbsentFromIt() {
        ObjectNode kept = generatedMarketplaceListing(80_000);
        ObjectNode dropped = generatedMarketplaceListing(80_100);
        submit(kept);
        submit(dropped);
        String droppedId = dropped.get("ocopId").asText();
        awaitState(kept.get("ocopId").asText(), "postmart", "SYNCED");
        awaitState(droppedId, "postmart", "SYNCED");
        // The office's full catalogue is everything it has published, less the one it dropped.
        List<JsonNode> catalogue = activeListings().stream()
                .filter(l -> !droppedId.equals(l.get("ocopId").asText())).toList();
        assertThat(catalogue).extracting(l -> l.get("ocopId").asText()).contains(kept.get("ocopId").asText());

        Reply reply = postNdjson("/api/v1/feeds?mode=full", OFFICE_TOKEN, catalogue);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode report = reply.json();
        assertThat(report.path("received").asInt()).isEqualTo(catalogue.size());
        assertThat(report.path("accepted").asInt()).isEqualTo(catalogue.size());
        assertThat(report.path("unchanged").asInt()).isEqualTo(catalogue.size());
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("withdrawn").asInt()).isEqualTo(1);
        JsonNode gone = listing(droppedId);
        assertThat(gone.path("withdrawn").asBoolean()).isTrue();
        assertThat(gone.path("withdrawnReason").asText()).contains("absent from full feed");
        assertThat(listing(kept.get("ocopId").asText()).path("withdrawn").asBoolean()).isFalse();
        awaitState(droppedId, "postmart", "WITHDRAWN");
        assertThat(POSTMART.status(dropped.get("sku").asText())).isEqualTo("WITHDRAWN");
        assertThat(POSTMART.status(kept.get("sku").asText())).isEqualTo("ACTIVE");
    }

    @Test
    void aFeedOfTwoThousandListingsIsStreamedInAndReportedExactly() {
        int count = 2_000;
        ListingGenerator generator = new ListingGenerator(ListingGenerator.DEFAULT_SEED);

        Reply reply = postStream("/api/v1/feeds", OFFICE_TOKEN, "application/json",
                () -> jsonArray(generator.stream(count, 1).iterator()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode report = reply.json();
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("received").asInt()).isEqualTo(count);
        assertThat(report.path("accepted").asInt()).isEqualTo(count);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("errors")).isEmpty();
        JsonNode again = get("/api/v1/feeds/" + report.path("feedId").asText(), OFFICE_TOKEN).json();
        assertThat(again.path("accepted").asInt()).isEqualTo(count);
        assertThat(listing("GEN-00000000").path("version").asLong()).isEqualTo(1);
        assertThat(listing("GEN-00001999").path("version").asLong()).isEqualTo(1);

        // and all of it reaches Postmart: exactly the eligible ones, each once
        Set<String> eligibleSkus = IntStream.range(0, count).mapToObj(i -> generator.listing(i, 1))
                .filter(HubIntegrationTest::marketplaceEligible).map(l -> l.get("sku").asText())
                .collect(Collectors.toSet());
        assertThat(eligibleSkus).hasSizeGreaterThan(count / 2);
        awaitPostmartIdle(Duration.ofSeconds(180));
        Set<String> generatedAtPostmart = POSTMART.products().values().stream()
                .filter(p -> p.at("/ocop/ocopId").asText().matches("GEN-0000\\d{4}"))
                .map(p -> p.get("sellerSku").asText()).collect(Collectors.toSet());
        assertThat(generatedAtPostmart).isEqualTo(eligibleSkus);
        long puts = POSTMART.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.status() < 300)
                .filter(r -> eligibleSkus.contains(r.path().substring("/v1/products/".length())))
                .count();
        assertThat(puts).as("one PUT per eligible listing").isEqualTo(eligibleSkus.size());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The listing under new ids: ocopId and SKU get the prefix instead of their own first segment. */
    private static ObjectNode rekeyed(ObjectNode listing, String prefix) {
        ObjectNode copy = listing.deepCopy();
        copy.put("ocopId", prefix + copy.get("ocopId").asText().replaceFirst("^[A-Z]+-", ""));
        copy.put("sku", prefix + copy.get("sku").asText());
        return copy;
    }

    /** Every listing the hub holds that is not withdrawn, as the office would resend it. */
    private List<JsonNode> activeListings() {
        List<JsonNode> active = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get("/api/v1/listings?page=" + page, OFFICE_TOKEN).json();
            for (JsonNode item : answer.path("items")) {
                if (!item.path("withdrawn").asBoolean()) {
                    ObjectNode listing = (ObjectNode) item.deepCopy();
                    listing.remove(List.of("revision", "withdrawn", "withdrawnReason", "updatedAt", "partners"));
                    active.add(listing);
                }
            }
            if (!answer.has("next")) {
                return active;
            }
        }
    }

    /** A JSON array serialised one listing at a time as the client reads it: never whole in memory. */
    private static InputStream jsonArray(Iterator<ObjectNode> listings) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private boolean opened;
            private boolean closed;
            private boolean first = true;

            @Override
            public boolean hasMoreElements() {
                return !closed;
            }

            @Override
            public InputStream nextElement() {
                String text;
                if (!opened) {
                    opened = true;
                    text = "[";
                } else if (listings.hasNext()) {
                    text = (first ? "" : ",") + json(listings.next());
                    first = false;
                } else {
                    closed = true;
                    text = "]";
                }
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
