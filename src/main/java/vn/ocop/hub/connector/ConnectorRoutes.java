package vn.ocop.hub.connector;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.chain.inbound.ChainInbox;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundReader;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Instantiates the YAML route templates for every active partner once Camel has loaded them:
 * a partner is a configuration file plus its connector beans, never new routes.
 */
@Component
public class ConnectorRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRoutes.class);

    private final PartnerRegistry registry;
    private final Synchronizers synchronizers;
    private final ChainInbox inbox;
    private final Duration archiveEvery;

    public ConnectorRoutes(PartnerRegistry registry, Synchronizers synchronizers, ChainInbox inbox,
                           @Value("${hub.catalogue.archive-every:PT1H}") Duration archiveEvery) {
        this.registry = registry;
        this.synchronizers = synchronizers;
        this.inbox = inbox;
        this.archiveEvery = archiveEvery;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        // templates are loaded from routes/ during start-up; instances are added afterwards
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        for (Partner partner : registry.all()) {
            if (!partner.active()) {
                log.info("Partner {} disabled: {}", partner.name(), partner.disabledReason());
                continue;
            }
            ConnectorConfig config = partner.config();
            TemplatedRouteBuilder.builder(context, "listing-synchronizer")
                    .routeId("sync-" + partner.name())
                    .parameter("partner", partner.name())
                    .parameter("consumers", String.valueOf(config.consumerCount()))
                    .add();
            if (partner.isRetailChain()) {
                addCatalogueRoutes(context, config);
                addInboxRoutes(context, config);
            }
            if (synchronizers.tracksApprovals(partner.name())) {
                Duration every = config.schedule() == null || config.schedule().approvalPollEvery() == null
                        ? Duration.ofMinutes(1) : config.schedule().approvalPollEvery();
                TemplatedRouteBuilder.builder(context, "approval-poll")
                        .routeId("approval-poll-" + partner.name())
                        .parameter("partner", partner.name())
                        .parameter("periodMillis", String.valueOf(every.toMillis()))
                        .add();
            }
            if (synchronizers.batchesPriceStock(partner.name())) {
                Duration every = config.schedule() == null || config.schedule().priceStockEvery() == null
                        ? Duration.ofSeconds(1) : config.schedule().priceStockEvery();
                TemplatedRouteBuilder.builder(context, "price-stock-batch")
                        .routeId("price-stock-batch-" + partner.name())
                        .parameter("partner", partner.name())
                        .parameter("periodMillis", String.valueOf(every.toMillis()))
                        .add();
            }
            log.info("Partner {} active", partner.name());
        }
    }

    private void addCatalogueRoutes(CamelContext context, ConnectorConfig config) {
        String name = config.partner();
        ConnectorConfig.Schedule schedule = config.schedule();
        Duration deltaEvery = schedule == null || schedule.deltaEvery() == null ? Duration.ofMinutes(5)
                : schedule.deltaEvery();
        String fullCron = schedule == null || schedule.fullCron() == null ? "0 0 1 * * *" : schedule.fullCron();
        sftpTemplate(context, "catalogue-upload", config)
                .routeId("catalogue-upload-" + name)
                .parameter("partner", name)
                .add();
        TemplatedRouteBuilder.builder(context, "catalogue-schedule")
                .routeId("catalogue-delta-" + name)
                .parameter("partner", name)
                .parameter("kind", "Delta")
                .parameter("trigger", "timer:catalogue-delta-" + name + "?period=" + deltaEvery.toMillis()
                        + "&delay=" + Math.min(5_000, deltaEvery.toMillis()))
                .add();
        TemplatedRouteBuilder.builder(context, "catalogue-schedule")
                .routeId("catalogue-full-" + name)
                .parameter("partner", name)
                .parameter("kind", "Full")
                .parameter("trigger", "scheduler:catalogue-full-" + name + "?scheduler=spring&scheduler.cron="
                        + URLEncoder.encode(fullCron, StandardCharsets.UTF_8))
                .add();
        if (schedule != null && schedule.archiveAfterDays() != null) {
            sftpTemplate(context, "catalogue-archive", config)
                    .routeId("catalogue-archive-" + name)
                    .parameter("partner", name)
                    .parameter("archiveAfterDays", String.valueOf(schedule.archiveAfterDays()))
                    .parameter("delayMillis", String.valueOf(archiveEvery.toMillis()))
                    .add();
        }
    }

    private void addInboxRoutes(CamelContext context, ConnectorConfig config) {
        ConnectorConfig.Schedule schedule = config.schedule();
        Duration every = schedule == null || schedule.inboxPollEvery() == null ? Duration.ofMinutes(1)
                : schedule.inboxPollEvery();
        for (InboundKind kind : InboundKind.values()) {
            InboundReader reader = inbox.reader(config.connector(), kind).orElse(null);
            if (reader == null) {
                continue;
            }
            sftpTemplate(context, "chain-inbox", config)
                    .routeId("chain-inbox-" + config.partner() + "-" + kind.folder())
                    .parameter("partner", config.partner())
                    .parameter("kind", kind.name())
                    .parameter("folder", kind.folder())
                    .parameter("extension", reader.extension())
                    .parameter("delayMillis", String.valueOf(every.toMillis()))
                    .add();
        }
    }

    /** A template instance that talks SFTP as the chain's own account. */
    private static TemplatedRouteBuilder sftpTemplate(CamelContext context, String template, ConnectorConfig config) {
        return TemplatedRouteBuilder.builder(context, template)
                .parameter("host", config.transport("host"))
                .parameter("port", config.transport("port"))
                .parameter("username", config.transport("username"))
                .parameter("password", config.transport("password"))
                .parameter("hostKeyOptions", hostKeyOptions(config));
    }

    /** Without a known_hosts file the host key is not checked: acceptable only for the embedded server. */
    static String hostKeyOptions(ConnectorConfig config) {
        String knownHosts = config.transport("knownHostsFile");
        if (knownHosts == null || knownHosts.isBlank()) {
            return "strictHostKeyChecking=no&useUserKnownHostsFile=false";
        }
        return "strictHostKeyChecking=yes&useUserKnownHostsFile=false&knownHostsFile=" + knownHosts;
    }
}
