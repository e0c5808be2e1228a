package vn.ocop.hub.callback;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.callback.tiki.TikiEventPull;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The scheduled pulls of routes/partner-messages.yaml, one per running partner that needs one:
 * Tiki's event queue (when TIKI_EVENT_QUEUE names it) and Shopee's lost pushes. A partner whose
 * orders toggle is off gets neither.
 */
@Component
public class CallbackRoutes implements CamelContextConfiguration {

    static final Duration DEFAULT_EVENT_PULL = Duration.ofSeconds(30);
    static final Duration DEFAULT_LOST_PUSH_POLL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(CallbackRoutes.class);

    private final PartnerRegistry registry;

    public CallbackRoutes(PartnerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        // templates are loaded from routes/ during start-up; instances are added afterwards
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        for (Partner partner : registry.active()) {
            ConnectorConfig config = partner.config();
            if (config.toggles() != null && !config.toggles().orders()) {
                continue;
            }
            if ("tiki".equals(config.connector())) {
                if (TikiEventPull.queue(config).isEmpty()) {
                    log.warn("{}: no event queue configured (TIKI_EVENT_QUEUE): its orders are not read", partner.name());
                    continue;
                }
                add(context, "tiki-event-pull", partner.name(), every(config, "eventPullEvery", DEFAULT_EVENT_PULL));
            }
            if ("shopee".equals(config.connector())) {
                add(context, "shopee-lost-push", partner.name(),
                        every(config, "lostPushPollEvery", DEFAULT_LOST_PUSH_POLL));
            }
        }
    }

    private static void add(CamelContext context, String template, String partner, Duration every) {
        TemplatedRouteBuilder.builder(context, template)
                .routeId(template + "-" + partner)
                .parameter("partner", partner)
                .parameter("periodMillis", String.valueOf(every.toMillis()))
                .add();
    }

    static Duration every(ConnectorConfig config, String key, Duration fallback) {
        String value = config.setting(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("connectors-config/" + config.partner() + ".yaml: profile." + key
                    + " is not an ISO-8601 duration: " + value);
        }
    }
}
