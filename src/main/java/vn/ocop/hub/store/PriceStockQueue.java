package vn.ocop.hub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ocop.hub.model.ChangeEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Price and stock changes staged for a partner that takes many items per call (table
 * {@code price_stock_batch}). Rows are keyed by listing: staging a newer revision replaces the
 * older one and keeps what either asked for (price, stock or both), since both values are read
 * from the newest listing. A sender claims rows for the length of a call (a lease, so several hub
 * instances can share the table) and removes a row only at the revision it sent, so a change
 * staged while a batch was in flight goes with the next batch.
 */
@Repository
public class PriceStockQueue {

    /** A staged change; {@code event} is the listing's change at {@code revision}. */
    public record Staged(String partner, String ocopId, long revision, String itemId, boolean price, boolean stock,
                         ChangeEvent event, Instant stagedAt, int attempts, String lastError) {
    }

    /** Rows one sender holds until {@link #release}. */
    public record Claim(String token, List<Staged> rows) {
    }

    private static final String UNCLAIMED = "(claimed_until is null or claimed_until < ?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Staged> row;

    public PriceStockQueue(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> new Staged(rs.getString("partner"), rs.getString("ocop_id"), rs.getLong("revision"),
                rs.getString("item_id"), rs.getBoolean("send_price"), rs.getBoolean("send_stock"),
                read(rs.getString("change_event")), rs.getTimestamp("staged_at").toInstant(), rs.getInt("attempts"),
                rs.getString("last_error"));
    }

    /**
     * Stages this change unless the row already holds the same or a newer revision (a redelivered
     * message). A claimed row is updated too: its sender will not remove the newer revision. Update
     * first, then insert: portable across H2 and PostgreSQL, and a racing insert loses quietly.
     */
    public void stage(String partner, ChangeEvent event, String itemId, boolean price, boolean stock, Instant now) {
        String body = write(event);
        if (update(partner, event, itemId, price, stock, body) > 0) {
            return;
        }
        Timestamp at = millis(now);
        int inserted = jdbc.update("insert into price_stock_batch (partner, ocop_id, revision, item_id, send_price, "
                        + "send_stock, change_event, staged_at, attempts, next_attempt_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?) on conflict do nothing",
                partner, event.ocopId(), event.revision(), itemId, price, stock, body, at, at);
        if (inserted == 0) {
            update(partner, event, itemId, price, stock, body);
        }
    }

    private int update(String partner, ChangeEvent event, String itemId, boolean price, boolean stock, String body) {
        // attempts and next_attempt_at stay: a partner that is failing is not asked sooner for it
        return jdbc.update("update price_stock_batch set revision = ?, item_id = ?, send_price = (send_price or ?), "
                        + "send_stock = (send_stock or ?), change_event = ? "
                        + "where partner = ? and ocop_id = ? and revision < ?",
                event.revision(), itemId, price, stock, body, partner, event.ocopId(), event.revision());
    }

    /**
     * Claims up to {@code limit} due rows, oldest first, until {@code leaseUntil}. Each row is
     * claimed by its own conditional update, so two senders never hold the same row.
     */
    public Claim claim(String partner, Instant now, Instant leaseUntil, int limit) {
        Timestamp at = Timestamp.from(now);
        List<String> candidates = jdbc.queryForList("select ocop_id from price_stock_batch where partner = ? "
                + "and next_attempt_at <= ? and " + UNCLAIMED + " order by staged_at, ocop_id limit ?",
                String.class, partner, at, at, limit);
        String token = UUID.randomUUID().toString();
        for (String ocopId : candidates) {
            jdbc.update("update price_stock_batch set claim_token = ?, claimed_until = ? "
                    + "where partner = ? and ocop_id = ? and " + UNCLAIMED,
                    token, Timestamp.from(leaseUntil), partner, ocopId, at);
        }
        return new Claim(token, jdbc.query("select * from price_stock_batch where partner = ? and claim_token = ? "
                + "order by staged_at, ocop_id", row, partner, token));
    }

    /** Frees whatever of this claim is left: rows that failed, and rows a newer change replaced meanwhile. */
    public void release(String partner, String token) {
        jdbc.update("update price_stock_batch set claim_token = null, claimed_until = null "
                + "where partner = ? and claim_token = ?", partner, token);
    }

    /** Removes the row if it still holds {@code revision}; false when a newer change replaced it meanwhile. */
    public boolean sent(String partner, String ocopId, long revision) {
        return jdbc.update("delete from price_stock_batch where partner = ? and ocop_id = ? and revision = ?",
                partner, ocopId, revision) > 0;
    }

    /**
     * A content delivery or a withdrawal supersedes what is staged for the listing: removes the row
     * unless a sender holds it. True when nothing is left; false while a batch carrying it is in flight.
     */
    public boolean discard(String partner, String ocopId, Instant now) {
        // nearly every content update finds no row: one read settles it
        List<Timestamp> rows = jdbc.queryForList("select claimed_until from price_stock_batch where partner = ? "
                + "and ocop_id = ?", Timestamp.class, partner, ocopId);
        if (rows.isEmpty()) {
            return true;
        }
        Timestamp at = Timestamp.from(now);
        // none deleted: a sender claimed it meanwhile
        return jdbc.update("delete from price_stock_batch where partner = ? and ocop_id = ? and " + UNCLAIMED,
                partner, ocopId, at) > 0;
    }

    /** The send failed for a reason that may pass: try again after {@code retryAt}. */
    public void failed(String partner, String ocopId, long revision, Instant retryAt, String error) {
        jdbc.update("update price_stock_batch set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                        + "where partner = ? and ocop_id = ? and revision = ?",
                millis(retryAt), Binding.truncate(error), partner, ocopId, revision);
    }

    public long count(String partner) {
        Long n = jdbc.queryForObject("select count(*) from price_stock_batch where partner = ?", Long.class, partner);
        return n == null ? 0 : n;
    }

    /**
     * Whole milliseconds: a database that keeps fewer digits could round up past "now", and a
     * change staged this instant would not count as due at it.
     */
    private static Timestamp millis(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private String write(ChangeEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write change event " + event.eventId(), e);
        }
    }

    private ChangeEvent read(String body) {
        try {
            return json.readValue(body, ChangeEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable staged change event: " + e.getOriginalMessage(), e);
        }
    }
}
