package vn.ocop.hub.connector.hapro;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.stream.Location;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static vn.ocop.hub.connector.hapro.SegmentWriter.composite;

/**
 * Streams one interchange with one PRICAT D.01B message (EANCOM 2002, EAN008), item by item:
 * <pre>
 * UNA:+.?*'
 * UNB+UNOW:4+&lt;sender GLN&gt;:14+&lt;recipient GLN&gt;:14+20251103:0100+D42'
 * UNH+1+PRICAT:D:01B:UN:EAN008'
 * BGM+9+D42+4'                       catalogue number = interchange reference; 9 full, 4 delta
 * DTM+137:202511030100:203'          created (Vietnam time)
 * RFF+ACD:HAPRO_OCOP_CATALOG_…edi'   the file's name, to match it with its .sha256 and .done
 * RFF+ZZZ:DELTA 42'                  which delta this is, or FULL UP TO DELTA 41
 * NAD+SU+&lt;our GLN&gt;::9'  (RFF+IA:&lt;supplier code&gt;')  NAD+BY+&lt;Hapro's GLN&gt;::9'
 * CUX+2:VND:8'                       prices in VND
 * PGI+2'                             no price groups: every item follows
 * (LIN group per item, see {@link PricatLine})
 * UNT+&lt;segments&gt;+1'  UNZ+1+D42'
 * </pre>
 * StAEDI validates as it writes, against the syntax 4 control schema (which also checks the UNT
 * and UNZ counts and references) and the PRICAT schema under {@code schemas/hapro/}; anything it
 * rejects stops the file with an {@link IOException} naming the segment and element.
 */
final class PricatWriter implements CatalogueWriter {

    static final String SYNTAX = "UNOW";
    static final String SYNTAX_VERSION = "4";
    static final String MESSAGE_REFERENCE = "1";
    static final String GLN_QUALIFIER = "14";
    static final String GS1 = "9";

    private static final Pattern NAME_STAMP = Pattern.compile("_\\d{2}(\\d{6})T(\\d{6})");
    private static final DateTimeFormatter REFERENCE_STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final OutputStream out;
    private final CatalogueHeader header;
    private final EDIStreamWriter writer;
    private final SegmentWriter segments;
    private final PricatLine lines;
    private final String reference;
    private int lineNumber;
    private boolean failed;

    PricatWriter(OutputStream out, CatalogueHeader header, ConnectorConfig config) throws IOException {
        this.out = out;
        this.header = header;
        HaproSettings settings = HaproSettings.from(config);
        this.reference = interchangeReference(header, settings);
        this.writer = factory().createEDIStreamWriter(out);
        writer.setControlSchema(EdifactSchemas.CONTROL);
        writer.setTransactionSchema(EdifactSchemas.PRICAT);
        this.segments = new SegmentWriter(writer);
        this.lines = new PricatLine(config);
        guard("the PRICAT header", () -> writeHeader(settings));
    }

    @Override
    public void write(CatalogueRow row) throws IOException {
        if (failed) {
            throw new IOException("Hapro PRICAT " + header.fileName() + " already failed; no more items can be written");
        }
        String action = header.kind() == CatalogueHeader.Kind.FULL ? "1" : switch (row.action()) {
            case 'A' -> "1";
            case 'D' -> "2";
            case 'U' -> "3";
            default -> throw new IllegalArgumentException("unknown catalogue row action '" + row.action() + "'");
        };
        int number = ++lineNumber;
        guard("item " + row.listing().ocopId(), () -> lines.write(segments, number, action, row));
    }

    @Override
    public void close() throws IOException {
        try {
            if (!failed) {
                guard("the PRICAT trailer", () -> {
                    segments.segment("UNT", String.valueOf(segments.count() + 1), MESSAGE_REFERENCE);
                    segments.segment("UNZ", "1", reference);
                    writer.endInterchange();
                    writer.close();
                });
            }
        } finally {
            out.close();
        }
    }

