package vn.ocop.hub.producer.notify;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Starts the producer-notifier timer (routes/producer-notifier.yaml). A template instantiated
 * here because Camel's timer reads "1s" but not ISO durations such as PT1S.
 */
@Component
public class NotifierRoute implements CamelContextConfiguration {

    private final NotifierProperties properties;

    public NotifierRoute(NotifierProperties properties) {
        this.properties = properties;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        // the template is loaded from routes/ during start-up; the instance is added afterwards
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        TemplatedRouteBuilder.builder(context, "producer-notifier")
                .routeId("producer-notifier")
                .parameter("periodMillis", String.valueOf(Math.max(1, properties.pollEvery().toMillis())))
                .add();
    }
}
