package vn.ocop.hub.connector.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.ListingStore;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The retail chains' side of the store: each chain's catalogue as it should look
 * ({@code chain_item}), the change log deltas are cut from ({@code chain_change}), and every
 * file name ever issued ({@code catalogue_file}).
 */
@Repository
public class CatalogueStaging {

    public record ChainItem(long revision, char action) {
        public boolean present() {
            return action != 'D';
        }
    }

    public record IssuedFile(String fileName, String kind, Long seq, long lastChangeId, long lastDeltaSeq, int rows,
                             String sha256, String status) {
    }

    private final JdbcTemplate jdbc;
    private final ListingStore listings;

    public CatalogueStaging(JdbcTemplate jdbc, ListingStore listings) {
        this.jdbc = jdbc;
        this.listings = listings;
    }

    public Optional<ChainItem> item(String partner, String ocopId) {
        return jdbc.query("select revision, action from chain_item where partner = ? and ocop_id = ?",
                (rs, i) -> new ChainItem(rs.getLong(1), rs.getString(2).charAt(0)), partner, ocopId).stream().findFirst();
    }

    /** The content last staged for the chain: what a removal must describe (the new version may lack the GTIN). */
    public Optional<Listing> stagedContent(String partner, String ocopId) {
        return jdbc.query("select payload from chain_item where partner = ? and ocop_id = ?",
                (rs, i) -> listings.read(rs.getString(1)), partner, ocopId).stream().findFirst();
    }

