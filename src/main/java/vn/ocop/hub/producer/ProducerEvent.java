package vn.ocop.hub.producer;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A canonical event going back to a producer (canonical-model.md): an order or a stock figure a
 * partner reported. {@code eventId} is derived from the partner's own identifiers, so the same
 * partner message always yields the same id and the store keeps it once.
 */
public sealed interface ProducerEvent permits OrderEvent, InventoryEvent {

    String eventId();

    String producerId();

    String partner();

    /** When the partner said it happened. */
    Instant occurredAt();

    @JsonProperty("type")
    String type();
}
