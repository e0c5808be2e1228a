package vn.ocop.hub.connector.hapro;

import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.inbound.ChainFileReader;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Hapro's stock reports: EANCOM INVRPT D.01B interchanges dropped in {@code inbox/stock}. */
@Component
public class HaproInvrptReader extends ChainFileReader {

    private static final EdifactInterchangeReader EDIFACT =
            new EdifactInterchangeReader("INVRPT", EdifactSchemas.INVRPT, "inbox/" + InboundKind.STOCK.folder());

    public HaproInvrptReader() {
        super(HaproPricatFormat.CONNECTOR_ID, InboundKind.STOCK, "edi");
    }

    @Override
    public InboundDocument read(InputStream in, ConnectorConfig config) throws IOException {
        List<InboundLine> lines = new ArrayList<>();
        List<InboundProblem> problems = new ArrayList<>();
        EDIFACT.read(in, message -> InventoryInterpreter.read(message, lines, problems), problems);
        return new InboundDocument(lines, EdifactInterchangeReader.inFileOrder(problems));
    }
}
