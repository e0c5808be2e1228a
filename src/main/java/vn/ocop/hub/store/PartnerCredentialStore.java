package vn.ocop.hub.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Partner tokens that change at run time. Configuration gives the first refresh token; from
 * then on the partner's latest one lives here and wins over configuration.
 */
@Repository
public class PartnerCredentialStore {

    public record Credential(String value, Instant expiresAt) {
        public boolean validAt(Instant t) {
            return expiresAt == null || expiresAt.isAfter(t);
        }
    }

    private final JdbcTemplate jdbc;

    public PartnerCredentialStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credential> find(String partner, String name) {
        return jdbc.query("select secret, expires_at from partner_credential where partner = ? and name = ?",
                (rs, i) -> new Credential(rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()),
                partner, name).stream().findFirst();
    }

    /** Committed on return (auto-commit outside a transaction): the value survives a crash right after. */
    public void save(String partner, String name, String value, Instant expiresAt) {
        Timestamp expires = expiresAt == null ? null : Timestamp.from(expiresAt);
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update partner_credential set secret = ?, expires_at = ?, updated_at = ? "
                + "where partner = ? and name = ?", value, expires, now, partner, name);
        if (updated == 0) {
            try {
                jdbc.update("insert into partner_credential (partner, name, secret, expires_at, updated_at) "
                        + "values (?, ?, ?, ?, ?)", partner, name, value, expires, now);
            } catch (DuplicateKeyException raced) {
                save(partner, name, value, expiresAt);
            }
        }
    }
}
