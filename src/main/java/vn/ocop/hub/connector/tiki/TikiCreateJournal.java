package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.ocop.hub.store.PartnerCredentialStore;

import java.util.Optional;

/**
 * Durable record of each listing's last product request, one row per listing in the partner
 * credential store (the framework's only durable key-value store for a partner; see the report).
 * Keyed by ocopId because the approval poll only knows the binding, not the SKU.
 */
final class TikiCreateJournal {

    private static final String PREFIX = "request:";
    /** An entry cannot be deleted from the store, so "no request" is written as an empty object. */
    private static final String NONE = "{}";

    /** Its own mapper: the stored format must not change with the application's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final PartnerCredentialStore store;
    private final String partner;

    TikiCreateJournal(PartnerCredentialStore store, String partner) {
        this.store = store;
        this.partner = partner;
    }

    Optional<TikiCreateRecord> find(String ocopId) {
        return store.find(partner, PREFIX + ocopId)
                .map(PartnerCredentialStore.Credential::value)
                .filter(value -> !NONE.equals(value))
                .map(this::parse);
    }

    /** Committed when this returns (the store writes outside any transaction). */
    void save(String ocopId, TikiCreateRecord record) {
        store.save(partner, PREFIX + ocopId, record == null ? NONE : write(record), null);
    }

    private TikiCreateRecord parse(String value) {
        try {
            return JSON.readValue(value, TikiCreateRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable Tiki request record: " + value, e);
        }
    }

    private String write(TikiCreateRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
