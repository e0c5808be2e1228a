package vn.ocop.hub.producer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.hub.ingest.IngestService;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cross-channel stock: an order takes its quantities off the listing's stock once, and a
 * cancellation or return gives them back once. The stock change is an ordinary STOCK_CHANGED
 * event, so every other channel that takes stock receives it, ahead of queued content updates.
 * Runs inside the caller's transaction with the event it comes from.
 */
@Component
public class OrderStockEffects {

    private final JdbcTemplate jdbc;
    private final IngestService ingest;

    public OrderStockEffects(JdbcTemplate jdbc, IngestService ingest) {
        this.jdbc = jdbc;
        this.ingest = ingest;
    }

    public void apply(OrderEvent order) {
        for (Map.Entry<String, Long> item : quantitiesByListing(order).entrySet()) {
            if (order.status().releasesStock()) {
                release(order, item.getKey());
            } else {
                take(order, item.getKey(), item.getValue());
            }
        }
    }

    private void take(OrderEvent order, String ocopId, long quantity) {
        int inserted = jdbc.update("insert into order_stock_effect (partner, partner_order_id, ocop_id, quantity, "
                        + "restored, created_at) values (?, ?, ?, ?, false, ?) on conflict do nothing",
                order.partner(), order.partnerOrderId(), ocopId, quantity, Timestamp.from(Instant.now()));
        if (inserted == 1) {
            ingest.adjustStock(ocopId, -quantity);
        }
    }

    private void release(OrderEvent order, String ocopId) {
        Long quantity = jdbc.query("select quantity from order_stock_effect where partner = ? and partner_order_id = ? "
                        + "and ocop_id = ? and restored = false for update",
                rs -> rs.next() ? rs.getLong(1) : null, order.partner(), order.partnerOrderId(), ocopId);
        if (quantity == null) {
            return; // never taken (the hub never saw the order open), so nothing to give back
        }
        jdbc.update("update order_stock_effect set restored = true where partner = ? and partner_order_id = ? "
                + "and ocop_id = ?", order.partner(), order.partnerOrderId(), ocopId);
        ingest.adjustStock(ocopId, quantity);
    }

    /** An order may name one item on several lines; its stock moves once, by the sum. */
    private static Map<String, Long> quantitiesByListing(OrderEvent order) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (OrderEvent.Line line : order.lines()) {
            sums.merge(line.ocopId(), line.quantity(), Long::sum);
        }
        return sums;
    }
}
