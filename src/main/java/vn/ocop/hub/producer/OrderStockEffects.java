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
 * cancellation or return gives back, once, the units it names. The stock change is an ordinary STOCK_CHANGED
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
                // a whole-order cancellation gives back all the order took, whatever lines it repeats
                release(order, item.getKey(), order.unitsOnly() ? item.getValue() : Long.MAX_VALUE);
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

    /**
     * The order now has {@code units} of this listing in the event's releasing status: gives back
     * what that adds to what this status gave back before, never more than the order took. A
     * partner that cancels unit by unit (Lazada) thus returns each unit once, and a whole-order
     * cancellation ({@code units} unbounded), however often it is reported, returns everything once.
     */
    private void release(OrderEvent order, String ocopId, long units) {
        Long taken = jdbc.query("select quantity from order_stock_effect where partner = ? and partner_order_id = ? "
                        + "and ocop_id = ? for update",
                rs -> rs.next() ? rs.getLong(1) : null, order.partner(), order.partnerOrderId(), ocopId);
        if (taken == null) {
            return; // never taken (the hub never saw the order open), so nothing to give back
        }
        long byAll = 0;
        long byThisStatus = 0;
        for (Map<String, Object> row : jdbc.queryForList("select status, quantity from order_stock_release "
                + "where partner = ? and partner_order_id = ? and ocop_id = ?",
                order.partner(), order.partnerOrderId(), ocopId)) {
            long quantity = ((Number) row.get("quantity")).longValue();
            byAll += quantity;
            if (order.status().name().equals(row.get("status"))) {
                byThisStatus = quantity;
            }
        }
        long more = Math.min(units - byThisStatus, taken - byAll);
        if (more <= 0) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        // the row lock on order_stock_effect serialises writers of this order and listing
        if (jdbc.update("update order_stock_release set quantity = ?, updated_at = ? where partner = ? "
                        + "and partner_order_id = ? and ocop_id = ? and status = ?", byThisStatus + more, now,
                order.partner(), order.partnerOrderId(), ocopId, order.status().name()) == 0) {
            jdbc.update("insert into order_stock_release (partner, partner_order_id, ocop_id, status, quantity, "
                            + "updated_at) values (?, ?, ?, ?, ?, ?)", order.partner(), order.partnerOrderId(), ocopId,
                    order.status().name(), more, now);
        }
        jdbc.update("update order_stock_effect set restored = ? where partner = ? and partner_order_id = ? "
                + "and ocop_id = ?", byAll + more >= taken, order.partner(), order.partnerOrderId(), ocopId);
        ingest.adjustStock(ocopId, more);
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
