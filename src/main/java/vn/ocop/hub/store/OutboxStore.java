package vn.ocop.hub.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Change events committed with the listing they describe, waiting to be relayed to the broker. */
@Repository
public class OutboxStore {

    public record Entry(long id, String eventId, String ocopId, int priority, String payload) {
    }

    private final JdbcTemplate jdbc;

    public OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String eventId, String ocopId, int priority, String payload) {
        jdbc.update("insert into outbox (event_id, ocop_id, priority, payload, created_at) values (?, ?, ?, ?, ?)",
                eventId, ocopId, priority, payload, Timestamp.from(Instant.now()));
    }

    /** Oldest first, so events of one listing leave in the order they were committed. */
    public List<Entry> oldest(int limit) {
        return jdbc.query("select id, event_id, ocop_id, priority, payload from outbox order by id limit ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)),
                limit);
    }

    public void delete(List<Entry> entries) {
        jdbc.batchUpdate("delete from outbox where id = ?", entries, 500, (ps, e) -> ps.setLong(1, e.id()));
    }

    public long size() {
        Long n = jdbc.queryForObject("select count(*) from outbox", Long.class);
        return n == null ? 0 : n;
    }
}
