package vn.ocop.hub.producer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** INVENTORY: a quantity of one listing a partner reported, and what that quantity means. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryEvent(String eventId, String producerId, String partner, String ocopId, String sku,
                             long quantity, Meaning meaning, String storeCode, Long soldQuantity, Instant occurredAt)
        implements ProducerEvent {

    @Override
    public String type() {
        return "INVENTORY";
    }

    public enum Meaning {
        /** units held for open orders at a marketplace */
        RESERVED,
        /** the partner's sellable stock after a sale or adjustment */
        AVAILABLE,
        /** a chain's store stock report: units on hand in the store */
        STORE_STOCK_REPORT,
        /** the partner says stock is running low */
        LOW_STOCK
    }
}