    private void writeHeader(HaproSettings settings) throws EDIStreamException {
        var created = header.createdAt().atZone(settings.zone());
        writer.startInterchange();
        segments.segment("UNB", composite(SYNTAX, SYNTAX_VERSION), composite(settings.senderGln(), GLN_QUALIFIER),
                composite(settings.recipientGln(), GLN_QUALIFIER), composite(DATE.format(created), TIME.format(created)),
                reference);
        segments.resetCount();
        segments.segment("UNH", MESSAGE_REFERENCE, composite("PRICAT", "D", "01B", "UN", "EAN008"));
        boolean full = header.kind() == CatalogueHeader.Kind.FULL;
        // 9 "original": a complete catalogue in itself; 4 "change": only the items listed change
        segments.segment("BGM", composite("9"), composite(reference), full ? "9" : "4");
        segments.segment("DTM", composite("137", DATE_TIME.format(created), "203"));
        segments.segment("RFF", composite("ACD", header.fileName()));
        segments.segment("RFF", composite("ZZZ", full ? "FULL UP TO DELTA " + header.lastDeltaSequence()
                : "DELTA " + header.sequence()));
        segments.segment("NAD", "SU", composite(settings.supplierGln(), null, GS1));
        if (settings.supplierCode() != null) {
            segments.segment("RFF", composite("IA", settings.supplierCode()));
        }
        segments.segment("NAD", "BY", composite(settings.buyerGln(), null, GS1));
        segments.segment("CUX", composite("2", "VND", "8"));
        segments.segment("PGI", "2");
    }

    /**
     * The interchange control reference (at most 14 characters, unique per sender): {@code D} and
     * the delta sequence, or {@code F} and the full snapshot's time stamp from its file name (the
     * publisher keeps names unique), falling back on its creation time.
     */
    static String interchangeReference(CatalogueHeader header, HaproSettings settings) {
        if (header.kind() == CatalogueHeader.Kind.DELTA && header.sequence() != null) {
            return "D" + header.sequence();
        }
        Matcher stamp = header.fileName() == null ? null : NAME_STAMP.matcher(header.fileName());
        if (stamp != null && stamp.find()) {
            return "F" + stamp.group(1) + stamp.group(2);
        }
        return "F" + REFERENCE_STAMP.format(header.createdAt().atZone(settings.zone()));
    }

    private static EDIOutputFactory factory() {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        // giving the delimiters makes StAEDI write the UNA service string advice first
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(Delimiters.DATA_ELEMENT, '+');
        factory.setProperty(Delimiters.DECIMAL, '.');
        factory.setProperty(Delimiters.RELEASE, '?');
        // syntax 4 reads this UNA position as the repetition separator: a space would split names
        factory.setProperty(Delimiters.REPETITION, '*');
        factory.setProperty(Delimiters.SEGMENT, '\'');
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        return factory;
    }

    private interface EdiWork {
        void run() throws EDIStreamException;
    }

    private void guard(String what, EdiWork work) throws IOException {
        try {
            work.run();
        } catch (EDIValidationException e) {
            failed = true;
            throw new IOException("Hapro PRICAT " + header.fileName() + ", " + what + ": " + describe(e), e);
        } catch (EDIStreamException e) {
            failed = true;
            throw new IOException("Hapro PRICAT " + header.fileName() + ", " + what + ": " + e.getMessage(), e);
        }
    }

    private static String describe(EDIValidationException e) {
        StringBuilder s = new StringBuilder();
        for (EDIValidationException x = e; x != null; x = x.getNextException()) {
            Location at = x.getLocation();
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(x.getError()).append(" at segment ").append(at.getSegmentPosition()).append(" (")
                    .append(at.getSegmentTag()).append(')');
            if (at.getElementPosition() > 0) {
                s.append(" element ").append(at.getElementPosition());
                if (at.getComponentPosition() > 0) {
                    s.append('.').append(at.getComponentPosition());
                }
            }
            if (x.getData() != null) {
                s.append(" '").append(x.getData()).append('\'');
            }
        }
        return s.toString();
    }
}
