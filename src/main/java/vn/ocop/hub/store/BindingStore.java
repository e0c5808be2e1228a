package vn.ocop.hub.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class BindingStore {

    private static final RowMapper<Binding> ROW = (rs, i) -> new Binding(
            rs.getString("ocop_id"), rs.getString("partner"), BindingState.valueOf(rs.getString("state")),
            rs.getString("partner_item_id"),
            rs.getObject("delivered_version", Long.class), rs.getObject("delivered_revision", Long.class),
            rs.getBoolean("live"), rs.getString("reason"), rs.getTimestamp("updated_at").toInstant(),
            rs.getString("partner_ref"));

    private final JdbcTemplate jdbc;

    public BindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Binding> find(String ocopId, String partner) {
        return jdbc.query("select * from binding where ocop_id = ? and partner = ?", ROW, ocopId, partner)
                .stream().findFirst();
    }

    /** The listings a partner knows under this item id (normally one): how its orders name our listings. */
    public List<Binding> withPartnerItemId(String partner, String partnerItemId) {
        return jdbc.query("select * from binding where partner = ? and partner_item_id = ? order by ocop_id", ROW,
                partner, partnerItemId);
    }

    public List<Binding> forListing(String ocopId) {
        return jdbc.query("select * from binding where ocop_id = ? order by partner", ROW, ocopId);
    }

    /**
     * Upsert written as update-then-insert: portable across H2 and PostgreSQL, and safe when
     * two writers race on a new row (the loser's insert does nothing and it updates instead).
     * The insert says {@code on conflict do nothing} rather than failing with a duplicate key:
     * on PostgreSQL a failed statement aborts the whole transaction, so the fallback update
     * (and everything after it) would fail too.
     */
    public void save(Binding b) {
        Timestamp now = Timestamp.from(b.updatedAt() == null ? Instant.now() : b.updatedAt());
        int updated = jdbc.update("update binding set state = ?, partner_item_id = ?, delivered_version = ?, "
                        + "delivered_revision = ?, live = ?, reason = ?, updated_at = ?, partner_ref = ? "
                        + "where ocop_id = ? and partner = ?",
                b.state().name(), b.partnerItemId(), b.deliveredVersion(), b.deliveredRevision(), b.live(), b.reason(),
                now, b.partnerRef(), b.ocopId(), b.partner());
        if (updated == 0) {
            int inserted = jdbc.update("insert into binding (ocop_id, partner, state, partner_item_id, delivered_version, "
                            + "delivered_revision, live, reason, updated_at, partner_ref) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    b.ocopId(), b.partner(), b.state().name(), b.partnerItemId(), b.deliveredVersion(),
                    b.deliveredRevision(), b.live(), b.reason(), now, b.partnerRef());
            if (inserted == 0) {
                save(b); // another writer inserted it first: update that row
            }
        }
    }

    /** A new revision is on its way to these partners: show it as PENDING, keeping what is known. */
    public void markPending(String ocopId, Collection<String> partners, String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        for (String partner : partners) {
            int updated = jdbc.update("update binding set state = 'PENDING', reason = ?, updated_at = ? "
                    + "where ocop_id = ? and partner = ?", reason, now, ocopId, partner);
            if (updated == 0) {
                // on conflict: the partner's synchronizer wrote its own state first, and that one is newer
                jdbc.update("insert into binding (ocop_id, partner, state, reason, updated_at) "
                        + "values (?, ?, 'PENDING', ?, ?) on conflict do nothing", ocopId, partner, reason, now);
            }
        }
    }

    public List<Binding> inState(String partner, BindingState state, int limit) {
        return jdbc.query("select * from binding where partner = ? and state = ? order by updated_at limit ?", ROW,
                partner, state.name(), limit);
    }

    public Map<BindingState, Long> countByState(String partner) {
        Map<BindingState, Long> counts = new EnumMap<>(BindingState.class);
        for (BindingState s : BindingState.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("select state, count(*) n from binding where partner = ? group by state",
                rs -> {
                    counts.put(BindingState.valueOf(rs.getString("state")), rs.getLong("n"));
                }, partner);
        return counts;
    }

    public Optional<Instant> lastUpdate(String partner, Collection<BindingState> states) {
        String in = String.join(",", states.stream().map(s -> "'" + s.name() + "'").toList());
        Timestamp ts = jdbc.queryForObject("select max(updated_at) from binding where partner = ? and state in (" + in + ")",
                Timestamp.class, partner);
        return Optional.ofNullable(ts).map(Timestamp::toInstant);
    }

    public long count(String partner, BindingState state) {
        Long n = jdbc.queryForObject("select count(*) from binding where partner = ? and state = ?", Long.class,
                partner, state.name());
        return n == null ? 0 : n;
    }
}
