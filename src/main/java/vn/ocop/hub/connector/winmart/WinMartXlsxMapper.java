package vn.ocop.hub.connector.winmart;

import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.NetContentUnit;

import java.time.LocalDate;

/**
 * Canonical listing → the typed cells of one {@code SanPham} row, indexed by
 * {@link WinMartColumn#ordinal()}. Cells are {@link String}, {@link Long}, {@link Integer},
 * {@link LocalDate} or null (left empty), so the workbook writer never guesses a type.
 */
final class WinMartXlsxMapper {

    /** Mapping table in connectors-config/winmart.yaml: product group → WinMart's Ngành hàng. */
    static final String CATEGORY_TABLE = "category";

    private final ConnectorConfig config;
    private final String supplierCode;

    WinMartXlsxMapper(ConnectorConfig config) {
        this.config = config;
        this.supplierCode = config.setting("supplierCode").orElse(null);
    }

    Object[] cells(CatalogueRow row) {
        Listing l = row.listing();
        Object[] cells = new Object[WinMartColumn.values().length];
        put(cells, WinMartColumn.THAO_TAC, action(row.action()));
        put(cells, WinMartColumn.MA_NCC, supplierCode);
        put(cells, WinMartColumn.MA_SAN_PHAM, l.ocopId());
        put(cells, WinMartColumn.MA_VACH, l.hasGtin() ? l.gtin() : null);
        put(cells, WinMartColumn.TEN_SAN_PHAM, l.name().vi());
        put(cells, WinMartColumn.THUONG_HIEU, l.brand());
        put(cells, WinMartColumn.NGANH_HANG, category(l));
        put(cells, WinMartColumn.DVT, l.unit());
        put(cells, WinMartColumn.QUY_CACH, netContent(l.netContent()));
        put(cells, WinMartColumn.GIA_NHAP, l.price().wholesale());
        // a number for a rate (0 stays 0), the text KCT when the goods are not subject to VAT
        Integer percent = l.price().vatRate().percent();
        put(cells, WinMartColumn.THUE_SUAT_VAT, percent != null ? percent : l.price().vatRate().label());
        put(cells, WinMartColumn.GIA_BAN_LE, ListingRules.price(config, l));
        put(cells, WinMartColumn.HAN_SU_DUNG, l.shelfLifeDays());
        put(cells, WinMartColumn.BAO_QUAN, l.storage());
        put(cells, WinMartColumn.XUAT_XU, l.origin() == null ? null : l.origin().provinceName());
        put(cells, WinMartColumn.HANG_OCOP, l.stars());
        put(cells, WinMartColumn.SO_QUYET_DINH, l.certification().decisionNo());
        put(cells, WinMartColumn.HIEU_LUC_DEN, l.certification().validUntil());
        put(cells, WinMartColumn.ANH, l.images() == null || l.images().isEmpty() ? null : l.images().get(0));
        put(cells, WinMartColumn.TRUY_XUAT, l.traceabilityUrl());
        return cells;
    }

    /** Thao tác as a buyer reads it: Thêm (add), Sửa (update), Xóa (delete). */
    static String action(char action) {
        return switch (action) {
            case 'A' -> "Thêm";
            case 'U' -> "Sửa";
            case 'D' -> "Xóa";
            default -> throw new IllegalArgumentException("unknown catalogue row action '" + action + "'");
        };
    }

    private String category(Listing l) {
        String mapped = config.mapped(CATEGORY_TABLE, l.group().name());
        return mapped == null ? l.group().vietnameseName() : mapped;
    }

    /** "500 g", "1.5 l"; a count is written in Vietnamese ("12 cái") like the rest of the sheet. */
    static String netContent(Listing.NetContent content) {
        if (content == null) {
            return null;
        }
        String unit = content.unit() == NetContentUnit.piece ? "cái" : content.unit().name();
        return content.value().stripTrailingZeros().toPlainString() + " " + unit;
    }

    private static void put(Object[] cells, WinMartColumn column, Object value) {
        cells[column.ordinal()] = value instanceof String s && s.isBlank() ? null : value;
    }
}
