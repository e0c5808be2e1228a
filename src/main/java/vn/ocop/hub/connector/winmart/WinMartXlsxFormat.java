package vn.ocop.hub.connector.winmart;

import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueFormat;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueWriter;

import java.io.OutputStream;

/**
 * WinMart's catalogue: an Excel workbook with a {@code SanPham} sheet of typed cells under
 * Vietnamese headers and a {@code ThongTin} sheet describing the file (partners.md).
 * {@link WinMartXlsxMapper} decides the cells; {@link WinMartWorkbookWriter} streams them.
 */
@Component
public class WinMartXlsxFormat implements CatalogueFormat {

    @Override
    public String connectorId() {
        return "winmart-xlsx";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public CatalogueWriter open(OutputStream out, CatalogueHeader header, ConnectorConfig config) {
        return new WinMartWorkbookWriter(out, header, config);
    }
}
