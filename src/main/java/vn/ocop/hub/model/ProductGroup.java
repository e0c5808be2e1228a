package vn.ocop.hub.model;

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
public enum ProductGroup {
    FOOD("Thực phẩm"),
    BEVERAGE("Đồ uống"),
    HERBAL("Dược liệu và sản phẩm từ dược liệu"),
    HANDICRAFT("Hàng thủ công mỹ nghệ"),
    ORNAMENTAL("Sinh vật cảnh"),
    TOURISM("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch");

    private final String vietnameseName;

    ProductGroup(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
