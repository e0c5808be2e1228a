package vn.ocop.hub.connector.chain.inbound;

/** What a chain dropped, by the inbox folder it used: {@code inbox/orders} or {@code inbox/stock}. */
public enum InboundKind {
    ORDERS("orders"), STOCK("stock");

    private final String folder;

    InboundKind(String folder) {
        this.folder = folder;
    }

    /** The folder under {@code inbox/} the chain drops this kind into. */
    public String folder() {
        return folder;
    }
}
