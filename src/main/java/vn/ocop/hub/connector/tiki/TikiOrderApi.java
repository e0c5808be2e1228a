package vn.ocop.hub.connector.tiki;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the hub reads back from Tiki about orders and events, with the connector's bearer token and
 * error classes. Tiki pushes nothing: its events wait in a queue the seller's app pulls.
 */
public interface TikiOrderApi {

    String ORDER = "/integration/v2/orders/";
    String QUEUES = "/integration/v1/queues/";

    /** {@code GET /integration/v2/orders/{order_code}}: the order with its {@code items[]}. */
    JsonNode order(String orderCode);

    /**
     * {@code POST /integration/v1/queues/{code}/events/pull {"ack_id": …}}: acknowledges the batch
     * {@code ackId} belongs to (none when null) and answers the next one, {@code {events:[…], ack_id}}.
     */
    JsonNode pullEvents(String queueCode, String ackId);
}
