package vn.ocop.hub.connector.chain.inbound;

import java.util.List;

/**
 * A dropped file read in full. Readers collect every problem instead of stopping at the first,
 * so the chain's error report lists all of them; a file with any problem is refused whole.
 */
public record InboundDocument(List<InboundLine> lines, List<InboundProblem> problems) {

    public InboundDocument {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
