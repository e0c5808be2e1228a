package vn.ocop.hub.connector.tiki;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.connector.marketplace.PartnerHttp;
import vn.ocop.hub.fakes.tiki.FakeTiki;
import vn.ocop.hub.fakes.tiki.FakeTikiCall;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client-credentials token: fetched with HTTP Basic, reused, and renewed shortly before it expires. */
class TikiTokensTest {

    private final TikiHarness hub = new TikiHarness();
    private final PartnerHttp http = new PartnerHttp("tiki", hub.producer(), hub.tiki.baseUrl(), null);

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void asksWithHttpBasicAndTheClientCredentialsGrant() {
        TikiTokens tokens = tokens(TikiHarness.CLIENT_SECRET);

        String token = tokens.bearer();

        assertThat(token).isNotBlank();
        FakeTikiCall call = hub.tiki.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo(FakeTiki.TOKEN_PATH);
        assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(call.body()).isEqualTo("grant_type=client_credentials");
        assertThat(call.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (TikiHarness.CLIENT_ID + ":" + TikiHarness.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(call.status()).isEqualTo(200);
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpires() {
        hub.tiki.tokenLifetime(Duration.ofMinutes(10));
        TikiTokens tokens = tokens(TikiHarness.CLIENT_SECRET);

        String first = tokens.bearer();
        hub.clock.advance(Duration.ofMinutes(8));
        assertThat(tokens.bearer()).isEqualTo(first);
        assertThat(hub.tiki.tokensIssued()).isEqualTo(1);

        // inside the last minute of the ten: renewed before Tiki could refuse it
        hub.clock.advance(Duration.ofSeconds(90));
        String second = tokens.bearer();

        assertThat(second).isNotEqualTo(first);
        assertThat(hub.tiki.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsReplacedOnceEvenWhenReportedTwice() {
        TikiTokens tokens = tokens(TikiHarness.CLIENT_SECRET);
        String first = tokens.bearer();

        tokens.rejected(first);
        String second = tokens.bearer();
        tokens.rejected(first); // a second consumer reporting the same old token

        assertThat(tokens.bearer()).isEqualTo(second);
        assertThat(hub.tiki.tokensIssued()).isEqualTo(2);
    }

    @Test
    void wrongCredentialsAreAnOperatorProblemRetriedNotAListingRejection() {
        TikiTokens tokens = tokens("not-the-secret");

        assertThatThrownBy(tokens::bearer)
                .isInstanceOf(TransientPartnerException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_client");
    }

    private TikiTokens tokens(String secret) {
        return new TikiTokens(http, TikiHarness.json(), hub.clock, TikiHarness.CLIENT_ID, secret);
    }
}
