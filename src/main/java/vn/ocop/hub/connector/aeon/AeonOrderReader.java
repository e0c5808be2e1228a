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

/** AEON purchase orders, {@code inbox/orders/*.csv} (partners.md): one row per order line. */
@Component
public class AeonOrderReader extends ChainFileReader {

    private static final Set<String> COLUMNS = Set.of("po_number", "po_date", "store_code", "item_code", "jan_code",
            "quantity", "unit_cost", "delivery_date");

    public AeonOrderReader() {
        super("aeon-csv", InboundKind.ORDERS, "csv");
    }

    @Override
    public InboundDocument read(InputStream in, ConnectorConfig config) throws IOException {
        return CsvInbound.read(in, COLUMNS, cells -> {
            String po = cells.requiredText("po_number");
            LocalDate date = cells.date("po_date", true);
            Long quantity = cells.positiveQuantity("quantity");
            Long unitCost = cells.nonNegative("unit_cost", false);
            LocalDate delivery = cells.date("delivery_date", false);
            ItemRef item = new ItemRef(cells.text("item_code"), cells.text("jan_code"), null);
            if (item.isEmpty()) {
                cells.recordProblem("item_code and jan_code are both empty");
            }
            return quantity == null ? null : new InboundLine(cells.location(), po, date, cells.text("store_code"),
                    item, quantity, unitCost, delivery, null);
        });
    }
}
