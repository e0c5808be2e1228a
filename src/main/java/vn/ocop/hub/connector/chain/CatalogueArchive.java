package vn.ocop.hub.connector.chain;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Decides which published catalogue files leave outbox/full and outbox/delta for the archive
 * (bean "catalogueArchive", asked by the catalogue-archive route for every file it lists).
 */
@Component("catalogueArchive")
public class CatalogueArchive {

    private final Clock clock;

    public CatalogueArchive(Clock clock) {
        this.clock = clock;
    }

    /** True when the file was last modified more than {@code days} days ago. */
    public boolean due(long lastModifiedMillis, int days) {
        return lastModifiedMillis > 0 && lastModifiedMillis < clock.millis() - Duration.ofDays(days).toMillis();
    }
}
