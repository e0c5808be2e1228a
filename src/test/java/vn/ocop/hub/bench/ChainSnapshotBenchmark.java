package vn.ocop.hub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ConnectorConfigLoader;
import vn.ocop.hub.connector.Eligibility;
import vn.ocop.hub.connector.chain.CatalogueFormat;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;
import vn.ocop.hub.samples.ListingGenerator;
import vn.ocop.hub.validation.ListingValidator;
import vn.ocop.hub.validation.ValidationResult;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.ValidatorHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How long a retail chain's catalogue format takes to write a FULL snapshot, and how much heap it
 * needs meanwhile. One run = one chain and one N, in its own JVM, so each heap figure belongs to
 * one format alone and {@code -Xmx} bounds exactly that run.
 *
 * <p>N listings come from {@link ListingGenerator} (seed {@link ListingGenerator#DEFAULT_SEED}),
 * one at a time: each is validated with {@link ListingValidator}, kept only if the chain's
 * {@link Eligibility} rules take it, and written at once, as the hub does from its store. Nothing
 * is collected, so the heap figure is the format's (plus one listing), not the input's. Chains
 * that require a GTIN therefore get fewer rows than N (about 65 %); the report shows both. With
 * {@code --until-rows} it generates until N rows are written instead.
 *
 * <p>The file goes to {@code target/bench-data/chain-snapshots/} through the same stream stack as
 * {@code CataloguePublisher} (buffered, SHA-256 digest). After the timed part the file is read back
 * by an independent reader (AEON: Commons CSV; Central Retail: the shipped XSD; WinMart: POI's
 * streaming XSSFReader; Hapro: StAEDI with the shipped PRICAT schema) and its row count compared.
 *
 * <p>Not a JUnit test: surefire never picks it up. Usage (see BENCHMARKS.md for the full loop):
 * <pre>
 * java -Xmx256m -cp "$CP" vn.ocop.hub.bench.ChainSnapshotBenchmark aeon 20000
 * java -Xmx256m -cp "$CP" vn.ocop.hub.bench.ChainSnapshotBenchmark aeon 100000 --until-rows
 * java -cp "$CP" vn.ocop.hub.bench.ChainSnapshotBenchmark --header
 * </pre>
 * Prints progress lines ({@code [bench] ...}) to stderr and one Markdown table row to stdout.
 * Exit status: 0 written and verified, 1 the file failed verification, 2 the benchmark broke,
 * 3 out of memory while writing.
 */
public final class ChainSnapshotBenchmark {

    private static final String[] COLUMNS = {"chain", "format", "listings generated", "rows written", "file MiB", "write s",
            "of which in format s", "format CPU s", "process CPU s", "rows/s", "peak heap MiB", "max live after GC MiB", "GCs", "GC ms", "-Xmx MiB",
            "load 1m before/after", "verified"};

    private final String chain;
    /** N: listings to generate or, with {@link #untilRows}, rows to write. */
    private final int target;
    private final boolean untilRows;
    private final Path baseDir;
    private long generatedCount;

    private ChainSnapshotBenchmark(String chain, int target, boolean untilRows, Path baseDir) {
        this.chain = chain;
        this.target = target;
        this.untilRows = untilRows;
        this.baseDir = baseDir;
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--header")) {
            System.out.println("| " + String.join(" | ", COLUMNS) + " |");
            System.out.println("|" + "---|".repeat(COLUMNS.length));
            return;
        }
        boolean untilRows = args.length == 3 && args[2].equals("--until-rows");
        if (args.length != 2 && !untilRows) {
            System.err.println("usage: ChainSnapshotBenchmark <chain> <N> [--until-rows] | --header");
            System.exit(2);
        }
        int status;
        try {
            Path base = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            status = new ChainSnapshotBenchmark(args[0].trim(), Integer.parseInt(args[1].trim()), untilRows, base).run();
        } catch (Throwable t) {
            t.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    private int run() throws Exception {
        ConnectorConfig config = ConnectorConfigLoader.load(baseDir.resolve("connectors-config"), new DefaultsOnly())
                .stream().filter(c -> c.partner().equals(chain)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no connectors-config/" + chain + ".yaml"));
        CatalogueFormat format = findFormat(config);
        Instant now = Instant.now();
        String fileName = chain.toUpperCase(Locale.ROOT) + "_OCOP_CATALOG_FULL_"
                + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(now)
                + (untilRows ? "_ROWS" : "_N") + target + "." + format.extension();
        Path dir = baseDir.resolve("target/bench-data/chain-snapshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        CatalogueHeader header = new CatalogueHeader(chain, CatalogueHeader.Kind.FULL, fileName, null, 0, now);
        ListingValidator validator = ListingValidator.withSystemClock();
        log("%s via %s (%s), %s %d, file %s, %s", chain, format.connectorId(), format.getClass().getSimpleName(),
                untilRows ? "generating until rows written =" : "listings generated =", target, file, jvm());

        // Load and warm nothing on purpose: a nightly snapshot runs once, cold, like this.
        double loadBefore = loadAverage();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        LiveSetWatcher live = LiveSetWatcher.install();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();

        int[] counts = new int[3]; // rows written, invalid, not eligible
        long[] inFormat = {0};
        // wall time depends on what else the shared machine runs; the main thread's CPU time does not
        long[] formatCpu = {0};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processCpuBefore = processCpu();
        long start = System.nanoTime();
        String sha256;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), digest);
                 Stream<ObjectNode> listings = new ListingGenerator(ListingGenerator.DEFAULT_SEED).stream(untilRows ? Integer.MAX_VALUE : target, 1)) {
                long t = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                CatalogueWriter writer = format.open(out, header, config);
                inFormat[0] += System.nanoTime() - t;
                formatCpu[0] += threads.getCurrentThreadCpuTime() - cpu;
                try {
                    Iterator<ObjectNode> next = listings.iterator();
                    while (next.hasNext() && (!untilRows || counts[0] < target)) {
                        ObjectNode node = next.next();
                        generatedCount++;
                        ValidationResult result = validator.validate(node);
                        if (!result.valid()) {
                            counts[1]++;
                            continue;
                        }
                        if (Eligibility.whyNot(config, result.listing()).isPresent()) {
                            counts[2]++;
                            continue;
                        }
                        long before = System.nanoTime();
                        long cpuBefore = threads.getCurrentThreadCpuTime();
                        writer.write(new CatalogueRow('A', result.listing()));
                        inFormat[0] += System.nanoTime() - before;
                        formatCpu[0] += threads.getCurrentThreadCpuTime() - cpuBefore;
                        counts[0]++;
                    }
                } finally {
                    long before = System.nanoTime();
                    long cpuBefore = threads.getCurrentThreadCpuTime();
                    writer.close();
                    inFormat[0] += System.nanoTime() - before;
                    formatCpu[0] += threads.getCurrentThreadCpuTime() - cpuBefore;
                }
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (OutOfMemoryError e) {
            // report, do not hide: the heap this format needs is a finding
            long rows = counts[0];
            log("OUT OF MEMORY after %d rows written (%d generated) with %s: %s", rows,
                    generatedCount, jvm(), e.getMessage());
            System.out.println("| " + chain + " | " + format.connectorId() + " | " + fmt(generatedCount) + " | OOM after "
                    + fmt(rows) + " | | | | | | | | | | | " + mib(Runtime.getRuntime().maxMemory()) + " | "
                    + String.format(Locale.ROOT, "%.1f", loadBefore) + " | no |");
            return 3;
        }
        long elapsed = System.nanoTime() - start;
        long cpuTotal = processCpu() - processCpuBefore;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcs = gcCount() - gcCountBefore;
        long gcMs = gcMillis() - gcMillisBefore;
        long maxLive = live.maxUsedAfterGc();
        double loadAfter = loadAverage();
        long size = Files.size(file);
        double seconds = elapsed / 1e9;
        log("wrote %d rows (%d invalid, %d not eligible) in %.2f s (%.2f s in the format, %.2f s CPU there; process CPU %.2f s), %d bytes, sha256 %s",
                counts[0], counts[1], counts[2], seconds, inFormat[0] / 1e9, formatCpu[0] / 1e9, cpuTotal / 1e9, size,
                sha256);
        log("peak heap %d MiB (sum of pool peaks), max used after a GC %d MiB, %d GCs, %d ms, -Xmx %d MiB",
                mib(peak), mib(maxLive), gcs, gcMs, mib(Runtime.getRuntime().maxMemory()));

        long verifyStart = System.nanoTime();
        Verification check = verify(format.extension(), file);
        boolean ok = check.problems().isEmpty() && check.rows() == counts[0];
        log("verified in %.1f s: %s, %d rows read back%s", (System.nanoTime() - verifyStart) / 1e9, check.how(),
                check.rows(), ok ? "" : "; PROBLEMS: expected " + counts[0] + " rows; "
                        + check.problems().stream().limit(10).toList());

        System.out.println("| " + String.join(" | ", List.of(chain, format.connectorId(), fmt(generatedCount), fmt(counts[0]),
                String.format(Locale.ROOT, "%.1f", size / 1048576.0), String.format(Locale.ROOT, "%.2f", seconds),
                String.format(Locale.ROOT, "%.2f", inFormat[0] / 1e9),
                String.format(Locale.ROOT, "%.2f", formatCpu[0] / 1e9), String.format(Locale.ROOT, "%.2f", cpuTotal / 1e9),
                fmt(Math.round(counts[0] / seconds)),
                String.valueOf(mib(peak)), String.valueOf(mib(maxLive)), String.valueOf(gcs), String.valueOf(gcMs),
                String.valueOf(mib(Runtime.getRuntime().maxMemory())),
                String.format(Locale.ROOT, "%.1f / %.1f", loadBefore, loadAfter),
                ok ? "yes (" + check.how() + ")" : "**NO**")) + " |");
        return ok ? 0 : 1;
    }

    // ---- the format under test -----------------------------------------------------------------

    /**
     * The chain's format, found among the classpath's CatalogueFormat beans by the connector id
     * its YAML names. A chain whose YAML names none yet (Hapro before its connector lands) gets
     * the one format in its own package, {@code vn.ocop.hub.connector.<chain>}.
     */
    private CatalogueFormat findFormat(ConnectorConfig config) throws ReflectiveOperationException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CatalogueFormat.class));
        List<CatalogueFormat> formats = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("vn.ocop.hub.connector")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            formats.add((CatalogueFormat) type.getDeclaredConstructor().newInstance());
        }
        String id = config.connector();
        List<CatalogueFormat> matches = formats.stream().filter(f -> id == null
                ? f.getClass().getPackageName().equals("vn.ocop.hub.connector." + chain)
                : f.connectorId().equals(id)).toList();
        if (matches.size() != 1) {
            throw new IllegalStateException("connectors-config/" + chain + ".yaml names connector " + id + "; "
                    + matches.size() + " matching CatalogueFormat classes on the classpath ("
                    + formats.stream().map(f -> f.connectorId() + "=" + f.getClass().getName()).toList() + ")");
        }
        if (id == null) {
            log("connectors-config/%s.yaml names no connector yet; using %s from the chain's package", chain,
                    matches.get(0).getClass().getName());
        }
        return matches.get(0);
    }

    /** Placeholders take their defaults: no environment variable can change the shipped configuration. */
    private static final class DefaultsOnly extends AbstractEnvironment {
    }

    // ---- reading the file back -------------------------------------------------------------------

    private record Verification(String how, long rows, List<String> problems) {
    }

    private static Verification verify(String extension, Path file) throws Exception {
        return switch (extension) {
            case "csv" -> verifyCsv(file);
            case "xml" -> verifyXml(file);
            case "xlsx" -> verifyXlsx(file);
            case "edi" -> verifyEdi(file);
            default -> new Verification("no reader for ." + extension, -1, List.of("cannot verify ." + extension));
        };
    }

    /** RFC 4180 with the header row; every record must have the header's width. */
    private static Verification verifyCsv(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (reader.read() != '\uFEFF') {
                problems.add("no UTF-8 BOM");
            }
            CSVFormat csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.parse(reader, csv)) {
                int width = parser.getHeaderNames().size();
                for (CSVRecord record : parser) {
                    rows++;
                    if (record.size() != width && problems.size() < 20) {
                        problems.add("record " + record.getRecordNumber() + " has " + record.size() + " cells, header "
                                + width);
                    }
                }
            }
        }
        return new Verification("Commons CSV", rows, problems);
    }

    /** Validated against the shipped XSD in one SAX pass that also counts the trade items. */
    private static Verification verifyXml(Path file) throws Exception {
        URL xsd = ChainSnapshotBenchmark.class.getResource("/schemas/centralretail/catalogue-item-notification.xsd");
        if (xsd == null) {
            return new Verification("XSD", -1, List.of("schema not on the classpath"));
        }
        javax.xml.validation.SchemaFactory schemas =
                javax.xml.validation.SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        ValidatorHandler validator = schemas.newSchema(xsd).newValidatorHandler();
        List<String> problems = new ArrayList<>();
        long[] items = {0};
        validator.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("tradeItem")) {
                    items[0]++;
                }
            }
        });
        validator.setErrorHandler(new Collecting(problems));
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setContentHandler(validator);
        reader.setErrorHandler(new Collecting(problems));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            reader.parse(new InputSource(in));
        }
        return new Verification("XSD-valid", items[0], problems);
    }

    private record Collecting(List<String> problems) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            add(e);
        }

        private void add(SAXParseException e) {
            if (problems.size() < 20) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        }
    }

    /** Sheet SanPham read with POI's streaming reader: rows below the header, cells not kept. */
    private static Verification verifyXlsx(Path file) throws Exception {
        List<String> problems = new ArrayList<>();
        long rows = -1;
        try (OPCPackage pkg = OPCPackage.open(file.toString(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (!sheets.getSheetName().equals("SanPham")) {
                        continue;
                    }
                    long[] count = {0};
                    SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
                    factory.setNamespaceAware(true);
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    XMLReader reader = factory.newSAXParser().getXMLReader();
                    reader.setContentHandler(new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String localName, String qName, Attributes attributes) {
                            if (localName.equals("row")) {
                                count[0]++;
                            }
                        }
                    });
                    reader.parse(new InputSource(sheet));
                    rows = count[0] - 1; // the header row
                }
            }
        }
        if (rows < 0) {
            problems.add("no sheet SanPham");
        }
        return new Verification("XSSFReader", rows, problems);
    }

    /** Read by StAEDI against the syntax 4.01 control schema and the shipped PRICAT schema; LIN per item. */
    private static Verification verifyEdi(Path file) throws Exception {
        Schema control = SchemaFactory.newFactory().getControlSchema("EDIFACT", new String[]{"UNOW", "4", "", "", "01"});
        Schema pricat;
        try (InputStream in = ChainSnapshotBenchmark.class.getResourceAsStream("/schemas/hapro/pricat-d01b.xml")) {
            if (in == null) {
                return new Verification("StAEDI", -1, List.of("schemas/hapro/pricat-d01b.xml not on the classpath"));
            }
            pricat = SchemaFactory.newFactory().createSchema(in);
        }
        List<String> problems = new ArrayList<>();
        long items = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in, control);
            String tag = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        if (tag.equals("LIN")) {
                            items++;
                        }
                    }
                    case ELEMENT_DATA -> {
                        Location at = reader.getLocation();
                        // the message type is known once UNH's first element is read
                        if ("UNH".equals(tag) && at.getElementPosition() == 2 && at.getComponentPosition() == 1) {
                            reader.setTransactionSchema(pricat);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location at = reader.getLocation();
                        if (problems.size() < 20) {
                            problems.add(reader.getErrorType() + " at segment " + at.getSegmentPosition() + " "
                                    + at.getSegmentTag() + " element " + at.getElementPosition());
                        }
                    }
                    default -> {
                    }
                }
            }
            reader.close();
        }
        return new Verification("StAEDI + PRICAT schema", items, problems);
    }

    // ---- measuring -------------------------------------------------------------------------------

    /**
     * The most heap still in use right after any collection: what the run really holds on to, as
     * opposed to the pools' peaks, which include garbage not yet collected.
     */
    private static final class LiveSetWatcher {
        private final AtomicLong max = new AtomicLong();

        static LiveSetWatcher install() {
            LiveSetWatcher watcher = new LiveSetWatcher();
            // the after-GC map also holds Metaspace and the code cache: count the heap pools only
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            return;
                        }
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum();
                        watcher.max.accumulateAndGet(used, Math::max);
                    }, null, null);
                }
            }
            return watcher;
        }

        long maxUsedAfterGc() {
            return max.get();
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** CPU time of the whole JVM: every thread, JIT compilers and GC included. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String jvm() {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .reduce((a, b) -> a + "/" + b).orElse("?");
        return "Java " + System.getProperty("java.version") + ", flags " + ManagementFactory.getRuntimeMXBean()
                .getInputArguments() + ", GC " + gc + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String fmt(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
