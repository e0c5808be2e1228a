package vn.ocop.hub.connector.shopee;

import vn.ocop.hub.connector.PermanentPartnerException;
import vn.ocop.hub.connector.TransientPartnerException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Downloads a listing's image over https with the JDK client, refusing anything over Shopee's size limit. */
public final class HttpImageSource implements ImageSource {

    private final HttpClient client;
    private final Duration timeout;

    public HttpImageSource(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Image fetch(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            throw new PermanentPartnerException("image URL is not usable: " + url);
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 408 || status == 429 || status >= 500) {
                    throw new TransientPartnerException("image host answered " + status + " for " + url);
                }
                if (status != 200) {
                    throw new PermanentPartnerException("image " + url + " answered HTTP " + status);
                }
                // one byte over the limit is enough to know, without reading a huge file to the end
                byte[] bytes = body.readNBytes(ShopeeImages.MAX_BYTES + 1);
                return new Image(bytes, response.headers().firstValue("Content-Type").orElse(null));
            }
        } catch (IOException e) {
            throw new TransientPartnerException("cannot download image " + url + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPartnerException("interrupted downloading image " + url, null, e);
        }
    }
}
