package vn.ocop.hub.connector.shopee;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default image source: a producer's image host that answers, is gone, or is busy. */
class HttpImageSourceTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    private HttpServer host;
    private final HttpImageSource source = new HttpImageSource(Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        host = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        host.createContext("/ok.png", e -> answer(e, 200, PNG));
        host.createContext("/gone.jpg", e -> answer(e, 404, new byte[0]));
        host.createContext("/busy.jpg", e -> answer(e, 503, new byte[0]));
        host.createContext("/huge.jpg", e -> answer(e, 200, new byte[ShopeeImages.MAX_BYTES + 4096]));
        host.start();
    }

    @AfterEach
    void stop() {
        host.stop(0);
    }

    @Test
    void anImageIsDownloadedWithItsMediaType() {
        ImageSource.Image image = source.fetch(url("/ok.png"));

        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(ShopeeImages.mediaType(image.bytes())).isEqualTo("image/png");
    }

    @Test
    void aMissingImageIsTheListingsProblemABusyHostIsNot() {
        assertThatThrownBy(() -> source.fetch(url("/gone.jpg"))).isInstanceOf(PermanentPartnerException.class)
                .hasMessageContaining("404");
        assertThatThrownBy(() -> source.fetch(url("/busy.jpg"))).isInstanceOf(TransientPartnerException.class)
                .hasMessageContaining("503");
    }

    @Test
    void aHugeImageIsCutJustPastShopeesLimitSoItCanBeRefused() {
        assertThat(source.fetch(url("/huge.jpg")).bytes()).hasSize(ShopeeImages.MAX_BYTES + 1);
    }

    @Test
    void anUnreachableHostIsTransient() {
        int port = host.getAddress().getPort();
        host.stop(0);
        assertThatThrownBy(() -> source.fetch("http://127.0.0.1:" + port + "/ok.png"))
                .isInstanceOf(TransientPartnerException.class);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + host.getAddress().getPort() + path;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange e, int status, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", "image/png");
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
        e.close();
    }
}
