package vn.ocop.hub.connector.hapro;

import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.validation.Gtin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values of inbound segments, checked. Each method returns the value, or adds a problem located at
 * the segment and returns null, so a reader can go on and report everything wrong with a file.
 */
final class EdiValues {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");
    private static final DateTimeFormatter CCYYMMDD = strict("uuuuMMdd");
    private static final DateTimeFormatter CCYYMMDDHHMM = strict("uuuuMMddHHmm");
    private static final DateTimeFormatter CCYYMMDDHHMMSS = strict("uuuuMMddHHmmss");

    private EdiValues() {
    }

    /** The date of a DTM segment (C507: qualifier, value, format code 102, 203 or 204). */
    static LocalDate date(EdiSegment dtm, List<InboundProblem> problems) {
        String qualifier = dtm.value(1, 1);
        String text = dtm.value(1, 2);
        String format = dtm.value(1, 3);
        String what = "DTM+" + qualifier;
        if (text == null) {
            problems.add(new InboundProblem(dtm.location(), what + " has no date"));
            return null;
        }
        DateTimeFormatter parser;
        String pattern;
        if (format == null || "102".equals(format)) {
            parser = CCYYMMDD;
            pattern = "CCYYMMDD";
        } else if ("203".equals(format)) {
            parser = CCYYMMDDHHMM;
            pattern = "CCYYMMDDHHMM";
        } else if ("204".equals(format)) {
            parser = CCYYMMDDHHMMSS;
            pattern = "CCYYMMDDHHMMSS";
        } else {
            problems.add(new InboundProblem(dtm.location(), what + " uses date format code " + format
                    + ", which is not read here: use 102 (CCYYMMDD), 203 or 204"));
            return null;
        }
        try {
            return LocalDate.from(parser.parse(text));
        } catch (DateTimeParseException e) {
            problems.add(new InboundProblem(dtm.location(), what + " date '" + text + "' is not a valid "
                    + pattern + " date (format code " + (format == null ? "102" : format) + ")"));
            return null;
        }
    }

    /**
     * A quantity of units: a whole number (a decimal mark followed only by zeros is tolerated),
     * greater than zero, or at least zero when {@code zeroAllowed} (stock can run out).
     */
    static Long quantity(EdiSegment qty, boolean zeroAllowed, List<InboundProblem> problems) {
        String what = "QTY+" + qty.value(1, 1);
        String text = qty.value(1, 2);
        if (text == null) {
            problems.add(new InboundProblem(qty.location(), what + " has no quantity"));
            return null;
        }
        BigDecimal number = number(text);
        if (number == null) {
            problems.add(new InboundProblem(qty.location(), what + " quantity '" + text + "' is not a number"));
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            problems.add(new InboundProblem(qty.location(), what + " quantity " + text + " is not a whole number of units"));
            return null;
        }
        if (number.signum() < 0 || (number.signum() == 0 && !zeroAllowed)) {
            problems.add(new InboundProblem(qty.location(), what + " quantity must be "
                    + (zeroAllowed ? "zero or more" : "greater than zero") + ", got " + text));
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new InboundProblem(qty.location(), what + " quantity " + text + " is too large"));
            return null;
        }
    }

    /** A price in whole VND from a PRI segment (C509 element 2). */
    static Long price(EdiSegment pri, List<InboundProblem> problems) {
        String what = "PRI+" + pri.value(1, 1);
        String text = pri.value(1, 2);
        if (text == null) {
            problems.add(new InboundProblem(pri.location(), what + " has no price"));
            return null;
        }
        BigDecimal number = number(text);
        if (number == null || number.signum() < 0) {
            problems.add(new InboundProblem(pri.location(), what + " price '" + text + "' is not an amount"));
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            problems.add(new InboundProblem(pri.location(), what + " price " + text + " has a fraction: prices are whole VND"));
            return null;
        }
        return number.longValue();
    }

    /** Null when {@code gtin} is a GS1 trade item number, else why not. */
    static String gtinProblem(String gtin) {
        if (!Gtin.hasAllowedLength(gtin) || !gtin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "'" + gtin + "' is not a GTIN (8, 12, 13 or 14 digits)";
        }
        if (!Gtin.hasValidCheckDigit(gtin)) {
            return "GTIN " + gtin + " has a wrong check digit";
        }
        return null;
    }

    /** EDIFACT numbers: '.' or ',' as decimal mark (syntax 4 allows both), an optional leading minus. */
    private static BigDecimal number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text.replace(',', '.'));
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
