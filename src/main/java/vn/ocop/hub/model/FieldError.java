package vn.ocop.hub.model;

/** One rejected field: {@code field} is the JSON path (e.g. {@code images[2]}), {@code message} says why. */
public record FieldError(String field, String message) {
}
