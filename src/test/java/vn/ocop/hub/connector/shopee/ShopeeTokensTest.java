package vn.ocop.hub.connector.shopee;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.DeliveryFailedException;
import vn.ocop.hub.fakes.shopee.FakeShopee;
import vn.ocop.hub.fakes.shopee.ShopeeExchange;
import vn.ocop.hub.model.ChangeEvent;
import vn.ocop.hub.model.ChangeType;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.BindingState;
import vn.ocop.hub.store.PartnerCredentialStore;
import vn.ocop.hub.support.MutableClock;
import vn.ocop.hub.support.TestListings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shopee's 4-hour access tokens and single-use refresh tokens, against the fake's authorisation server. */
class ShopeeTokensTest {

    private ShopeeTestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static Listing tea(long version, int stock, long price) {
        return TestListings.sample(0, n -> {
            n.put("version", version);
            n.put("stock", stock);
            ((ObjectNode) n.get("price")).put("retail", price);
        });
    }

    @Test
    void anAccessTokenThatExpiresMidRunIsRefreshedAndTheRotatedRefreshTokenIsKeptAcrossARestart() {
        hub = new ShopeeTestHub();
        Listing listing = tea(2, 480, 120_000);
        String configured = hub.shopee.initialRefreshToken();

        hub.deliver(listing, ChangeType.CREATED);

        assertThat(hub.shopee.refreshes()).isEqualTo(1);
        assertThat(hub.shopee.refreshTokenSpent(configured)).isTrue();
        assertThat(hub.storedRefreshToken()).isEqualTo(hub.shopee.liveRefreshToken()).isNotEqualTo(configured);

        hub.shopee.expireAccessToken();
        hub.deliver(tea(3, 480, 150_000), ChangeType.PRICE_CHANGED);

        assertThat(hub.shopee.count(FakeShopee.UPDATE_PRICE, e -> e.error().equals("error_auth")))
                .as("the expired token was refused once").isEqualTo(1);
        assertThat(hub.shopee.itemsWithSku(listing.sku()).get(0).originalPrice()).isEqualByComparingTo("150000");
        assertThat(hub.binding(listing).state()).isEqualTo(BindingState.SYNCED);
        assertThat(hub.shopee.refreshes()).isEqualTo(2);
        String beforeRestart = hub.storedRefreshToken();
        assertThat(beforeRestart).isEqualTo(hub.shopee.liveRefreshToken());

        // a restart with SHOPEE_REFRESH_TOKEN still holding the spent first token
        hub.restart();
        hub.shopee.expireAccessToken();
        hub.deliver(tea(4, 7, 150_000), ChangeType.STOCK_CHANGED);

        assertThat(hub.shopee.refusedRefreshes()).as("the spent configured token was never offered").isZero();
        assertThat(lastTokenRequest().body()).contains(beforeRestart).doesNotContain(configured);
        assertThat(hub.shopee.itemsWithSku(listing.sku()).get(0).stock()).isEqualTo(7);
        assertThat(hub.storedRefreshToken()).isEqualTo(hub.shopee.liveRefreshToken());
    }

    @Test
    void aRestartReusesTheStoredAccessTokenInsteadOfSpendingARefreshToken() {
        hub = new ShopeeTestHub();
        hub.deliver(tea(2, 480, 120_000), ChangeType.CREATED);
        hub.restart();

        hub.deliver(tea(3, 100, 120_000), ChangeType.STOCK_CHANGED);

        assertThat(hub.shopee.refreshes()).isEqualTo(1);
        assertThat(hub.shopee.count(FakeShopee.TOKEN)).isEqualTo(1);
    }

