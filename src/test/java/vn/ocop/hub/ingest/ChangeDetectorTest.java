package vn.ocop.hub.ingest;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.model.ChangeEvent.Aspect;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.StoredListing;
import vn.ocop.hub.support.TestListings;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeDetectorTest {

    private final ChangeDetector detector = new ChangeDetector(TestListings.JSON);

    private StoredListing stored(Listing l, boolean withdrawn) {
        return new StoredListing(l, 1, detector.contentHash(l), withdrawn, null, Instant.now(), Instant.now());
    }

    private ChangeDetector.Change change(StoredListing before, Listing after) {
        return detector.derive(before, after, detector.contentHash(after));
    }

    @Test
    void firstVersionIsCreated() {
        Listing l = TestListings.sample(0);
        assertThat(change(null, l).type()).isEqualTo(ChangeType.CREATED);
        assertThat(change(null, l).aspects()).containsExactlyInAnyOrder(Aspect.values());
    }

    @Test
    void eachKindOfDifferenceHasItsChange() {
        Listing v1 = TestListings.sample(0);
        StoredListing before = stored(v1, false);
        assertThat(change(before, TestListings.sample(0, n -> n.put("version", 2))).type())
                .isEqualTo(ChangeType.UNCHANGED);
        assertThat(change(before, TestListings.sample(0, n -> n.put("version", 2).put("stock", v1.stock() + 5))).type())
                .isEqualTo(ChangeType.STOCK_CHANGED);
        ChangeDetector.Change price = change(before, TestListings.sample(0, n -> {
            n.put("version", 2).put("stock", v1.stock() + 1);
            n.with("price").put("retail", v1.price().retail() + 1000);
        }));
        assertThat(price.type()).isEqualTo(ChangeType.PRICE_CHANGED);
        assertThat(price.aspects()).containsExactlyInAnyOrder(Aspect.PRICE, Aspect.STOCK);
        ChangeDetector.Change content = change(before, TestListings.sample(0, n -> {
            n.put("version", 2);
            n.with("description").put("vi", "Mô tả mới");
        }));
        assertThat(content.type()).isEqualTo(ChangeType.UPDATED);
        assertThat(content.aspects()).containsExactly(Aspect.CONTENT);
    }

    @Test
    void revokedCertificateWithdrawsAndRelistingIsCreated() {
        Listing v1 = TestListings.sample(0);
        Listing revoked = TestListings.sample(0, n -> {
            n.put("version", 2);
            n.with("certification").put("status", "REVOKED");
        });
        assertThat(change(stored(v1, false), revoked).type()).isEqualTo(ChangeType.WITHDRAWN);
        assertThat(change(stored(revoked, true), TestListings.sample(0, n -> n.put("version", 3))).type())
                .isEqualTo(ChangeType.CREATED);
        assertThat(change(stored(revoked, true), TestListings.sample(0, n -> {
            n.put("version", 3);
            n.with("certification").put("status", "REVOKED");
        })).type()).isEqualTo(ChangeType.UNCHANGED);
    }
}
