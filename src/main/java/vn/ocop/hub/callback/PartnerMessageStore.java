package vn.ocop.hub.callback;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ocop.hub.support.Digests;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The partner_message table: what partners told the hub, stored before they were answered, and
 * the worker's progress on each. Times are wall-clock (not the hub's Clock bean, which judges
 * certificates and may be fixed), so "due" means due now.
 */
@Repository
public class PartnerMessageStore {

    static final int MAX_KEY = 300;
    private static final int MAX_ERROR = 2000;

    private static final RowMapper<PartnerMessage> ROW = (rs, i) -> new PartnerMessage(rs.getLong("id"),
            rs.getString("partner"), rs.getString("dedup_key"), rs.getString("payload"),
            instant(rs.getTimestamp("received_at")), PartnerMessage.State.valueOf(rs.getString("state")),
            rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
            instant(rs.getTimestamp("processed_at")));

    private final JdbcTemplate jdbc;

    public PartnerMessageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a message unless one with the same partner and key exists (a redelivery); true when
     * it was new. One statement: committed when it returns, unless the caller holds a transaction.
     */
    public boolean receive(String partner, String dedupKey, String payload) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.update("insert into partner_message (partner, dedup_key, payload, received_at, state, attempts, "
                        + "next_attempt_at) values (?, ?, ?, ?, 'RECEIVED', 0, ?) on conflict do nothing",
                partner, fitKey(dedupKey), payload, now, now) == 1;
    }

    /** RECEIVED messages whose next attempt is due, oldest first. */
    public List<PartnerMessage> due(Instant now, int limit) {
        return jdbc.query("select * from partner_message where state = 'RECEIVED' and next_attempt_at <= ? "
                + "order by id limit ?", ROW, Timestamp.from(now), limit);
    }

    public Optional<PartnerMessage> find(long id) {
        return jdbc.query("select * from partner_message where id = ?", ROW, id).stream().findFirst();
    }

    public Optional<PartnerMessage> find(String partner, String dedupKey) {
        return jdbc.query("select * from partner_message where partner = ? and dedup_key = ?", ROW, partner,
                fitKey(dedupKey)).stream().findFirst();
    }

    /** Messages in a state, oldest first; {@code partner} null for every partner. */
    public List<PartnerMessage> inState(PartnerMessage.State state, String partner, int limit) {
        if (partner == null) {
            return jdbc.query("select * from partner_message where state = ? order by id limit ?", ROW, state.name(),
                    limit);
        }
        return jdbc.query("select * from partner_message where state = ? and partner = ? order by id limit ?", ROW,
                state.name(), partner, limit);
    }

    public List<PartnerMessage> byPartner(String partner) {
        return jdbc.query("select * from partner_message where partner = ? order by id", ROW, partner);
    }

    /** Its events are published; {@code note} says why there were none, when there were none. */
    public void done(long id, String note) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("update partner_message set state = 'DONE', attempts = attempts + 1, last_error = ?, "
                + "processed_at = ? where id = ?", truncate(note), now, id);
    }

    public void retryLater(long id, String error, Instant nextAttemptAt) {
        jdbc.update("update partner_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                + "where id = ?", truncate(error), Timestamp.from(nextAttemptAt), id);
    }

    public void failed(long id, String error) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("update partner_message set state = 'FAILED', attempts = attempts + 1, last_error = ?, "
                + "processed_at = ? where id = ?", truncate(error), now, id);
    }

    /** An operator's replay: a FAILED message is due again now, with a fresh retry budget. */
    public boolean replay(long id) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.update("update partner_message set state = 'RECEIVED', attempts = 0, next_attempt_at = ?, "
                + "processed_at = null where id = ? and state = 'FAILED'", now, id) == 1;
    }

    /** Keys longer than the column (a partner's ids are short; a body hash is not) are hashed, still stable. */
    static String fitKey(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return key.substring(0, 200) + "#" + sha256(key);
    }

    public static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 3) + "...";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
