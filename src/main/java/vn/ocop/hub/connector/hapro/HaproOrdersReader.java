package vn.ocop.hub.connector.hapro;

import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.InboundReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Hapro's purchase orders: EANCOM ORDERS D.01B interchanges dropped in {@code inbox/orders}. */
@Component
public class HaproOrdersReader implements InboundReader {

    private static final EdifactInterchangeReader EDIFACT =
            new EdifactInterchangeReader("ORDERS", EdifactSchemas.ORDERS, "inbox/" + InboundKind.ORDERS.folder());

    @Override
    public String connectorId() {
        return HaproPricatFormat.CONNECTOR_ID;
    }

    @Override
    public InboundKind kind() {
        return InboundKind.ORDERS;
    }

    @Override
    public String extension() {
        return "edi";
    }

    @Override
    public InboundDocument read(InputStream in, ConnectorConfig config) throws IOException {
        List<InboundLine> lines = new ArrayList<>();
        List<InboundProblem> problems = new ArrayList<>();
        EDIFACT.read(in, message -> OrdersInterpreter.read(message, lines, problems), problems);
        return new InboundDocument(lines, EdifactInterchangeReader.inFileOrder(problems));
    }
}
