package vn.ocop.hub.connector.hapro;

import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueFormat;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueWriter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Hapro's catalogue: one EANCOM 2002 PRICAT D.01B interchange per file, syntax 4 with character
 * set UNOW (UTF-8) so Vietnamese names survive (partners.md). {@link PricatWriter} writes the
 * envelope and header, {@link PricatLine} each item; StAEDI escapes and validates.
 */
@Component
public class HaproPricatFormat implements CatalogueFormat {

    static final String CONNECTOR_ID = "hapro-eancom";

    @Override
    public String connectorId() {
        return CONNECTOR_ID;
    }

    @Override
    public String extension() {
        return "edi";
    }

    @Override
    public CatalogueWriter open(OutputStream out, CatalogueHeader header, ConnectorConfig config) throws IOException {
        return new PricatWriter(out, header, config);
    }
}
