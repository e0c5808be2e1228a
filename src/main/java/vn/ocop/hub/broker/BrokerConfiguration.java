package vn.ocop.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.hub.HubProperties;

import java.nio.file.Path;

/**
 * The broker: an embedded Artemis with its journal in the data directory unless
 * {@code HUB_BROKER_URL} names an external one. Either way the hub talks to it through the same
 * JMS connection factory, so nothing else changes between the two.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BrokerConfiguration.class);
    /**
     * Each embedded broker gets its own in-VM id: two application contexts in one JVM (tests)
     * would otherwise share "vm://0", and the second hub would talk to the first one's broker.
     */
    private static final java.util.concurrent.atomic.AtomicInteger IN_VM_IDS = new java.util.concurrent.atomic.AtomicInteger();

    @Bean(destroyMethod = "stop")
    public EmbeddedBroker embeddedBroker(HubProperties properties) throws Exception {
        if (!properties.broker().embedded()) {
            log.info("Using external broker {}", properties.broker().url());
            return EmbeddedBroker.none();
        }
        Path dir = properties.dataDir().resolve("broker").toAbsolutePath();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("ocop-hub");
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dir.toString());
        String inVmUrl = "vm://" + IN_VM_IDS.getAndIncrement();
        config.addAcceptorConfiguration("in-vm", inVmUrl);
        // Duplicate detection: the outbox relay may resend after a crash; the broker drops the copy.
        config.setPersistIDCache(true);
        config.setIDCacheSize(50_000);
        config.addAddressSetting("#", deliverySettings());
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        log.info("Embedded Artemis started, journal in {}", dir);
        return new EmbeddedBroker(server, inVmUrl);
    }

    /**
     * Settings for broker-side redelivery, which only happens when a consumer dies mid-message
     * (the synchronizers handle partner failures themselves and park exhausted messages in the
     * partner's DLQ). Such messages come back with growing delays and are never dropped; a
     * backlog pages to disk rather than filling the heap.
     */
    static AddressSettings deliverySettings() {
        return new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(300_000)
                .setMaxDeliveryAttempts(-1)
                // never used with unlimited attempts and no expiry; named so the broker does not warn
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of("hub.undeliverable"))
                .setExpiryAddress(org.apache.activemq.artemis.api.core.SimpleString.of("hub.expired"))
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(32L * 1024 * 1024)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false);
    }

    @Bean
    public ConnectionFactory jmsConnectionFactory(HubProperties properties, EmbeddedBroker broker) {
        HubProperties.Broker settings = properties.broker();
        ActiveMQConnectionFactory factory = settings.embedded()
                ? new ActiveMQConnectionFactory(broker.inVmUrl())
                : new ActiveMQConnectionFactory(settings.url(), settings.user(), settings.password());
        // A small prefetch keeps most of a backlog on the broker, where priority ordering applies:
        // withdrawals and stock drops overtake everything not yet handed to a consumer.
        factory.setConsumerWindowSize(64 * 1024);
        factory.setReconnectAttempts(-1);
        return factory;
    }

    /** Lifecycle holder, so the broker stops after everything that uses it. */
    public static final class EmbeddedBroker {
        private final EmbeddedActiveMQ server;
        private final String inVmUrl;

        EmbeddedBroker(EmbeddedActiveMQ server, String inVmUrl) {
            this.server = server;
            this.inVmUrl = inVmUrl;
        }

        static EmbeddedBroker none() {
            return new EmbeddedBroker(null, null);
        }

        public String inVmUrl() {
            return inVmUrl;
        }

        public EmbeddedActiveMQ server() {
            return server;
        }

        public boolean isEmbedded() {
            return server != null;
        }

        public void stop() throws Exception {
            if (server != null) {
                server.stop();
            }
        }
    }

}
