package vn.ocop.hub.connector.tiki;

/** A product Tiki made from an approved request: its id and the SKU it files it under. */
record TikiProduct(String productId, String originalSku) {
}
