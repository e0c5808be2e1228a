package vn.ocop.hub.fakes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A path Postmart serves: the product, its inventory or its price, for one seller SKU. */
record PostmartPath(String sellerSku, Resource resource) {

    enum Resource {
        PRODUCT(List.of("GET", "PUT", "DELETE")),
        INVENTORY(List.of("PATCH")),
        PRICE(List.of("PATCH"));

        private final List<String> methods;

        Resource(List<String> methods) {
            this.methods = methods;
        }

        List<String> methods() {
            return methods;
        }
    }

    private static final String PRODUCTS = "/v1/products/";

    /**
     * Parses the raw (still percent-encoded) path. The SKU is split off before decoding so that
     * an encoded slash stays part of the SKU; a SKU that is not percent-encoded UTF-8 matches
     * nothing, which is how a strict server treats a badly encoded URL.
     */
    static Optional<PostmartPath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PRODUCTS)) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(PRODUCTS.length()).split("/", -1);
        if (segments.length > 2 || segments[0].isEmpty()) {
            return Optional.empty();
        }
        Optional<Resource> resource = segments.length == 1 ? Optional.of(Resource.PRODUCT) : switch (segments[1]) {
            case "inventory" -> Optional.of(Resource.INVENTORY);
            case "price" -> Optional.of(Resource.PRICE);
            default -> Optional.empty();
        };
        return resource.flatMap(r -> percentDecode(segments[0]).map(sku -> new PostmartPath(sku, r)));
    }

    /** Unlike URLDecoder, keeps '+' literal: in a path it is not a space. */
    static Optional<String> percentDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.empty();
            }
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= segment.length()) {
                return Optional.empty();
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
