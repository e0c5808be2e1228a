package vn.ocop.hub.producer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ocop.hub.support.Digests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Registered producers. A producer's bearer token is kept only as its SHA-256. */
@Repository
public class ProducerStore {

    private static final RowMapper<Producer> ROW = (rs, i) -> new Producer(rs.getString("producer_id"),
            rs.getString("name"), rs.getString("email"), rs.getString("webhook_url"), rs.getString("webhook_secret"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    public ProducerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Producer> find(String producerId) {
        return jdbc.query("select * from producer where producer_id = ?", ROW, producerId).stream().findFirst();
    }

    /** The producer a bearer token belongs to. */
    public Optional<String> producerForToken(String token) {
        return jdbc.queryForList("select producer_id from producer where token_hash = ?", String.class,
                tokenHash(token)).stream().findFirst();
    }

    /** First registration: stores the producer with the hash of its new token; false when it already exists. */
    public boolean insert(Producer p, String token) {
        return jdbc.update("insert into producer (producer_id, name, email, webhook_url, webhook_secret, token_hash, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                p.producerId(), p.name(), p.email(), p.webhookUrl(), p.webhookSecret(), tokenHash(token),
                Timestamp.from(p.createdAt()), Timestamp.from(p.updatedAt())) == 1;
    }

    /** Later registrations change the contact details; the token stays. */
    public void update(Producer p) {
        jdbc.update("update producer set name = ?, email = ?, webhook_url = ?, webhook_secret = ?, updated_at = ? "
                        + "where producer_id = ?", p.name(), p.email(), p.webhookUrl(), p.webhookSecret(),
                Timestamp.from(Instant.now()), p.producerId());
    }

    static String tokenHash(String token) {
        return Digests.sha256Hex(token);
    }
}
