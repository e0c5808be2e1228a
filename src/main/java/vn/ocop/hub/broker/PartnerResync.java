package vn.ocop.hub.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.Synchronizers;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.ListingStore;

import java.time.Instant;
import java.util.EnumSet;

/**
 * Sends every listing that is not withdrawn to one partner's queue again, e.g. after the
 * partner lost its catalogue or a connector was enabled late. The messages bypass the outbox
 * (they change nothing in the store) and carry a lower priority than live changes, which keep
 * overtaking them.
 */
@Component
public class PartnerResync {

    static final int RESYNC_PRIORITY = 2;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ListingStore listings;
    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json;

    public PartnerResync(JdbcTemplate jdbc, ListingStore listings, ConnectionFactory connectionFactory,
                         ObjectMapper json) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.connectionFactory = connectionFactory;
        this.json = json;
    }

    /** @return how many listings were queued for the partner */
    public int resync(String partner) throws JMSException {
        Instant now = Instant.now();
        int[] count = {0};
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createTopic(Destinations.partnerQueueFqqn(partner)));
            jdbc.query("select payload, revision from listing where withdrawn = false order by ocop_id",
                    (RowCallbackHandler) rs -> {
                        Listing listing = listings.read(rs.getString(1));
                        long revision = rs.getLong(2);
                        ChangeEvent event = new ChangeEvent(listing.ocopId() + ":" + revision + ":resync:" + now.toEpochMilli(),
                                listing.ocopId(), revision, ChangeType.UPDATED, EnumSet.allOf(ChangeEvent.Aspect.class),
                                listing, "resync requested by the operator", now);
                        try {
                            TextMessage message = session.createTextMessage(json.writeValueAsString(event));
                            message.setStringProperty("JMSXGroupID", listing.ocopId());
                            message.setStringProperty(OutboxRelay.EVENT_ID, event.eventId());
                            message.setStringProperty(OutboxRelay.OCOP_ID, listing.ocopId());
                            message.setBooleanProperty(Synchronizers.RESYNC_HEADER, true);
                            producer.send(message, DeliveryMode.PERSISTENT, RESYNC_PRIORITY, 0);
                            if (++count[0] % BATCH == 0) {
                                session.commit();
                            }
                        } catch (JMSException | JsonProcessingException e) {
                            throw new IllegalStateException("resync of " + partner + " stopped at " + listing.ocopId(), e);
                        }
                    });
            session.commit();
        }
        return count[0];
    }
}
