package vn.ocop.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.sftp.ChainSftpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AEON acting as a chain: drops purchase orders and stock reports into its inbox over SFTP, good
 * and malformed, and the hub turns the good ones into producer events and refuses the bad ones
 * with a report, moving every file out of the inbox.
 */
class ChainInboxTest extends HubIntegrationTest {

    private static final String TEA = "HN-INBOX-TEA-01";
    private static final String RICE = "HN-INBOX-RICE-02";
    private static final String TEA_GTIN = "8930000000019";
    private static final String RICE_GTIN = "8930000000026";

    @Autowired
    private ProducerEventStore events;

    private static boolean submitted;

    @BeforeAll
    static void resetFlag() {
        submitted = false;
    }

    /** Two listings of two producers, stock 100 and 40. */
    private void listings() {
        if (submitted) {
            return;
        }
        submit(sample(0, TEA, TEA_GTIN, "PRODUCER-INBOX-A", 100));
        submit(sample(1, RICE, RICE_GTIN, "PRODUCER-INBOX-B", 40));
        submitted = true;
    }

    private ObjectNode sample(int index, String ocopId, String gtin, String producer, int stock) {
        ObjectNode node = hanoiSamples().stream().filter(s -> !tourism(s) && !expired(s)).toList().get(index).deepCopy();
        node.put("ocopId", ocopId);
        node.put("sku", ocopId + "-SKU");
        node.put("gtin", gtin);
        node.put("stock", stock);
        ((ObjectNode) node.get("producer")).put("id", producer);
        return node;
    }

    @Test
    void aPurchaseOrderBecomesOneOrderEventPerProducerAndTakesStock() throws IOException {
        listings();
        String csv = "po_number,po_date,store_code,item_code,jan_code,quantity,unit_cost,delivery_date\r\n"
                + "PO-7001,2026-11-21,AEON-LB,HN-INBOX-TEA-01,,12,41000,2026-11-25\r\n"
                + "PO-7001,2026-11-21,AEON-LB,,8930000000026,5,52000,2026-11-25\r\n"
                + "PO-7001,2026-11-21,AEON-LB,HN-INBOX-TEA-01,8930000000019,3,41000,2026-11-25\r\n";
        drop("/inbox/orders/PO-7001.csv", csv);
        awaitMoved("/inbox/orders", "/inbox/processed", "PO-7001.csv");

        List<ProducerEventStore.Stored> orders = events.byPartner("aeon").stream()
                .filter(e -> e.payload().contains("\"PO-7001\"")).toList();
        assertThat(orders).extracting(ProducerEventStore.Stored::producerId)
                .containsExactlyInAnyOrder("PRODUCER-INBOX-A", "PRODUCER-INBOX-B");
        JsonNode teaOrder = json(orders.stream().filter(e -> e.producerId().equals("PRODUCER-INBOX-A")).findFirst()
                .orElseThrow().payload());
        assertThat(teaOrder.path("type").asText()).isEqualTo("ORDER");
        assertThat(teaOrder.path("status").asText()).isEqualTo("NEW");
        assertThat(teaOrder.path("partnerOrderId").asText()).isEqualTo("PO-7001");
        assertThat(teaOrder.path("storeCode").asText()).isEqualTo("AEON-LB");
        assertThat(teaOrder.path("deliveryDate").asText()).isEqualTo("2026-11-25");
        assertThat(teaOrder.path("lines")).hasSize(2);
        assertThat(teaOrder.path("lines").get(0).path("ocopId").asText()).isEqualTo(TEA);
        assertThat(teaOrder.path("lines").get(0).path("quantity").asLong()).isEqualTo(12);
        assertThat(teaOrder.path("lines").get(0).path("unitPrice").asLong()).isEqualTo(41000);

        // the order sold 15 of the tea and 5 of the rice
        await().atMost(Duration.ofSeconds(30)).until(() -> listing(TEA).path("stock").asInt() == 85
                && listing(RICE).path("stock").asInt() == 35);

        // the same purchase order again, under another name: nothing new, stock moved once
        long before = events.count();
        drop("/inbox/orders/PO-7001-again.csv", csv);
        awaitMoved("/inbox/orders", "/inbox/processed", "PO-7001-again.csv");
        assertThat(events.count()).isEqualTo(before);
        assertThat(listing(TEA).path("stock").asInt()).isEqualTo(85);
    }

