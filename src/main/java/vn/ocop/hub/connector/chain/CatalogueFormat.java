package vn.ocop.hub.connector.chain;

import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorFactory;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A retail chain's catalogue format (its Mapper, in the connector framework's terms): writes
 * rows to a stream one at a time, so a 100,000-item snapshot never sits in memory.
 */
public interface CatalogueFormat extends ConnectorFactory {

    /** File extension without the dot, e.g. {@code csv}. */
    String extension();

    CatalogueWriter open(OutputStream out, CatalogueHeader header, ConnectorConfig config) throws IOException;
}
