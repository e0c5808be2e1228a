package vn.ocop.hub.connector.chain;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.hub.HubProperties;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorFactory;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cuts catalogue files for the retail chains: a delta from the changes staged since the last
 * one, or a full snapshot of the chain's current catalogue. Each file is written locally,
 * its name reserved in the store (so it is never reused), then handed to the upload route.
 * A file reserved but not yet published (the hub stopped mid-upload) is offered again first.
 */
@Component("catalogues")
public class CataloguePublisher {

    private static final Logger log = LoggerFactory.getLogger(CataloguePublisher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final CatalogueStaging staging;
    private final TransactionTemplate tx;
    private final Path stagingDir;
    private final Map<String, ConnectorConfig> chains;
    private final Map<String, CatalogueFormat> formats;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public CataloguePublisher(CatalogueStaging staging, TransactionTemplate tx, HubProperties properties,
                              PartnerRegistry registry, List<ConnectorFactory> connectors) {
        this.staging = staging;
        this.tx = tx;
        this.stagingDir = properties.dataDir().resolve("catalogues");
        this.chains = registry.active().stream().filter(Partner::isRetailChain)
                .collect(Collectors.toMap(Partner::name, Partner::config));
        this.formats = connectors.stream().filter(CatalogueFormat.class::isInstance).map(CatalogueFormat.class::cast)
                .collect(Collectors.toMap(ConnectorFactory::connectorId, Function.identity()));
    }

    /** The next delta for the chain, or null when nothing changed since the last one. */
    public CatalogueFile nextDelta(@Header("hubPartner") String partner) {
        return locked(partner, () -> {
            CatalogueFile pending = pendingUpload(partner, "DELTA");
            if (pending != null) {
                return pending;
            }
            long after = staging.lastDeltaChangeId(partner);
            long upto = staging.lastStagedChangeId(partner);
            if (upto <= after) {
                return null;
            }
            long seq = staging.lastDeltaSequence(partner) + 1;
            Instant now = Instant.now();
            String name = uniqueName(partner, "DELTA", now, seq);
            CatalogueHeader header = new CatalogueHeader(partner, CatalogueHeader.Kind.DELTA, name, seq, seq, now);
            return write(header, upto, sink -> staging.forEachDeltaRow(partner, after, upto, sink));
        });
    }

    /** A full snapshot of what the chain should have now, recording the last delta it includes. */
    public CatalogueFile nextFull(@Header("hubPartner") String partner) {
        return locked(partner, () -> {
            CatalogueFile pending = pendingUpload(partner, "FULL");
            if (pending != null) {
                return pending;
            }
            Instant now = Instant.now();
            long lastDelta = staging.lastDeltaSequence(partner);
            String name = uniqueName(partner, "FULL", now, null);
            CatalogueHeader header = new CatalogueHeader(partner, CatalogueHeader.Kind.FULL, name, null, lastDelta, now);
            long lastChange = staging.lastDeltaChangeId(partner);
            return write(header, lastChange, sink -> staging.forEachCurrentItem(partner, sink));
        });
    }

    /** Called by the upload route once the file, its checksum and its .done marker are on the server. */
    public void published(@Header("hubPartner") String partner, @Header("hubCatalogueFile") String fileName) {
        tx.executeWithoutResult(status -> {
            CatalogueStaging.IssuedFile file = staging.file(partner, fileName)
                    .orElseThrow(() -> new IllegalStateException("unknown catalogue file " + fileName));
            if ("DELTA".equals(file.kind())) {
                long after = previousDeltaChangeId(partner, file);
                staging.markDelivered(partner, after, file.lastChangeId(), fileName);
            }
            staging.markPublished(partner, fileName);
        });
        try {
            Files.deleteIfExists(stagingDir.resolve(partner).resolve(fileName));
        } catch (IOException e) {
            log.warn("could not delete local copy of {}: {}", fileName, e.toString());
        }
        log.info("{}: published {}", partner, fileName);
    }

    private long previousDeltaChangeId(String partner, CatalogueStaging.IssuedFile file) {
        // the delta before this one ends where this one starts
        return file.seq() == null || file.seq() <= 1 ? 0
                : staging.deltaChangeId(partner, file.seq() - 1);
    }

    /** Streams a file's rows from the store into a sink, one at a time. */
    private interface Rows {
        void feed(java.util.function.Consumer<CatalogueRow> sink);
    }

    private CatalogueFile write(CatalogueHeader header, long lastChangeId, Rows rows) {
        ConnectorConfig config = chains.get(header.partner());
        CatalogueFormat format = formats.get(config.connector());
        Path dir = stagingDir.resolve(header.partner());
        Path file = dir.resolve(header.fileName());
        int[] count = {0};
        MessageDigest sha256 = sha256();
        try {
            Files.createDirectories(dir);
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256);
                 CatalogueWriter writer = format.open(out, header, config)) {
                rows.feed(row -> {
                    try {
                        writer.write(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        CatalogueFile built = new CatalogueFile(header.partner(), header.kind(), header.fileName(), file,
                HexFormat.of().formatHex(sha256.digest()), count[0], header.lastDeltaSequence(), header.sequence());
        staging.reserve(built, lastChangeId);
        return built;
    }

    private CatalogueFile pendingUpload(String partner, String kind) {
        return staging.unpublished(partner, kind).map(f -> new CatalogueFile(partner, CatalogueHeader.Kind.valueOf(kind),
                f.fileName(), stagingDir.resolve(partner).resolve(f.fileName()), f.sha256(), f.rows(), f.lastDeltaSeq(),
                f.seq())).filter(f -> Files.exists(f.localPath())).orElse(null);
    }

    /** Names carry the time to the second; a second file in the same second takes the next free second. */
    private String uniqueName(String partner, String kind, Instant at, Long seq) {
        String ext = formats.get(chains.get(partner).connector()).extension();
        Instant t = at;
        while (true) {
            String name = partner.toUpperCase() + "_OCOP_CATALOG_" + kind + "_" + STAMP.format(t)
                    + (seq == null ? "" : "_" + seq) + "." + ext;
            if (!staging.nameTaken(partner, name)) {
                return name;
            }
            t = t.plusSeconds(1);
        }
    }

    private <T> T locked(String partner, java.util.function.Supplier<T> work) {
        if (!chains.containsKey(partner)) {
            throw new IllegalArgumentException("no active retail chain " + partner);
        }
        ReentrantLock lock = locks.computeIfAbsent(partner, p -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
