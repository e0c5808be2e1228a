package vn.ocop.hub.fakes;

/**
 * One rejected field of a request body, as Postmart lists it under {@code errors}.
 * Kept apart from the hub's own model so the fake cannot drift along with a hub change.
 *
 * @param field   JSON path such as {@code ocop.validUntil} or {@code images[2]}
 * @param message why the value was refused
 */
record FieldViolation(String field, String message) {
}
