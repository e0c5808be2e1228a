package vn.ocop.hub.connector.chain.inbound;

/** What every chain reader declares alike: whose it is, which inbox folder, which extension. */
public abstract class ChainFileReader implements InboundReader {

    private final String connectorId;
    private final InboundKind kind;
    private final String extension;

    protected ChainFileReader(String connectorId, InboundKind kind, String extension) {
        this.connectorId = connectorId;
        this.kind = kind;
        this.extension = extension;
    }

    @Override
    public final String connectorId() {
        return connectorId;
    }

    @Override
    public final InboundKind kind() {
        return kind;
    }

    @Override
    public final String extension() {
        return extension;
    }
}
