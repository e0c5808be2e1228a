package vn.ocop.hub.connector.chain;

import java.nio.file.Path;

/** A catalogue file written locally and reserved by name, ready to upload to the chain's outbox. */
public record CatalogueFile(String partner, CatalogueHeader.Kind kind, String fileName, Path localPath,
                            String sha256, int rows, long lastDeltaSequence, Long sequence) {

    /** outbox/full or outbox/delta, relative to the chain's SFTP root. */
    public String remoteDirectory() {
        return kind == CatalogueHeader.Kind.FULL ? "outbox/full" : "outbox/delta";
    }

    /** Body of {@code <name>.sha256}, in sha256sum's format so {@code sha256sum -c} can check it. */
    public String checksumLine() {
        return sha256 + "  " + fileName + "\n";
    }

    /** Body of {@code <name>.done}: a small manifest, written last, that marks the file complete. */
    public String manifest() {
        return "file=" + fileName + "\n"
                + "kind=" + kind + "\n"
                + (sequence == null ? "" : "sequence=" + sequence + "\n")
                + "lastDeltaSequence=" + lastDeltaSequence + "\n"
                + "rows=" + rows + "\n"
                + "sha256=" + sha256 + "\n";
    }
}
