package vn.ocop.hub.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The producer_event table: each producer's inbox and the notifier's work list in one. An event
 * is written once (its id is stable); delivery state moves PENDING → DELIVERED or PARKED.
 */
@Repository
public class ProducerEventStore {

    public enum DeliveryState { PENDING, DELIVERED, PARKED, INBOX_ONLY }

    /** One stored event with its delivery record; {@code payload} is the canonical JSON sent to the producer. */
    public record Stored(long seq, String eventId, String producerId, String type, String partner, String payload,
                         Instant occurredAt, Instant createdAt, DeliveryState deliveryState, String channel,
                         int attempts, Instant nextAttemptAt, Instant failingSince, String lastError,
                         Instant deliveredAt) {
    }

    private static final RowMapper<Stored> ROW = (rs, i) -> new Stored(rs.getLong("seq"), rs.getString("event_id"),
            rs.getString("producer_id"), rs.getString("type"), rs.getString("partner"), rs.getString("payload"),
            instant(rs.getTimestamp("occurred_at")), instant(rs.getTimestamp("created_at")),
            DeliveryState.valueOf(rs.getString("delivery_state")), rs.getString("channel"), rs.getInt("attempts"),
            instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("failing_since")),
            rs.getString("last_error"),
            instant(rs.getTimestamp("delivered_at")));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ProducerEventStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the event unless one with its id exists; true when it was new. */
    public boolean append(ProducerEvent event) {
        Instant now = Instant.now();
        int inserted = jdbc.update("insert into producer_event (event_id, producer_id, type, partner, payload, "
                        + "occurred_at, created_at, delivery_state, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict do nothing",
                event.eventId(), event.producerId(), event.type(), event.partner(), write(event),
                Timestamp.from(event.occurredAt()), Timestamp.from(now), DeliveryState.PENDING.name(),
                Timestamp.from(now));
        return inserted == 1;
    }

    public Optional<Stored> find(String eventId) {
        return jdbc.query("select * from producer_event where event_id = ?", ROW, eventId).stream().findFirst();
    }

    /** A producer's inbox, oldest first, after the given sequence number. */
    public List<Stored> inbox(String producerId, long afterSeq, int limit) {
        return jdbc.query("select * from producer_event where producer_id = ? and seq > ? order by seq limit ?",
                ROW, producerId, afterSeq, limit);
    }

    public List<Stored> byPartner(String partner) {
        return jdbc.query("select * from producer_event where partner = ? order by seq", ROW, partner);
    }

    /**
     * Producers whose oldest undelivered event is due. Only a producer's head event counts:
     * later ones wait behind it, which is what keeps each producer's deliveries in order.
     */
    public List<Stored> dueHeads(Instant now, int limit) {
        return jdbc.query("select e.* from producer_event e where e.seq in ("
                + "select min(seq) from producer_event where delivery_state = 'PENDING' group by producer_id) "
                + "and e.next_attempt_at <= ? order by e.seq limit ?", ROW, Timestamp.from(now), limit);
    }

    public void delivered(long seq, String channel) {
        jdbc.update("update producer_event set delivery_state = 'DELIVERED', channel = ?, attempts = attempts + 1, "
                + "delivered_at = ?, last_error = null, failing_since = null where seq = ?", channel,
                Timestamp.from(Instant.now()), seq);
    }

    public void inboxOnly(long seq) {
        jdbc.update("update producer_event set delivery_state = 'INBOX_ONLY', channel = 'INBOX' where seq = ?", seq);
    }

    public void failed(long seq, String channel, String error, Instant nextAttemptAt) {
        jdbc.update("update producer_event set channel = ?, attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = ?, failing_since = coalesce(failing_since, ?) where seq = ?",
                channel, truncate(error), Timestamp.from(nextAttemptAt), Timestamp.from(Instant.now()), seq);
    }

    public void parked(long seq, String channel, String error) {
        jdbc.update("update producer_event set delivery_state = 'PARKED', channel = ?, attempts = attempts + 1, "
                + "last_error = ? where seq = ?", channel, truncate(error), seq);
    }

    /** An operator's replay: the event is due again now, with a fresh retry budget. */
    public boolean replay(String eventId) {
        Instant now = Instant.now();
        return jdbc.update("update producer_event set delivery_state = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "failing_since = null where event_id = ? and delivery_state in ('PARKED', 'INBOX_ONLY')",
                Timestamp.from(now), eventId) == 1;
    }

    public List<Stored> parked(int limit) {
        return jdbc.query("select * from producer_event where delivery_state = 'PARKED' order by seq limit ?",
                ROW, limit);
    }

    /** Events in one delivery state, oldest first: what the operator looks through. */
    public List<Stored> inState(DeliveryState state, int limit) {
        return jdbc.query("select * from producer_event where delivery_state = ? order by seq limit ?",
                ROW, state.name(), limit);
    }

    public long countInState(DeliveryState state) {
        Long n = jdbc.queryForObject("select count(*) from producer_event where delivery_state = ?", Long.class,
                state.name());
        return n == null ? 0 : n;
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from producer_event", Long.class);
        return n == null ? 0 : n;
    }

    private String write(ProducerEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.eventId(), e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
