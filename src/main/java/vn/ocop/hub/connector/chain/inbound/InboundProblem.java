package vn.ocop.hub.connector.chain.inbound;

/** Why part of a dropped file was refused: where ("line 7, column so_luong") and the reason. */
public record InboundProblem(String location, String reason) {

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
