package vn.ocop.hub.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ocop.hub.store.ListingStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Certificates run 36 months. Every day (and at start-up, in case the hub was down at
 * midnight) listings whose certificate has lapsed are withdrawn from every partner.
 */
@Component
public class CertificateExpiry {

    private static final Logger log = LoggerFactory.getLogger(CertificateExpiry.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ListingStore listings;
    private final IngestService ingest;
    private final Clock clock;

    public CertificateExpiry(ListingStore listings, IngestService ingest, Clock clock) {
        this.listings = listings;
        this.ingest = ingest;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        withdrawExpired();
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Ho_Chi_Minh")
    public int withdrawExpired() {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        int count = 0;
        for (String ocopId : listings.activeExpiringBefore(today)) {
            ingest.withdraw(ocopId, "certificate expired (valid until before " + today + ")");
            count++;
        }
        if (count > 0) {
            log.info("Withdrew {} listings whose OCOP certificate expired", count);
        }
        return count;
    }
}
