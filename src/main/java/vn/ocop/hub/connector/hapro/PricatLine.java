package vn.ocop.hub.connector.hapro;

import io.xlate.edi.stream.EDIStreamException;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.VatRate;

import static vn.ocop.hub.connector.hapro.SegmentWriter.composite;

/**
 * One catalogue row → one PRICAT line item (segment group 36), in D.01B segment order:
 * <pre>
 * LIN+1+1+8936814520019:SRV'           line number, action (1 added, 2 deleted, 3 changed), GTIN
 * PIA+5+HN-2025-0101:SA::91'           our ocopId as the supplier's article number
 * IMD+F++:::Chè búp khô Ba Trại::vi'   name, Vietnamese (and English when there is one)
 * MEA+PD+AAA+GRM:200'                  net content: AAA net weight, ABJ volume, no attribute for a count
 * FTX+PRD+++OCOP 4 sao:…+vi'           OCOP certification: stars, decision, issuer, valid until
 * TAX+7+VAT+++:::5+S'                  VAT rate; 0 % is Z (zero rated), KCT is E (exempt)
 * PRI+AAA:95000'                       net (wholesale) price, excluding VAT, when there is one
 * PRI+AAE:120000::SRP'                 retail price including VAT, as suggested retail price
 * </pre>
 * A deleted item carries only LIN, PIA and IMD: enough for Hapro to find and recognise it.
 */
final class PricatLine {

    /** GS1's code in LIN/PIA for a Global Trade Item Number (EANCOM 2002 item type code). */
    static final String GTIN = "SRV";
    static final String SUPPLIER_ARTICLE = "SA";

    private final ConnectorConfig config;

    PricatLine(ConnectorConfig config) {
        this.config = config;
    }

    void write(SegmentWriter out, int lineNumber, String action, CatalogueRow row) throws EDIStreamException {
        Listing l = row.listing();
        out.segment("LIN", String.valueOf(lineNumber), action, l.hasGtin() ? composite(l.gtin(), GTIN) : null);
        out.segment("PIA", "5", composite(l.ocopId(), SUPPLIER_ARTICLE, null, "91"));
        out.segment("IMD", "F", null, composite(null, null, null, text(l.name().vi()), null, "vi"));
        if (l.name().en() != null && !l.name().en().isBlank()) {
            out.segment("IMD", "F", null, composite(null, null, null, text(l.name().en()), null, "en"));
        }
        if (row.action() == 'D') {
            return;
        }
        if (l.netContent() != null) {
            NetContent content = NetContent.of(l.netContent());
            out.segment("MEA", "PD", composite(content.attribute()), composite(content.unit(), content.value()));
        }
        out.segment("FTX", "PRD", null, null, composite(
                "OCOP " + l.stars() + " sao",
                text("Số QĐ " + l.certification().decisionNo()),
                text("Cấp bởi " + l.certification().issuer()),
                "Hiệu lực đến " + l.certification().validUntil()), "vi");
        writeTax(out, l.price().vatRate());
        if (l.price().wholesale() != null) {
            out.segment("PRI", composite("AAA", l.price().wholesale().toString()));
        }
        out.segment("PRI", composite("AAE", String.valueOf(ListingRules.price(config, l)), null, "SRP"));
    }

    private static void writeTax(SegmentWriter out, VatRate rate) throws EDIStreamException {
        if (rate == VatRate.KCT) {
            // "không chịu thuế": no rate at all, which is not the same as 0 %
            out.segment("TAX", "7", composite("VAT"), null, null, composite("KCT"), "E");
        } else {
            out.segment("TAX", "7", composite("VAT"), null, null, composite(null, null, null, rate.percent().toString()),
                    rate.percent() == 0 ? "Z" : "S");
        }
    }

    /** EDIFACT text cannot carry control characters (a stray tab or line break from a form). */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(value.length());
        value.codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return s.toString();
    }

    /** Net content in UN/ECE Recommendation 20 units, with the MEA attribute for its kind. */
    record NetContent(String attribute, String unit, String value) {

        static NetContent of(Listing.NetContent content) {
            String value = content.value().stripTrailingZeros().toPlainString();
            return switch (content.unit()) {
                case g -> new NetContent("AAA", "GRM", value);
                case kg -> new NetContent("AAA", "KGM", value);
                case ml -> new NetContent("ABJ", "MLT", value);
                case l -> new NetContent("ABJ", "LTR", value);
                case piece -> new NetContent(null, "H87", value);
            };
        }
    }
}