    @Test
    void theAccessTokenIsRefreshedAheadOfItsFourHourExpiry() {
        hub = new ShopeeTestHub();
        MutableClock clock = new MutableClock(Instant.now());
        hub.useClock(clock);
        hub.restart();
        hub.deliver(tea(2, 480, 120_000), ChangeType.CREATED);

        clock.advance(Duration.ofHours(3));
        hub.deliver(tea(3, 400, 120_000), ChangeType.STOCK_CHANGED);
        assertThat(hub.shopee.refreshes()).as("3 h old: still good").isEqualTo(1);

        clock.advance(Duration.ofMinutes(50));
        hub.deliver(tea(4, 300, 120_000), ChangeType.STOCK_CHANGED);

        assertThat(hub.shopee.refreshes()).as("10 minutes before expiry: refreshed first").isEqualTo(2);
        assertThat(hub.shopee.exchanges()).noneMatch(e -> e.error().equals("error_auth"));
        assertThat(hub.shopee.itemsWithSku("CBT-200").get(0).stock()).isEqualTo(300);
    }

    @Test
    void aRotatedRefreshTokenThatCannotBeStoredIsNeitherUsedNorLost() {
        FailingStores stores = new FailingStores();
        hub = new ShopeeTestHub(new ConnectorConfig.RetryPolicy(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(20)),
                stores);
        Listing listing = tea(2, 480, 120_000);
        ChangeEvent created = hub.event(listing, ChangeType.CREATED);
        stores.failing = true;

        assertThatThrownBy(() -> hub.deliver(created)).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("refresh token");

        assertThat(hub.shopee.refreshes()).as("rotated once, not spent again on every retry").isEqualTo(1);
        assertThat(hub.shopee.exchanges()).as("the new access token was never used")
                .allMatch(e -> e.path().equals(FakeShopee.TOKEN));

        stores.failing = false;
        hub.deliver(created);

        assertThat(hub.storedRefreshToken()).isEqualTo(hub.shopee.liveRefreshToken());
        assertThat(hub.shopee.refreshes()).isEqualTo(1);
        assertThat(hub.shopee.refusedRefreshes()).isZero();
        assertThat(hub.binding(listing).state()).isEqualTo(BindingState.SYNCED);
    }

    @Test
    void aSpentRefreshTokenIsRefusedAsShopeeDoesAndParksTheChangeWithAReason() {
        hub = new ShopeeTestHub();
        hub.deliver(tea(2, 480, 120_000), ChangeType.CREATED);
        // the store lost its tokens (restored from an old backup): only the spent configured one is left
        hub.jdbc.update("delete from partner_credential");
        hub.restart();

        assertThatThrownBy(() -> hub.deliver(tea(3, 1, 120_000), ChangeType.STOCK_CHANGED))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("Invalid refresh_token")
                .hasMessageContaining("re-authorise");
        assertThat(hub.shopee.refusedRefreshes()).isPositive();
        assertThat(hub.binding(tea(3, 1, 120_000)).state()).as("not the listing's fault").isNotEqualTo(BindingState.REJECTED);
    }

    @Test
    void aSkewedServerClockIsNotBlamedOnTheListing() {
        hub = new ShopeeTestHub(new ConnectorConfig.RetryPolicy(2, Duration.ofMillis(10), 2.0, Duration.ofMillis(10)));
        hub.useHubClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        hub.restart();
        Listing listing = tea(2, 480, 120_000);

        assertThatThrownBy(() -> hub.deliver(listing, ChangeType.CREATED))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("Invalid timestamp");
        assertThat(hub.bindings.find(listing.ocopId(), ShopeeTestHub.PARTNER)).isEmpty();
        assertThat(hub.shopee.refreshes()).isZero();
    }

    private ShopeeExchange lastTokenRequest() {
        List<ShopeeExchange> tokenCalls = hub.shopee.exchanges().stream()
                .filter(e -> e.path().equals(FakeShopee.TOKEN)).toList();
        return tokenCalls.get(tokenCalls.size() - 1);
    }

    /** A store whose writes fail on demand, like a database that is down for a moment. */
    static final class FailingStores extends ShopeeTestHub.PartnerCredentialStoreFactory {
        volatile boolean failing;

        @Override
        PartnerCredentialStore create(JdbcTemplate jdbc) {
            return new PartnerCredentialStore(jdbc) {
                @Override
                public void save(String partner, String name, String value, Instant expiresAt) {
                    if (failing) {
                        throw new org.springframework.dao.DataAccessResourceFailureException("database unavailable");
                    }
                    super.save(partner, name, value, expiresAt);
                }
            };
        }
    }
}
