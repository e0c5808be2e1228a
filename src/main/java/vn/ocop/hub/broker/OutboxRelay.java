package vn.ocop.hub.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.store.OutboxStore;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed change events from the outbox table to the broker, oldest first, in one JMS
 * transaction per batch, then deletes them. A crash between the broker commit and the delete
 * resends the batch; each message carries its event id as Artemis's duplicate id, so the
 * broker drops the second copy (and synchronizers also ignore revisions they already hold).
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    public static final String EVENT_ID = "hubEventId";
    public static final String OCOP_ID = "hubOcopId";
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore outbox;
    private final ConnectionFactory connectionFactory;
    private final long pollMillis;
    private final int batchSize;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Connection connection;

    public OutboxRelay(OutboxStore outbox, ConnectionFactory connectionFactory, HubProperties properties,
                       BrokerTopology topologyDeclaredFirst) {
        this.outbox = outbox;
        this.connectionFactory = connectionFactory;
        this.pollMillis = properties.outbox().pollMillis();
        this.batchSize = properties.outbox().batchSize();
    }

    public void wakeUp() {
        wakeUp.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the broker and before the Camel routes (default phase) stop, so nothing is left mid-batch. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void run() {
        long backoff = pollMillis;
        while (running) {
            try {
                wakeUp.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && relayBatch() == batchSize) {
                    // a full batch: more are probably waiting
                }
                backoff = pollMillis;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoff = Math.min(backoff * 2, 30_000);
                log.warn("Outbox relay failed, retrying in {} ms: {}", backoff, e.toString());
                closeConnection();
            }
        }
    }

    /** @return how many events were relayed */
    int relayBatch() throws JMSException {
        List<OutboxStore.Entry> entries = outbox.oldest(batchSize);
        if (entries.isEmpty()) {
            return 0;
        }
        Session session = connection().createSession(true, Session.SESSION_TRANSACTED);
        try {
            Topic address = session.createTopic(Destinations.LISTING_CHANGES);
            MessageProducer producer = session.createProducer(address);
            for (OutboxStore.Entry entry : entries) {
                TextMessage message = session.createTextMessage(entry.payload());
                // message groups keep one listing's events on one consumer, in order
                message.setStringProperty("JMSXGroupID", entry.ocopId());
                message.setStringProperty(DUPLICATE_ID, entry.eventId());
                message.setStringProperty(EVENT_ID, entry.eventId());
                message.setStringProperty(OCOP_ID, entry.ocopId());
                producer.send(message, DeliveryMode.PERSISTENT, entry.priority(), 0);
            }
            session.commit();
        } finally {
            session.close();
        }
        outbox.delete(entries);
        return entries.size();
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            connection = connectionFactory.createConnection();
            connection.start();
        }
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
