package vn.ocop.hub.connector.chain;

import java.io.Closeable;
import java.io.IOException;

public interface CatalogueWriter extends Closeable {
    void write(CatalogueRow row) throws IOException;
}
