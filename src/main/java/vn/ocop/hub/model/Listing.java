package vn.ocop.hub.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One certified OCOP product as the coordination office publishes it (canonical-model.md).
 * Instances are only built by {@code ListingValidator}, so every instance is valid and
 * normalised (NFC text, validUntil filled in, status EXPIRED when past validUntil).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Listing(
        String ocopId,
        long version,
        String sku,
        String gtin,
        LocalizedText name,
        LocalizedText description,
        ProductGroup group,
        String subgroup,
        String brand,
        int stars,
        boolean potentialFiveStar,
        Certification certification,
        Producer producer,
        Origin origin,
        String unit,
        NetContent netContent,
        Integer grossWeightGrams,
        Dimensions dimensionsCm,
        Integer shelfLifeDays,
        String storage,
        String ingredients,
        Price price,
        int stock,
        List<String> images,
        String traceabilityUrl) {

    public boolean hasGtin() {
        return gtin != null && !gtin.isBlank();
    }

    /** GTIN left-padded to 13 digits when it fits (GTIN-8/12/13), as JAN/EAN-13 columns need. */
    public String gtin13() {
        if (!hasGtin() || gtin.length() > 13) {
            return null;
        }
        return "0".repeat(13 - gtin.length()) + gtin;
    }

    public String gtin14() {
        return hasGtin() ? "0".repeat(14 - gtin.length()) + gtin : null;
    }

    public Listing withStock(int newStock, long newVersion) {
        return new Listing(ocopId, newVersion, sku, gtin, name, description, group, subgroup, brand, stars,
                potentialFiveStar, certification, producer, origin, unit, netContent, grossWeightGrams,
                dimensionsCm, shelfLifeDays, storage, ingredients, price, newStock, images, traceabilityUrl);
    }

    public Listing withVersion(long newVersion) {
        return withStock(stock, newVersion);
    }

    public record LocalizedText(String vi, String en) {
    }

    public record Certification(String decisionNo, String issuer, CertificationLevel level,
                                java.time.LocalDate issuedOn, java.time.LocalDate validUntil,
                                CertificationStatus status) {
    }

    public record Producer(String id, String name, ProducerType type, String taxCode) {
    }

    public record Origin(String provinceCode, String provinceName, String communeCode, String communeName,
                         String addressText) {
    }

    public record NetContent(java.math.BigDecimal value, NetContentUnit unit) {
    }

    public record Dimensions(java.math.BigDecimal length, java.math.BigDecimal width, java.math.BigDecimal height) {
    }

    public record Price(long retail, Long wholesale, VatRate vatRate) {
    }
}
