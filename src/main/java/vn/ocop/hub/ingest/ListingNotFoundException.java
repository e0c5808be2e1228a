package vn.ocop.hub.ingest;

public class ListingNotFoundException extends RuntimeException {
    public ListingNotFoundException(String ocopId) {
        super("no listing " + ocopId);
    }
}
