package vn.ocop.hub.producer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.producer.ProducerEventStore;
import vn.ocop.hub.producer.ProducerStore;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the producer notifier from {@link NotifierProperties}. */
@Configuration(proxyBeanMethods = false)
public class NotifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

    /** Named for the timer route (routes/producer-notifier.yaml). */
    @Bean
    public ProducerNotifier producerNotifier(NotifierProperties properties, ProducerEventStore events,
                                             ProducerStore producers, ObjectProvider<JavaMailSender> mail,
                                             PartnerRegistry partners, ObjectMapper json) {
        if (properties.giveUpAfter().compareTo(Duration.ofHours(24)) < 0) {
            log.warn("hub.notifier.give-up-after is {}: producers are promised at least 24 hours of retries",
                    properties.giveUpAfter());
        }
        // not the hub's Clock bean: that one judges certificates and may be fixed (tests pin it to
        // a day), while retry times are compared with the store's and producers check the
        // signed timestamp against their own real clock
        Clock wallClock = Clock.systemUTC();
        NotificationChannel webhook = new WebhookDelivery(WebhookDelivery.client(WebhookDelivery.CONNECT_TIMEOUT),
                wallClock, WebhookDelivery.REQUEST_TIMEOUT);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            sender = null; // SPRING_MAIL_HOST passed empty (docker-compose does when unset): no mail server
        }
        NotificationChannel email = sender == null ? null : new EmailDelivery(sender, properties.mailFrom(),
                new NotificationTexts(), json, name -> partners.find(name).map(NotifierConfiguration::displayName)
                .orElse(name));
        if (email == null) {
            log.info("No mail server (spring.mail.host): producers without a webhook get their inbox only");
        }
        RetryPolicy retry = new RetryPolicy(properties.initialDelay(), properties.maxDelay(),
                properties.giveUpAfter(), () -> ThreadLocalRandom.current().nextDouble());
        return new ProducerNotifier(events, producers, webhook, email, retry, properties.batchSize(), wallClock,
                pool(properties));
    }

    @Bean
    public NotificationGauges producerNotificationGauges(ProducerEventStore events,
                                                         MeterRegistry registry) {
        return new NotificationGauges(events, registry);
    }

    /**
     * A few daemon threads; the queue holds at most one batch, since a producer is queued only
     * while not being served. A full queue refuses, and the next poll offers the producer again.
     */
    private static ThreadPoolExecutor pool(NotifierProperties properties) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(properties.parallelism(), properties.parallelism(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.batchSize()), runnable -> {
            Thread thread = new Thread(runnable, "producer-notifier-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String displayName(Partner partner) {
        String name = partner.config().displayName();
        return name == null || name.isBlank() ? partner.name() : name;
    }
}
