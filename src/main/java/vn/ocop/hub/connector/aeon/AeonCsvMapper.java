package vn.ocop.hub.connector.aeon;

import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.model.Listing;

import java.util.ArrayList;
import java.util.List;

/** Canonical listing → one row of AEON's CSV, in {@link AeonCsvFormat#COLUMNS} order. */
final class AeonCsvMapper {

    private final ConnectorConfig config;
    private final String supplierCode;
    private final String casePack;

    AeonCsvMapper(ConnectorConfig config) {
        this.config = config;
        this.supplierCode = config.setting("supplierCode").orElse("");
        this.casePack = config.setting("casePack").orElse("1");
    }

    List<String> cells(CatalogueRow row) {
        Listing l = row.listing();
        List<String> cells = new ArrayList<>(AeonCsvFormat.COLUMNS.length);
        cells.add(String.valueOf(row.action()));
        cells.add(text(supplierCode));
        cells.add(text(l.ocopId()));
        cells.add(l.gtin13() == null ? "" : l.gtin13());
        cells.add(text(l.name().vi()));
        cells.add(text(l.name().en()));
        cells.add(text(department(l)));
        cells.add(text(l.unit()));
        cells.add(l.netContent() == null ? "" : l.netContent().value().stripTrailingZeros().toPlainString()
                + " " + l.netContent().unit().name());
        cells.add(l.shelfLifeDays() == null ? "" : l.shelfLifeDays().toString());
        cells.add(text(l.storage()));
        cells.add(text(l.origin().provinceName()));
        cells.add(String.valueOf(l.stars()));
        cells.add(text(l.certification().decisionNo()));
        cells.add(l.certification().validUntil().toString());
        cells.add(l.price().wholesale() == null ? "" : l.price().wholesale().toString());
        cells.add(l.price().vatRate().label());
        cells.add(String.valueOf(ListingRules.price(config, l)));
        cells.add(casePack);
        cells.add(text(l.images().get(0)));
        cells.add(text(l.traceabilityUrl()));
        return cells;
    }

    private String department(Listing l) {
        String mapped = config.mapped("department", l.group().name());
        return mapped == null ? l.group().name() : mapped;
    }

    /**
     * Spreadsheet formula injection: a cell starting with = + - @ tab or CR would be run as a
     * formula when a buyer opens the file, so it is prefixed with an apostrophe.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
