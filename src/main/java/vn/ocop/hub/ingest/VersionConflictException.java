package vn.ocop.hub.ingest;

/** The submitted version is not newer than the stored one (409). */
public class VersionConflictException extends RuntimeException {
    private final long storedVersion;

    public VersionConflictException(String ocopId, long submitted, long storedVersion) {
        super("version " + submitted + " of " + ocopId + " is not newer than the stored version " + storedVersion);
        this.storedVersion = storedVersion;
    }

    public long storedVersion() {
        return storedVersion;
    }
}
