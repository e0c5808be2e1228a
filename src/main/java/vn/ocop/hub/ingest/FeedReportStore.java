package vn.ocop.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

@Repository
public class FeedReportStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public FeedReportStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void started(String feedId, String mode, java.time.Instant at) {
        jdbc.update("insert into feed_report (feed_id, mode, status, created_at) values (?, ?, 'RUNNING', ?)",
                feedId, mode, Timestamp.from(at));
    }

    public void completed(FeedReport r) {
        jdbc.update("update feed_report set status = ?, received = ?, accepted = ?, rejected = ?, withdrawn = ?, "
                        + "errors = ?, completed_at = ? where feed_id = ?",
                r.status(), r.received(), r.accepted(), r.rejected(), r.withdrawn(), write(r),
                Timestamp.from(r.completedAt()), r.feedId());
    }

    public Optional<FeedReport> find(String feedId) {
        return jdbc.query("select * from feed_report where feed_id = ?", (rs, i) -> {
            String stored = rs.getString("errors");
            if (stored != null) {
                return read(stored);
            }
            return new FeedReport(feedId, rs.getString("mode"), rs.getString("status"), rs.getInt("received"),
                    rs.getInt("accepted"), 0, rs.getInt("rejected"), rs.getInt("withdrawn"), List.of(),
                    rs.getTimestamp("created_at").toInstant(), null);
        }, feedId).stream().findFirst();
    }

    private String write(FeedReport r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FeedReport read(String text) {
        try {
            return json.readValue(text, new TypeReference<FeedReport>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
