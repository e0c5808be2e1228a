package vn.ocop.hub.fakes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Postmart's product endpoints once a request has passed authentication and the injected
 * faults: routing, media type, body decoding and the catalogue operations.
 */
final class PostmartApi {

    private final PostmartCatalogue catalogue;
    private final ObjectMapper mapper;

    PostmartApi(PostmartCatalogue catalogue, ObjectMapper mapper) {
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    Answer handle(String method, String rawPath, String contentType, byte[] body) {
        Optional<PostmartPath> parsed = PostmartPath.parse(rawPath);
        if (parsed.isEmpty()) {
            return ProblemJson.notFound("No resource at " + rawPath);
        }
        PostmartPath path = parsed.get();
        if (!path.resource().methods().contains(method)) {
            return ProblemJson.methodNotAllowed(method, path.resource().methods());
        }
        try {
            return switch (path.resource()) {
                case PRODUCT -> switch (method) {
                    case "PUT" -> put(path.sellerSku(), json(contentType, body));
                    case "GET" -> get(path.sellerSku());
                    default -> withdraw(path.sellerSku());
                };
                case INVENTORY -> patch(path.sellerSku(), "quantity", "stock", ProductValidator::inventory,
                        contentType, body);
                case PRICE -> patch(path.sellerSku(), "price", "price", ProductValidator::price, contentType, body);
            };
        } catch (Refused refused) {
            return refused.answer;
        }
    }

    private Answer put(String sellerSku, JsonNode body) {
        List<FieldViolation> violations = ProductValidator.product(body, sellerSku);
        if (!violations.isEmpty()) {
            return ProblemJson.validation("Invalid product", violations);
        }
        PostmartCatalogue.Put put = catalogue.put(sellerSku, (ObjectNode) body);
        return Answer.json(put.created() ? 201 : 200, summary(put.product()));
    }

    private Answer get(String sellerSku) {
        return catalogue.find(sellerSku)
                .map(product -> Answer.json(200, product))
                .orElseGet(() -> unknown(sellerSku));
    }

    private Answer withdraw(String sellerSku) {
        return catalogue.withdraw(sellerSku)
                .map(product -> Answer.json(200, summary(product)))
                .orElseGet(() -> unknown(sellerSku));
    }

    /**
     * The product is looked up before the body is read, so a PATCH on an unknown SKU is a 404
     * whatever it carries: the hub must first PUT the product.
     */
    private Answer patch(String sellerSku, String bodyField, String storedField,
                         Function<JsonNode, List<FieldViolation>> rules, String contentType, byte[] bytes) {
        if (catalogue.find(sellerSku).isEmpty()) {
            return unknown(sellerSku);
        }
        JsonNode body = json(contentType, bytes);
        List<FieldViolation> violations = rules.apply(body);
        if (!violations.isEmpty()) {
            return ProblemJson.validation("Invalid " + bodyField, violations);
        }
        return catalogue.set(sellerSku, storedField, body.get(bodyField).longValue())
                .map(product -> Answer.json(200, summary(product)))
                .orElseGet(() -> unknown(sellerSku));
    }

    /** Refuses what a real JSON API would: another media type, a non-UTF-8 charset or body, broken JSON. */
    private JsonNode json(String contentType, byte[] bytes) {
        if (!isJsonInUtf8(contentType)) {
            throw new Refused(ProblemJson.unsupportedMediaType(contentType));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused(ProblemJson.malformed("The body is not valid UTF-8"));
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Refused(ProblemJson.malformed("The body is empty"));
            }
            return node;
        } catch (JacksonException e) {
            throw new Refused(ProblemJson.malformed("The body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static boolean isJsonInUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length == 2) {
                String charset = parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ObjectNode summary(ObjectNode product) {
        return JsonNodeFactory.instance.objectNode()
                .put("productId", product.get("productId").textValue())
                .put("status", product.get("status").textValue());
    }

    private static Answer unknown(String sellerSku) {
        return ProblemJson.notFound("No product with sellerSku " + sellerSku);
    }

    /** Ends request handling early with a ready answer, keeping the happy path free of checks. */
    private static final class Refused extends RuntimeException {
        private final transient Answer answer;

        Refused(Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}
