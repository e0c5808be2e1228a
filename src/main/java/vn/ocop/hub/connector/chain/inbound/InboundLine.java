package vn.ocop.hub.connector.chain.inbound;

import java.time.LocalDate;

/**
 * One order line or stock line as a chain's file gave it, before it is matched to a listing.
 *
 * @param location     where in the file, for error reports ("line 7", "segment 23 (LIN)")
 * @param documentRef  the purchase order number; for a stock report the report's own id, or null
 * @param documentDate order date or stock report date
 * @param storeCode    the chain's store (or its GLN), when given
 * @param quantity     ordered quantity, or on-hand quantity for a stock line
 * @param unitPrice    net unit price in VND for an order line, when given
 * @param deliveryDate requested delivery date of an order, when given
 * @param soldQuantity units sold in the period of a stock report, when given
 */
public record InboundLine(String location, String documentRef, LocalDate documentDate, String storeCode,
                          ItemRef item, long quantity, Long unitPrice, LocalDate deliveryDate, Long soldQuantity) {
}
