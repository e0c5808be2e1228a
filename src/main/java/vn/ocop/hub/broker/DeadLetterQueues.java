package vn.ocop.hub.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.DeadLetters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of parked messages: browse a partner's DLQ, and replay one message back
 * onto that partner's queue only (other partners already have it).
 */
@Component
public class DeadLetterQueues {

    public record Parked(String id, String partner, String ocopId, String eventId, String reason, String failedAt,
                         String body) {
    }

    private final ConnectionFactory connectionFactory;
    private final BrokerConfiguration.EmbeddedBroker broker;

    public DeadLetterQueues(ConnectionFactory connectionFactory, BrokerConfiguration.EmbeddedBroker broker) {
        this.connectionFactory = connectionFactory;
        this.broker = broker;
    }

    public List<Parked> browse(String partner, int limit) throws JMSException {
        List<Parked> parked = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(Destinations.deadLetterQueue(partner)));
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && parked.size() < limit) {
                parked.add(describe(partner, (Message) messages.nextElement()));
            }
        }
        return parked;
    }

    /** Moves one parked message back to the partner's queue in one transaction; empty if it is not there. */
    public Optional<Parked> replay(String partner, String messageId) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            String selector = "JMSMessageID = '" + messageId.replace("'", "''") + "'";
            MessageConsumer consumer = session.createConsumer(
                    session.createQueue(Destinations.deadLetterQueue(partner)), selector);
            Message parked = consumer.receive(2_000);
            if (!(parked instanceof TextMessage text)) {
                session.rollback();
                return Optional.empty();
            }
            // a fresh message: the original's duplicate id is still in the address's cache
            TextMessage again = session.createTextMessage(text.getText());
            for (String name : Collections.list((Enumeration<String>) text.getPropertyNames())) {
                if (!name.startsWith("_AMQ") && !name.startsWith("JMSX") || name.equals("JMSXGroupID")) {
                    again.setObjectProperty(name, text.getObjectProperty(name));
                }
            }
            again.setStringProperty(DeadLetters.REASON, null);
            // a topic (multicast) with the fully qualified name reaches that one partner's queue
            MessageProducer producer = session.createProducer(
                    session.createTopic(Destinations.partnerQueueFqqn(partner)));
            producer.send(again, jakarta.jms.DeliveryMode.PERSISTENT, text.getJMSPriority(), 0);
            session.commit();
            return Optional.of(describe(partner, text));
        }
    }

    /** Messages waiting, when the broker is embedded (an external broker reports through its own console). */
    public Long depth(String queueName) {
        if (!broker.isEmbedded()) {
            return null;
        }
        Queue queue = broker.server().getActiveMQServer().locateQueue(SimpleString.of(queueName));
        return queue == null ? null : queue.getMessageCount();
    }

    private static Parked describe(String partner, Message m) throws JMSException {
        return new Parked(m.getJMSMessageID(), partner, m.getStringProperty("hubOcopId"),
                m.getStringProperty(OutboxRelay.EVENT_ID), m.getStringProperty(DeadLetters.REASON),
                m.getStringProperty(DeadLetters.FAILED_AT), m instanceof TextMessage t ? t.getText() : null);
    }
}
