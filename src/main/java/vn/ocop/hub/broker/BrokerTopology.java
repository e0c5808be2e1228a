package vn.ocop.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.ActiveMQAddressExistsException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;

/**
 * Declares the addresses and queues at start-up, on the embedded broker or an external one:
 * the listing-changes address, a durable queue on it per active partner, and a dead-letter
 * queue per partner. Existing ones are left as they are, with their messages.
 */
@Component
public class BrokerTopology {

    private static final Logger log = LoggerFactory.getLogger(BrokerTopology.class);

    public BrokerTopology(ConnectionFactory connectionFactory, PartnerRegistry partners, HubProperties properties)
            throws Exception {
        ActiveMQConnectionFactory factory = (ActiveMQConnectionFactory) connectionFactory;
        try (ClientSessionFactory sessions = factory.getServerLocator().createSessionFactory();
             ClientSession session = sessions.createSession(properties.broker().user(), properties.broker().password(),
                     false, true, true, false, 0)) {
            createAddress(session, Destinations.LISTING_CHANGES, RoutingType.MULTICAST);
            for (Partner partner : partners.active()) {
                createQueue(session, QueueConfiguration.of(Destinations.partnerQueue(partner.name()))
                        .setAddress(Destinations.LISTING_CHANGES)
                        .setRoutingType(RoutingType.MULTICAST)
                        .setDurable(true));
                String dlq = Destinations.deadLetterQueue(partner.name());
                createAddress(session, dlq, RoutingType.ANYCAST);
                createQueue(session, QueueConfiguration.of(dlq).setAddress(dlq)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
        }
        log.info("Broker topology ready: {} with queues for {}", Destinations.LISTING_CHANGES,
                partners.active().stream().map(Partner::name).toList());
    }

    private static void createAddress(ClientSession session, String name, RoutingType type) throws Exception {
        try {
            session.createAddress(SimpleString.of(name), type, false);
        } catch (ActiveMQAddressExistsException exists) {
            // declared on an earlier start
        }
    }

    private static void createQueue(ClientSession session, QueueConfiguration queue) throws Exception {
        try {
            session.createQueue(queue);
        } catch (ActiveMQQueueExistsException exists) {
            // declared on an earlier start; keep its messages
        }
    }
}
