package vn.ocop.hub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ocop.hub.model.Listing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Repository
public class ListingStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<StoredListing> row;

    public ListingStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> new StoredListing(read(rs.getString("payload")), rs.getLong("revision"),
                rs.getString("content_hash"), rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    public Optional<StoredListing> find(String ocopId) {
        return jdbc.query("select * from listing where ocop_id = ?", row, ocopId).stream().findFirst();
    }

    /** Locks the row until the transaction ends, so concurrent submissions of one listing serialise. */
    public Optional<StoredListing> findForUpdate(String ocopId) {
        return jdbc.query("select * from listing where ocop_id = ? for update", row, ocopId).stream().findFirst();
    }

    public void insert(StoredListing s, String feedId) {
        Listing l = s.listing();
        jdbc.update("insert into listing (ocop_id, version, revision, producer_id, content_hash, payload, valid_until, "
                        + "withdrawn, withdrawn_reason, last_feed_id, created_at, updated_at, gtin14, sku) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                l.ocopId(), l.version(), s.revision(), l.producer().id(), s.contentHash(), write(l),
                Date.valueOf(l.certification().validUntil()), s.withdrawn(), s.withdrawnReason(), feedId,
                Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()), l.gtin14(), l.sku());
    }

    public void update(StoredListing s, String feedId) {
        Listing l = s.listing();
        jdbc.update("update listing set version = ?, revision = ?, producer_id = ?, content_hash = ?, payload = ?, "
                        + "valid_until = ?, withdrawn = ?, withdrawn_reason = ?, "
                        + "last_feed_id = coalesce(?, last_feed_id), updated_at = ?, gtin14 = ?, sku = ? where ocop_id = ?",
                l.version(), s.revision(), l.producer().id(), s.contentHash(), write(l),
                Date.valueOf(l.certification().validUntil()), s.withdrawn(), s.withdrawnReason(), feedId,
                Timestamp.from(s.updatedAt()), l.gtin14(), l.sku(), l.ocopId());
    }

    /** The listings carrying this GTIN (any length; compared as GTIN-14), newest first. */
    public List<StoredListing> findByGtin(String gtin) {
        String gtin14 = "0".repeat(Math.max(0, 14 - gtin.length())) + gtin;
        return jdbc.query("select * from listing where gtin14 = ? order by withdrawn, updated_at desc", row, gtin14);
    }

    /**
     * The listings with this seller SKU. SKUs are the producers' own codes, so two producers may
     * share one: callers narrow the result by the partner's binding.
     */
    public List<StoredListing> findBySku(String sku) {
        return jdbc.query("select * from listing where sku = ? order by withdrawn, updated_at desc", row, sku);
    }

    /** Records that a full feed named this listing, even when nothing in it changed. */
    public void markSeen(String ocopId, String feedId) {
        jdbc.update("update listing set last_feed_id = ? where ocop_id = ?", feedId, ocopId);
    }

    public List<String> activeNotSeenIn(String feedId) {
        return jdbc.queryForList("select ocop_id from listing where withdrawn = false and "
                + "(last_feed_id is null or last_feed_id <> ?) order by ocop_id", String.class, feedId);
    }

    public List<String> activeExpiringBefore(LocalDate day) {
        return jdbc.queryForList("select ocop_id from listing where withdrawn = false and valid_until < ? "
                + "order by ocop_id", String.class, Date.valueOf(day));
    }

    public List<StoredListing> page(int offset, int limit) {
        return jdbc.query("select * from listing order by ocop_id limit ? offset ?", row, limit, offset);
    }

    public List<StoredListing> pageAtPartner(String partner, BindingState state, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select l.* from listing l join binding b on b.ocop_id = l.ocop_id "
                + "where b.partner = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(partner));
        if (state != null) {
            sql.append(" and b.state = ?");
            args.add(state.name());
        }
        sql.append(" order by l.ocop_id limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), row, args.toArray());
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from listing", Long.class);
        return n == null ? 0 : n;
    }

    public String write(Listing listing) {
        try {
            return json.writeValueAsString(listing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise listing " + listing.ocopId(), e);
        }
    }

    public Listing read(String payload) {
        try {
            return json.readValue(payload, Listing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored listing payload is unreadable", e);
        }
    }
}
