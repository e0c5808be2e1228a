package vn.ocop.hub.connector.chain.inbound;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a chain's CSV drop (UTF-8, optional BOM, one header row) with Commons CSV, handing each
 * record to a line mapper through {@link Cells}, which records a located problem for every bad
 * cell instead of stopping. Line numbers are the file's own, header included, as a spreadsheet shows them.
 */
public final class CsvInbound {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private CsvInbound() {
    }

    /**
     * @param required columns the header must name
     * @param mapper   one record to a line, or null when its cells had problems (already recorded)
     */
    public static InboundDocument read(InputStream in, Set<String> required, Function<Cells, InboundLine> mapper)
            throws IOException {
        List<InboundLine> lines = new ArrayList<>();
        List<InboundProblem> problems = new ArrayList<>();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(FORMAT).get()) {
            List<String> missing = required.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted()
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(new InboundProblem("line 1 (header)", "missing column(s) " + String.join(", ", missing)
                        + "; the header must name " + String.join(", ", required.stream().sorted().toList())));
                return new InboundDocument(lines, problems);
            }
            for (CSVRecord record : parser) {
                Cells cells = new Cells(record, problems);
                InboundLine line = mapper.apply(cells);
                if (line != null && !cells.failed) {
                    lines.add(line);
                }
            }
        } catch (CharacterCodingException e) {
            problems.add(new InboundProblem("file", "not UTF-8 text"));
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports a broken quote or a duplicate header this way
            problems.add(new InboundProblem("file", "not a readable CSV file: " + rootMessage(e)));
        }
        return new InboundDocument(lines, problems);
    }

    private static Reader skipBom(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The cells of one record, read by column name; each bad cell is recorded with its line and column. */
    public static final class Cells {

        private final CSVRecord record;
        private final List<InboundProblem> problems;
        private boolean failed;

        Cells(CSVRecord record, List<InboundProblem> problems) {
            this.record = record;
            this.problems = problems;
        }

        /** The record's first physical line in the file (the header is line 1). */
        public String location() {
            return "line " + (record.getRecordNumber() + 1);
        }

        public String text(String column) {
            String v = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
            return v == null || v.isBlank() ? null : v.trim();
        }

        public String requiredText(String column) {
            String v = text(column);
            if (v == null) {
                problem(column, "is empty");
            }
            return v;
        }

        public Long positiveQuantity(String column) {
            Long v = wholeNumber(column, true);
            if (v != null && v <= 0) {
                problem(column, "must be a positive whole number, was " + v);
                return null;
            }
            return v;
        }

        public Long nonNegative(String column, boolean required) {
            Long v = wholeNumber(column, required);
            if (v != null && v < 0) {
                problem(column, "must not be negative, was " + v);
                return null;
            }
            return v;
        }

        /** VND amounts and quantities: digits only (a "1,000" or "1.5" is refused rather than guessed at). */
        private Long wholeNumber(String column, boolean required) {
            String v = text(column);
            if (v == null) {
                if (required) {
                    problem(column, "is empty");
                }
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                problem(column, "\"" + v + "\" is not a whole number");
                return null;
            }
        }

        /** ISO yyyy-MM-dd, or dd/MM/yyyy as Vietnamese spreadsheets write it. */
        public LocalDate date(String column, boolean required) {
            String v = text(column);
            if (v == null) {
                if (required) {
                    problem(column, "is empty");
                }
                return null;
            }
            try {
                return v.contains("/") ? LocalDate.parse(v, DAY_MONTH_YEAR) : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem(column, "\"" + v + "\" is not a date (yyyy-MM-dd or dd/MM/yyyy)");
                return null;
            }
        }

        public void problem(String column, String reason) {
            failed = true;
            problems.add(new InboundProblem(location() + ", column " + column, reason));
        }

        /** A problem about the record as a whole rather than one cell. */
        public void recordProblem(String reason) {
            failed = true;
            problems.add(new InboundProblem(location(), reason));
        }
    }
}
