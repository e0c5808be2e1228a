package vn.ocop.hub.validation;

/**
 * GS1 check digits for GTIN-8, -12, -13 and -14. All lengths share one algorithm because the
 * weights (3, 1, 3, 1 …) are counted from the right, so a left-padded GTIN keeps its check digit.
 */
public final class Gtin {

    private Gtin() {
    }

    /** True for a GS1 identifier of 8, 12, 13 or 14 digits whose last digit is the right check digit. */
    public static boolean isValid(String gtin) {
        return gtin != null && hasAllowedLength(gtin) && hasValidCheckDigit(gtin);
    }

    /** The lengths GS1 issues as trade item numbers; other lengths are never GTINs. */
    public static boolean hasAllowedLength(String gtin) {
        int length = gtin.length();
        return length == 8 || length == 12 || length == 13 || length == 14;
    }

    /** True when {@code digits} is only ASCII digits and its last digit is the check digit of the rest. */
    public static boolean hasValidCheckDigit(String digits) {
        if (digits == null || digits.length() < 2 || !isDigits(digits)) {
            return false;
        }
        int last = digits.length() - 1;
        return checkDigit(digits.substring(0, last)) == digits.charAt(last) - '0';
    }

    /**
     * The check digit to append to {@code withoutCheckDigit}.
     *
     * @throws IllegalArgumentException if the argument is empty or not only ASCII digits
     */
    public static int checkDigit(String withoutCheckDigit) {
        if (withoutCheckDigit == null || withoutCheckDigit.isEmpty() || !isDigits(withoutCheckDigit)) {
            throw new IllegalArgumentException("a GTIN body must be one or more digits, got: " + withoutCheckDigit);
        }
        int sum = 0;
        boolean tripled = true; // the digit next to the check digit always weighs 3
        for (int i = withoutCheckDigit.length() - 1; i >= 0; i--) {
            int digit = withoutCheckDigit.charAt(i) - '0';
            sum += tripled ? digit * 3 : digit;
            tripled = !tripled;
        }
        return (10 - sum % 10) % 10;
    }

    /** ASCII only: Character.isDigit would also accept Arabic-Indic and full-width digits. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