    /** Appends to the change log and moves the chain's item to this state; call inside a transaction. */
    public void stage(String partner, Listing listing, long revision, char action) {
        String payload = listings.write(listing);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into chain_change (partner, ocop_id, version, revision, "
                    + "action, payload, created_at) values (?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
            ps.setString(1, partner);
            ps.setString(2, listing.ocopId());
            ps.setLong(3, listing.version());
            ps.setLong(4, revision);
            ps.setString(5, String.valueOf(action));
            ps.setString(6, payload);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        long changeId = key.getKey().longValue();
        int updated = jdbc.update("update chain_item set revision = ?, action = ?, payload = ?, change_id = ? "
                + "where partner = ? and ocop_id = ?", revision, String.valueOf(action), payload, changeId, partner,
                listing.ocopId());
        if (updated == 0) {
            jdbc.update("insert into chain_item (partner, ocop_id, revision, action, payload, change_id) "
                    + "values (?, ?, ?, ?, ?, ?)", partner, listing.ocopId(), revision, String.valueOf(action), payload,
                    changeId);
        }
    }

    public long lastStagedChangeId(String partner) {
        Long id = jdbc.queryForObject("select max(id) from chain_change where partner = ?", Long.class, partner);
        return id == null ? 0 : id;
    }

    /** Changes after {@code afterId} up to {@code uptoId}, only the latest per listing, ordered by listing. */
    public void forEachDeltaRow(String partner, long afterId, long uptoId, Consumer<CatalogueRow> row) {
        jdbc.query("select c.action, c.payload from chain_change c join ("
                        + "select ocop_id, max(id) id from chain_change where partner = ? and id > ? and id <= ? "
                        + "group by ocop_id) latest on latest.id = c.id order by c.ocop_id",
                (RowCallbackHandler) rs -> row.accept(new CatalogueRow(rs.getString(1).charAt(0),
                        listings.read(rs.getString(2)))), partner, afterId, uptoId);
    }

    /** Every item the chain should have now, as additions. */
    public long forEachCurrentItem(String partner, Consumer<CatalogueRow> row) {
        long[] maxChange = {0};
        jdbc.query("select payload, change_id from chain_item where partner = ? and action <> 'D' order by ocop_id",
                (RowCallbackHandler) rs -> {
                    maxChange[0] = Math.max(maxChange[0], rs.getLong(2));
                    row.accept(new CatalogueRow('A', listings.read(rs.getString(1))));
                }, partner);
        return maxChange[0];
    }

    public Optional<IssuedFile> unpublished(String partner, String kind) {
        return jdbc.query("select * from catalogue_file where partner = ? and kind = ? and status = 'BUILT' "
                + "order by created_at limit 1", (rs, i) -> issued(rs), partner, kind).stream().findFirst();
    }

    public long lastDeltaChangeId(String partner) {
        Long id = jdbc.queryForObject("select max(last_change_id) from catalogue_file where partner = ? and kind = 'DELTA'",
                Long.class, partner);
        return id == null ? 0 : id;
    }

    public long deltaChangeId(String partner, long seq) {
        Long id = jdbc.queryForObject("select max(last_change_id) from catalogue_file where partner = ? and kind = 'DELTA' "
                + "and seq = ?", Long.class, partner, seq);
        return id == null ? 0 : id;
    }

    public long lastDeltaSequence(String partner) {
        Long seq = jdbc.queryForObject("select max(seq) from catalogue_file where partner = ? and kind = 'DELTA'",
                Long.class, partner);
        return seq == null ? 0 : seq;
    }

    public boolean nameTaken(String partner, String fileName) {
        Long n = jdbc.queryForObject("select count(*) from catalogue_file where partner = ? and file_name = ?",
                Long.class, partner, fileName);
        return n != null && n > 0;
    }

    public void reserve(CatalogueFile file, long lastChangeId) {
        jdbc.update("insert into catalogue_file (partner, file_name, kind, seq, last_change_id, last_delta_seq, row_count, "
                        + "sha256, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'BUILT', ?)",
                file.partner(), file.fileName(), file.kind().name(), file.sequence(), lastChangeId,
                file.lastDeltaSequence(), file.rows(), file.sha256(), Timestamp.from(Instant.now()));
    }

    public void markPublished(String partner, String fileName) {
        jdbc.update("update catalogue_file set status = 'PUBLISHED', published_at = ? where partner = ? and file_name = ?",
                Timestamp.from(Instant.now()), partner, fileName);
    }

    /**
     * After a delta is on the server: its listings are delivered (or removed) at the chain.
     * Done row by row in batches rather than UPDATE … FROM, which H2 does not speak.
     */
    public void markDelivered(String partner, long afterId, long uptoId, String fileName) {
        record Delivered(String ocopId, char action, long version, long revision) {
        }
        java.util.List<Delivered> rows = jdbc.query("select c.ocop_id, c.action, c.version, c.revision from chain_change c "
                        + "join (select ocop_id, max(id) id from chain_change where partner = ? and id > ? and id <= ? "
                        + "group by ocop_id) latest on latest.id = c.id",
                (rs, i) -> new Delivered(rs.getString(1), rs.getString(2).charAt(0), rs.getLong(3), rs.getLong(4)),
                partner, afterId, uptoId);
        Timestamp now = Timestamp.from(Instant.now());
        String reason = "in " + fileName;
        // a removal of a listing that became ineligible keeps SKIPPED and its reason
        jdbc.batchUpdate("update binding set "
                        + "state = case when ? = 'D' then (case when state = 'SKIPPED' then 'SKIPPED' else 'WITHDRAWN' end) "
                        + "else 'SYNCED' end, "
                        + "reason = case when ? = 'D' and state = 'SKIPPED' then reason else ? end, "
                        + "live = ?, delivered_version = ?, delivered_revision = ?, updated_at = ? "
                        + "where partner = ? and ocop_id = ? and (delivered_revision is null or delivered_revision < ?)",
                rows, 500, (ps, r) -> {
                    String action = String.valueOf(r.action());
                    ps.setString(1, action);
                    ps.setString(2, action);
                    ps.setString(3, reason);
                    ps.setBoolean(4, r.action() != 'D');
                    ps.setLong(5, r.version());
                    ps.setLong(6, r.revision());
                    ps.setTimestamp(7, now);
                    ps.setString(8, partner);
                    ps.setString(9, r.ocopId());
                    ps.setLong(10, r.revision());
                });
    }

    public Optional<IssuedFile> file(String partner, String fileName) {
        return jdbc.query("select * from catalogue_file where partner = ? and file_name = ?", (rs, i) -> issued(rs),
                partner, fileName).stream().findFirst();
    }

    private static IssuedFile issued(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IssuedFile(rs.getString("file_name"), rs.getString("kind"), rs.getObject("seq", Long.class),
                rs.getLong("last_change_id"), rs.getLong("last_delta_seq"), rs.getInt("row_count"),
                rs.getString("sha256"), rs.getString("status"));
    }

}
