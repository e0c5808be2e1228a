package vn.ocop.hub.connector.lazada;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ocop.hub.connector.TransientPartnerException;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.store.PartnerMediaStore;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lazada shows only images it hosts. Each source URL is migrated once ({@code /image/migrate})
 * and the hosted URL is kept in the media store, so a content update does not migrate again.
 */
final class LazadaImages {

    static final String MIGRATE = "/image/migrate";

    private final String partner;
    private final LazadaClient client;
    private final LazadaMapper mapper;
    private final PartnerMediaStore media;

    LazadaImages(String partner, LazadaClient client, LazadaMapper mapper, PartnerMediaStore media) {
        this.partner = partner;
        this.client = client;
        this.mapper = mapper;
        this.media = media;
    }

    /** The listing's first images (as many as Lazada takes), as Lazada-hosted URLs, in order. */
    List<String> hosted(Listing listing) {
        List<String> hosted = new ArrayList<>();
        for (String source : listing.images().stream().limit(LazadaMapper.MAX_IMAGES).toList()) {
            hosted.add(hostedUrl(source));
        }
        return hosted;
    }

    private String hostedUrl(String source) {
        if (isLazadaHosted(source)) {
            return source;
        }
        return media.find(partner, source).orElseGet(() -> migrate(source));
    }

    private String migrate(String source) {
        JsonNode answer;
        try {
            answer = client.call(LazadaRequest.post(MIGRATE, "payload", mapper.migrateImage(source)));
        } catch (LazadaRejection rejected) {
            // e.g. E302 "Not supported URL", E303 "The image is too large": say which image
            throw new LazadaRejection(MIGRATE + " of " + source, rejected.error());
        }
        String url = answer.path("data").path("image").path("url").asText("");
        if (url.isBlank()) {
            throw new TransientPartnerException("Lazada's answer to " + MIGRATE + " has no data.image.url");
        }
        media.save(partner, source, url);
        return url;
    }

    private static boolean isLazadaHosted(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && host.toLowerCase(Locale.ROOT).endsWith(".slatic.net");
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
