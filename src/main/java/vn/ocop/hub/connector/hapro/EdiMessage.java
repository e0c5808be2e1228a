package vn.ocop.hub.connector.hapro;

import java.util.List;

/**
 * One UNH…UNT message of an interchange.
 *
 * @param header  the UNH segment
 * @param body    the segments between UNH and UNT
 * @param trailer the UNT segment
 */
record EdiMessage(EdiSegment header, List<EdiSegment> body, EdiSegment trailer) {

    EdiMessage {
        body = List.copyOf(body);
    }

    String type() {
        return header.value(2, 1);
    }
}
