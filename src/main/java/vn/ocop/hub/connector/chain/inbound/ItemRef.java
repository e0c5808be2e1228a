package vn.ocop.hub.connector.chain.inbound;

/**
 * How a chain named the item on a line: our item code (the ocopId we sent), a GTIN, or the
 * supplier article number (also the ocopId, in EANCOM's PIA). Any may be null; at least one
 * must be present for the line to be matched to a listing.
 */
public record ItemRef(String itemCode, String gtin, String supplierArticle) {

    public boolean isEmpty() {
        return blank(itemCode) && blank(gtin) && blank(supplierArticle);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (!blank(itemCode)) s.append("item code ").append(itemCode);
        if (!blank(gtin)) s.append(s.isEmpty() ? "" : ", ").append("GTIN ").append(gtin);
        if (!blank(supplierArticle)) s.append(s.isEmpty() ? "" : ", ").append("supplier article ").append(supplierArticle);
        return s.isEmpty() ? "no item reference" : s.toString();
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
