package vn.ocop.hub.connector.aeon;

import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.inbound.CsvInbound;
import vn.ocop.hub.connector.chain.inbound.ChainFileReader;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.ItemRef;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Set;

/** AEON store stock reports, {@code inbox/stock/*.csv} (partners.md): on hand and sold per store and item. */
@Component
public class AeonStockReader extends ChainFileReader {

    private static final Set<String> COLUMNS = Set.of("report_date", "store_code", "item_code", "on_hand", "sold_qty");

    public AeonStockReader() {
        super("aeon-csv", InboundKind.STOCK, "csv");
    }

    @Override
    public InboundDocument read(InputStream in, ConnectorConfig config) throws IOException {
        return CsvInbound.read(in, COLUMNS, cells -> {
            LocalDate date = cells.date("report_date", true);
            String store = cells.requiredText("store_code");
            String item = cells.requiredText("item_code");
            Long onHand = cells.nonNegative("on_hand", true);
            Long sold = cells.nonNegative("sold_qty", false);
            return onHand == null ? null : new InboundLine(cells.location(), null, date, store,
                    new ItemRef(item, null, null), onHand, null, null, sold);
        });
    }
}
