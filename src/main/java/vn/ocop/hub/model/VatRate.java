package vn.ocop.hub.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Vietnamese VAT rates. KCT ("không chịu thuế", not subject to VAT) is not the same as 0 %:
 * invoices and the chains' formats keep them apart, so the model does too.
 */
public enum VatRate {
    ZERO(0), FIVE(5), EIGHT(8), TEN(10), KCT(null);

    private final Integer percent;

    VatRate(Integer percent) {
        this.percent = percent;
    }

    /** The percentage, or null for KCT. */
    public Integer percent() {
        return percent;
    }

    /** JSON form: the number for a rate, the string "KCT" otherwise. */
    @JsonValue
    public Object json() {
        return percent == null ? "KCT" : percent;
    }

    /** Label used in partner files: "0", "5", "8", "10" or "KCT". */
    public String label() {
        return percent == null ? "KCT" : percent.toString();
    }

    @JsonCreator
    public static VatRate parse(Object value) {
        String text = String.valueOf(value).trim();
        for (VatRate rate : values()) {
            if (rate.label().equalsIgnoreCase(text)) {
                return rate;
            }
        }
        throw new IllegalArgumentException("must be one of 0, 5, 8, 10 or KCT");
    }
}
