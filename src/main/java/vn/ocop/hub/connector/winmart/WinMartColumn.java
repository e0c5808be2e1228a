package vn.ocop.hub.connector.winmart;

/**
 * The columns of WinMart's {@code SanPham} sheet, in file order (partners.md). Each column says
 * how its cells are typed, so the buyer's spreadsheet can sort and sum prices and dates.
 */
enum WinMartColumn {
    THAO_TAC("Thao tác", CellKind.TEXT, 10),
    MA_NCC("Mã NCC", CellKind.TEXT, 14),
    MA_SAN_PHAM("Mã sản phẩm", CellKind.TEXT, 16),
    MA_VACH("Mã vạch", CellKind.CODE, 16),
    TEN_SAN_PHAM("Tên sản phẩm", CellKind.TEXT, 40),
    THUONG_HIEU("Thương hiệu", CellKind.TEXT, 20),
    NGANH_HANG("Ngành hàng", CellKind.TEXT, 24),
    DVT("ĐVT", CellKind.TEXT, 8),
    QUY_CACH("Quy cách", CellKind.TEXT, 12),
    GIA_NHAP("Giá nhập chưa VAT", CellKind.MONEY, 16),
    THUE_SUAT_VAT("Thuế suất VAT", CellKind.WHOLE_NUMBER, 12),
    GIA_BAN_LE("Giá bán lẻ đề xuất", CellKind.MONEY, 16),
    HAN_SU_DUNG("Hạn sử dụng (ngày)", CellKind.WHOLE_NUMBER, 16),
    BAO_QUAN("Bảo quản", CellKind.TEXT, 30),
    XUAT_XU("Xuất xứ", CellKind.TEXT, 14),
    HANG_OCOP("Hạng OCOP", CellKind.WHOLE_NUMBER, 10),
    SO_QUYET_DINH("Số quyết định OCOP", CellKind.TEXT, 18),
    HIEU_LUC_DEN("Hiệu lực đến", CellKind.DATE, 12),
    ANH("Ảnh", CellKind.TEXT, 40),
    TRUY_XUAT("Truy xuất", CellKind.TEXT, 40);

    /**
     * TEXT: plain string. CODE: a string in a cell formatted as text, so a barcode the buyer
     * edits keeps its leading zeros. MONEY: VND with thousands grouping. WHOLE_NUMBER: an
     * integer (a TEXT value such as the VAT rate KCT is still allowed). DATE: a date cell.
     */
    enum CellKind { TEXT, CODE, MONEY, WHOLE_NUMBER, DATE }

    private final String header;
    private final CellKind kind;
    private final int widthChars;

    WinMartColumn(String header, CellKind kind, int widthChars) {
        this.header = header;
        this.kind = kind;
        this.widthChars = widthChars;
    }

    String header() {
        return header;
    }

    CellKind kind() {
        return kind;
    }

    int widthChars() {
        return widthChars;
    }
}