    @Test
    void aMalformedOrderIsRefusedWholeWithEveryReason() throws IOException {
        listings();
        String csv = "po_number,po_date,store_code,item_code,jan_code,quantity,unit_cost,delivery_date\r\n"
                + "PO-7002,2026-11-21,AEON-LB,HN-INBOX-TEA-01,,4,41000,2026-11-25\r\n"
                + "PO-7002,21-11-2026,AEON-LB,HN-INBOX-TEA-01,,mười,41000,2026-11-25\r\n"
                + "PO-7002,2026-11-21,AEON-LB,HN-NO-SUCH-ITEM,,2,41000,2026-11-25\r\n"
                + "PO-7002,2026-11-21,AEON-LB,,,2,41000,2026-11-25\r\n";
        drop("/inbox/orders/PO-7002.csv", csv);
        awaitMoved("/inbox/orders", "/inbox/error", "PO-7002.csv");
        String report;
        try (ChainSftpClient aeon = aeon()) {
            report = new String(aeon.read("/inbox/error/PO-7002.csv.error.txt"), StandardCharsets.UTF_8);
        }
        assertThat(report).contains("line 3, column po_date", "line 3, column quantity", "\"mười\"",
                "line 4: item code HN-NO-SUCH-ITEM matches no OCOP listing",
                "line 5: item_code and jan_code are both empty", "Nothing from this file was applied");
        assertThat(events.byPartner("aeon")).noneMatch(e -> e.payload().contains("PO-7002"));
    }

    @Test
    void aStockReportReachesTheProducerAndLeavesStockAlone() throws IOException {
        listings();
        int stockBefore = listing(RICE).path("stock").asInt();
        drop("/inbox/stock/stock-20261121.csv", "\uFEFFreport_date,store_code,item_code,on_hand,sold_qty\r\n"
                + "2026-11-21,AEON-TP,HN-INBOX-RICE-02,17,6\r\n");
        awaitMoved("/inbox/stock", "/inbox/processed", "stock-20261121.csv");
        ProducerEventStore.Stored stored = events.byPartner("aeon").stream()
                .filter(e -> e.type().equals("INVENTORY") && e.payload().contains(RICE)).findFirst().orElseThrow();
        JsonNode event = json(stored.payload());
        assertThat(stored.producerId()).isEqualTo("PRODUCER-INBOX-B");
        assertThat(event.path("quantity").asLong()).isEqualTo(17);
        assertThat(event.path("soldQuantity").asLong()).isEqualTo(6);
        assertThat(event.path("meaning").asText()).isEqualTo("STORE_STOCK_REPORT");
        assertThat(event.path("storeCode").asText()).isEqualTo("AEON-TP");
        assertThat(listing(RICE).path("stock").asInt()).isEqualTo(stockBefore);
    }

    @Test
    void aFileStillBeingUploadedUnderAHiddenNameIsLeftAlone() throws IOException {
        listings();
        try (ChainSftpClient aeon = aeon()) {
            aeon.write("/inbox/orders/.PO-7003.csv.part", "po_number,po_date".getBytes(StandardCharsets.UTF_8));
        }
        drop("/inbox/orders/PO-7004.csv", "po_number,po_date,store_code,item_code,jan_code,quantity,unit_cost,"
                + "delivery_date\r\nPO-7004,2026-11-22,AEON-LB,HN-INBOX-RICE-02,,1,52000,\r\n");
        awaitMoved("/inbox/orders", "/inbox/processed", "PO-7004.csv");
        try (ChainSftpClient aeon = aeon()) {
            assertThat(aeon.list("/inbox/orders")).contains(".PO-7003.csv.part");
        }
    }

    private ChainSftpClient aeon() throws IOException {
        return ChainSftpClient.connect("127.0.0.1", SFTP_PORT, "aeon", AEON_PASSWORD);
    }

    private void drop(String path, String content) throws IOException {
        try (ChainSftpClient aeon = aeon()) {
            aeon.write(path, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void awaitMoved(String from, String to, String name) {
        await().alias(name + " moved to " + to).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    try (ChainSftpClient aeon = aeon()) {
                        return !aeon.list(from).contains(name) && aeon.list(to).contains(name);
                    }
                });
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
