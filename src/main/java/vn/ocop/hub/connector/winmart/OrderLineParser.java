package vn.ocop.hub.connector.winmart;

import org.apache.commons.csv.CSVRecord;
import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.ItemRef;
import vn.ocop.hub.validation.Gtin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the cells of one WinMart order line and builds it, adding a problem per bad cell
 * (all of them, not only the first). Also keeps each order's date and store, because a
 * purchase order number repeated with another date or store means two orders got mixed up.
 */
final class OrderLineParser {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    // d/M also reads 05/03 as well as 5/3, which Excel writes when the cell has no date format
    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+([.,][0-9]+)?[eE]\\+?[0-9]+");

    private record Order(long line, LocalDate date, String store) {
    }

    private final OrderColumns columns;
    private final List<InboundProblem> problems;
    private final Map<String, Order> orders = new HashMap<>();

    OrderLineParser(OrderColumns columns, List<InboundProblem> problems) {
        this.columns = columns;
        this.problems = problems;
    }

    /** The line, or null when any of its cells is bad (the problems say which). */
    InboundLine parse(CSVRecord record, long line) {
        int before = problems.size();
        Cells cells = new Cells(record, line);
        String orderNo = cells.required("so_don_hang");
        LocalDate orderDate = cells.date("ngay_dat", true);
        String store = cells.text("ma_cua_hang");
        String itemCode = cells.text("ma_san_pham");
        String gtin = cells.gtin("ma_vach");
        if (itemCode == null && cells.text("ma_vach") == null) {
            cells.problem("ma_san_pham", "ma_san_pham and ma_vach are both empty; give our item code or the barcode");
        }
        Long quantity = cells.positiveWhole("so_luong", true);
        Long unitPrice = cells.positiveWhole("don_gia", false);
        LocalDate delivery = cells.date("ngay_giao", false);
        if (delivery != null && orderDate != null && delivery.isBefore(orderDate)) {
            cells.problem("ngay_giao", "delivery date " + cells.text("ngay_giao") + " is before the order date "
                    + cells.text("ngay_dat"));
        }
        if (orderNo != null) {
            sameOrder(cells, orderNo, line, orderDate, store);
        }
        if (problems.size() > before) {
            return null;
        }
        return new InboundLine("line " + line, orderNo, orderDate, store, new ItemRef(itemCode, gtin, null),
                quantity, unitPrice, delivery, null);
    }

    private void sameOrder(Cells cells, String orderNo, long line, LocalDate date, String store) {
        Order first = orders.putIfAbsent(orderNo, new Order(line, date, store));
        if (first == null) {
            return;
        }
        if (date != null && first.date() != null && !date.equals(first.date())) {
            cells.problem("ngay_dat", "order " + orderNo + " is dated " + first.date() + " on line " + first.line()
                    + " but " + date + " here; one order number, one date");
        }
        if (!Objects.equals(store, first.store())) {
            cells.problem("ma_cua_hang", "order " + orderNo + " is for store " + describe(first.store()) + " on line "
                    + first.line() + " but " + describe(store) + " here; one order number, one store");
        }
    }

    private static String describe(String store) {
        return store == null ? "(none)" : store;
    }

    /** One record's cells, by column name, reporting problems at "line N, column X". */
    private final class Cells {
        private final CSVRecord record;
        private final long line;

        Cells(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        String text(String column) {
            String value = record.get(columns.of(column)).strip();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = text(column);
            if (value == null) {
                problem(column, "is empty; it is required");
            }
            return value;
        }

        LocalDate date(String column, boolean required) {
            String value = required ? required(column) : text(column);
            if (value == null) {
                return null;
            }
            for (DateTimeFormatter format : List.of(ISO, VIETNAMESE)) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException notThisOne) {
                    // try the other accepted form
                }
            }
            problem(column, "\"" + value + "\" is not a date; write yyyy-MM-dd or dd/MM/yyyy, e.g. 2026-11-22 "
                    + "or 22/11/2026");
            return null;
        }

        Long positiveWhole(String column, boolean required) {
            String value = required ? required(column) : text(column);
            if (value == null) {
                return null;
            }
            if (!DIGITS.matcher(value).matches()) {
                problem(column, "\"" + value + "\" is not a whole number greater than 0; write digits only, "
                        + "without separators or decimals");
                return null;
            }
            long number = Long.parseLong(value);
            if (number == 0) {
                problem(column, "is 0; it must be greater than 0");
                return null;
            }
            return number;
        }

        /** A barcode as printed: 8, 12, 13 or 14 digits with a right check digit. */
        String gtin(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            if (SCIENTIFIC.matcher(value).matches()) {
                problem(column, "\"" + value + "\" looks like a barcode Excel turned into a number; "
                        + "format the column as Text and type the barcode again");
            } else if (!DIGITS.matcher(value).matches() || !Gtin.hasAllowedLength(value)) {
                problem(column, "\"" + value + "\" is not a barcode; it must be 8, 12, 13 or 14 digits");
            } else if (!Gtin.hasValidCheckDigit(value)) {
                problem(column, "barcode " + value + " has a wrong check digit (expected "
                        + Gtin.checkDigit(value.substring(0, value.length() - 1)) + ")");
            } else {
                return value;
            }
            return null;
        }

        void problem(String column, String reason) {
            problems.add(new InboundProblem("line " + line + ", column " + column, reason));
        }
    }
}
