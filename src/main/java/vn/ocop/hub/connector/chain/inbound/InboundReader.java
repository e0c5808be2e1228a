package vn.ocop.hub.connector.chain.inbound;

import vn.ocop.hub.connector.ConnectorConfig;

import java.io.IOException;
import java.io.InputStream;

/**
 * A chain's reader for one kind of file it drops into its inbox. Registered as a bean; found
 * by the chain's {@code connector:} id and the {@link InboundKind}. A reader never throws for
 * bad content: it reports each bad line or segment as an {@link InboundProblem}.
 */
public interface InboundReader {

    /** The chain connector this reader belongs to, e.g. {@code aeon-csv}. */
    String connectorId();

    InboundKind kind();

    /** File extension it reads, without the dot ({@code csv}, {@code xml}, {@code edi}). */
    String extension();

    InboundDocument read(InputStream in, ConnectorConfig config) throws IOException;
}
