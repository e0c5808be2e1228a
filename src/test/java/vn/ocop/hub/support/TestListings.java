package vn.ocop.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Valid listings for unit tests, taken from the shipped samples and edited per test. */
public final class TestListings {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ListingValidator VALIDATOR = ListingValidator.withSystemClock();

    private TestListings() {
    }

    public static ObjectNode sampleJson(int index) {
        try {
            JsonNode all = JSON.readTree(Path.of("samples/hanoi-listings.json").toFile());
            return (ObjectNode) all.get(index).deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample listing (index into samples/hanoi-listings.json) after an edit, validated. */
    public static Listing sample(int index, Consumer<ObjectNode> edit) {
        ObjectNode node = sampleJson(index);
        edit.accept(node);
        ValidationResult result = VALIDATOR.validate(node);
        if (!result.valid()) {
            throw new IllegalArgumentException("test listing is invalid: " + result.errors());
        }
        return result.listing();
    }

    public static Listing sample(int index) {
        return sample(index, n -> {
        });
    }
}
