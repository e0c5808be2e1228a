package vn.ocop.hub.connector.hapro;

import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.validation.Gtin;

import java.time.ZoneId;
import java.util.Map;

/**
 * Hapro's settings from the {@code profile} of {@code connectors-config/hapro.yaml}.
 *
 * @param supplierGln  our GLN (the coordination office as supplier), in NAD+SU
 * @param buyerGln     Hapro's GLN, in NAD+BY
 * @param senderGln    interchange sender in UNB; the supplier GLN unless set
 * @param recipientGln interchange recipient in UNB; the buyer GLN unless set
 * @param supplierCode the code Hapro gave the office, sent as RFF+IA after NAD+SU when set
 * @param zone         the time zone of the dates written (Hapro's, Vietnam)
 */
record HaproSettings(String supplierGln, String buyerGln, String senderGln, String recipientGln, String supplierCode,
                     ZoneId zone) {

    static HaproSettings from(ConnectorConfig config) {
        Map<String, Object> profile = config.profile() == null ? Map.of() : config.profile();
        String supplier = gln(profile, "supplierGln", null);
        String buyer = gln(profile, "buyerGln", null);
        String zone = text(profile, "timeZone");
        return new HaproSettings(supplier, buyer, gln(profile, "senderGln", supplier), gln(profile, "recipientGln", buyer),
                text(profile, "supplierCode"), ZoneId.of(zone == null ? "Asia/Ho_Chi_Minh" : zone));
    }

    private static String gln(Map<String, Object> profile, String key, String fallback) {
        String value = text(profile, key);
        if (value == null) {
            if (fallback != null) {
                return fallback;
            }
            throw new IllegalStateException("connectors-config/hapro.yaml: profile." + key + " (a GLN) is required");
        }
        if (value.length() != 13 || !Gtin.hasValidCheckDigit(value)) {
            throw new IllegalStateException("connectors-config/hapro.yaml: profile." + key + " '" + value
                    + "' is not a GLN (13 digits with a GS1 check digit)");
        }
        return value;
    }

    private static String text(Map<String, Object> profile, String key) {
        Object value = profile.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
