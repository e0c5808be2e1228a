package vn.ocop.hub.connector.winmart;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.inbound.ChainFileReader;
import vn.ocop.hub.connector.chain.inbound.InboundDocument;
import vn.ocop.hub.connector.chain.inbound.InboundKind;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WinMart's purchase orders, {@code inbox/orders/*.csv}: UTF-8 (a BOM is allowed), comma
 * separated, one header row naming the columns of {@link #COLUMNS} in any order. Every bad
 * cell is reported as "line N, column X" with N the physical line in the file (the header
 * is line 1, a quoted value spanning lines counts each of them), so the chain's staff can
 * find it in a text editor or in Excel's row numbers.
 */
@Component
public class WinMartOrderReader extends ChainFileReader {

    static final List<String> COLUMNS = List.of("so_don_hang", "ngay_dat", "ma_cua_hang", "ma_san_pham", "ma_vach",
            "so_luong", "don_gia", "ngay_giao");

    // RFC 4180 keeps empty lines as records, which keeps the line count honest; they are skipped below
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    public WinMartOrderReader() {
        super("winmart-xlsx", InboundKind.ORDERS, "csv");
    }

    @Override
    public InboundDocument read(InputStream in, ConnectorConfig config) throws IOException {
        List<InboundLine> lines = new ArrayList<>();
        List<InboundProblem> problems = new ArrayList<>();
        long line = 1;
        try (BufferedReader reader = utf8WithoutBom(in); CSVParser parser = CSV.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            OrderColumns columns = null;
            OrderLineParser orders = null;
            while (true) {
                line = parser.getCurrentLineNumber() + 1; // where the next record starts
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(record, line, problems);
                    if (columns == null) {
                        break; // without the columns no line can be read
                    }
                    orders = new OrderLineParser(columns, problems);
                    continue;
                }
                if (record.size() != columns.width()) {
                    problems.add(new InboundProblem("line " + line, "has " + record.size()
                            + " cells but the header has " + columns.width()
                            + "; a value containing a comma must be in double quotes"));
                    continue;
                }
                InboundLine parsed = orders.parse(record, line);
                if (parsed != null) {
                    lines.add(parsed);
                }
            }
            if (columns == null && problems.isEmpty()) {
                problems.add(new InboundProblem("file", "the file is empty: expected a header row "
                        + String.join(",", COLUMNS) + " and one line per ordered item"));
            } else if (columns != null && lines.isEmpty() && problems.isEmpty()) {
                problems.add(new InboundProblem("file", "no order lines below the header"));
            }
        } catch (UncheckedIOException e) {
            // the parser's iterator wraps what it meets; only a real I/O failure leaves the reader
            if (!isContentProblem(e.getCause())) {
                throw e.getCause();
            }
            problems.add(unreadable(e.getCause(), line));
        } catch (CharacterCodingException | CSVException e) {
            problems.add(unreadable(e, line));
        }
        return new InboundDocument(lines, problems);
    }

    /**
     * Header cells → column positions. Names are matched without case or surrounding spaces;
     * extra columns are ignored. Null when a needed column is missing (one problem names them all).
     */
    private static OrderColumns header(CSVRecord record, long line, List<InboundProblem> problems) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (positions.putIfAbsent(name, i) != null && COLUMNS.contains(name)) {
                duplicated.add(name);
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !positions.containsKey(c)).toList();
        String where = "line " + line;
        if (!missing.isEmpty()) {
            String reason = "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + "; the header must name " + String.join(",", COLUMNS);
            if (record.size() == 1 && (record.get(0).contains(";") || record.get(0).contains("\t"))) {
                reason += " separated by commas (this file uses semicolons or tabs; save it as \"CSV UTF-8\")";
            }
            problems.add(new InboundProblem(where, reason));
            return null;
        }
        if (!duplicated.isEmpty()) {
            problems.add(new InboundProblem(where, "column" + (duplicated.size() > 1 ? "s " : " ")
                    + String.join(", ", duplicated) + " appear more than once; keep one of each"));
            return null;
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        COLUMNS.forEach(c -> columns.put(c, positions.get(c)));
        return new OrderColumns(columns, record.size());
    }

    private static boolean isContentProblem(IOException e) {
        return e instanceof CharacterCodingException || e instanceof CSVException;
    }

    private static InboundProblem unreadable(IOException cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new InboundProblem("file", "not UTF-8 text (is it an Excel workbook or another encoding?); "
                    + "save it as \"CSV UTF-8 (Comma delimited)\"");
        }
        String message = String.valueOf(cause.getMessage());
        return new InboundProblem("line " + line, message.contains("EOF")
                ? "not valid CSV: a double quote opened on this line is never closed"
                : "not valid CSV: a quoted value has text after its closing quote; "
                + "write a double quote inside a value as two (\"\")");
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** A strict decoder, so a file in another encoding is refused instead of read as garbled names. */
    private static BufferedReader utf8WithoutBom(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
