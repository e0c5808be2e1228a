package vn.ocop.hub.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** A partner's id (or hosted URL) for an image we gave it, keyed by the image's source URL. */
@Repository
public class PartnerMediaStore {

    private final JdbcTemplate jdbc;

    public PartnerMediaStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String partner, String sourceUrl) {
        return jdbc.queryForList("select partner_ref from partner_media where partner = ? and source_url = ?",
                String.class, partner, sourceUrl).stream().findFirst();
    }

    public void save(String partner, String sourceUrl, String partnerRef) {
        try {
            jdbc.update("insert into partner_media (partner, source_url, partner_ref, created_at) values (?, ?, ?, ?)",
                    partner, sourceUrl, partnerRef, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException alreadyThere) {
            jdbc.update("update partner_media set partner_ref = ? where partner = ? and source_url = ?", partnerRef,
                    partner, sourceUrl);
        }
    }
}
