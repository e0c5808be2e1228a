package vn.ocop.hub.connector.chain.inbound;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Camel's idempotent repository for chain inbox files, kept in the hub's database so that a file
 * handled before a restart is not handled again after it (the key names the file, its size and
 * modification time, so a corrected file dropped under an old name is still read).
 */
@Component("inboxFiles")
public class ProcessedFiles extends ServiceSupport implements IdempotentRepository {

    private static final String PROCESSOR = "chain-inbox";

    private final JdbcTemplate jdbc;

    public ProcessedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(String key) {
        return jdbc.update("insert into processed_file (processor, file_key, processed_at) values (?, ?, ?) "
                + "on conflict do nothing", PROCESSOR, key, Timestamp.from(Instant.now())) == 1;
    }

    @Override
    public boolean contains(String key) {
        Integer n = jdbc.queryForObject("select count(*) from processed_file where processor = ? and file_key = ?",
                Integer.class, PROCESSOR, key);
        return n != null && n > 0;
    }

    @Override
    public boolean remove(String key) {
        return jdbc.update("delete from processed_file where processor = ? and file_key = ?", PROCESSOR, key) == 1;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        jdbc.update("delete from processed_file where processor = ?", PROCESSOR);
    }
}
