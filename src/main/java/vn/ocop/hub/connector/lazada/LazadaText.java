package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.model.Listing;

import java.math.BigDecimal;

/**
 * Text for Lazada's product page. The long description takes HTML, the short one only
 * {@code <ul><li>}; the canonical listing is plain text, so it is escaped and wrapped.
 */
final class LazadaText {

    private LazadaText() {
    }

    static String description(Listing l) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : l.description().vi().split("\\R+")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(escape(paragraph.trim())).append("</p>");
            }
        }
        appendFact(html, "Thành phần", l.ingredients());
        appendFact(html, "Bảo quản", l.storage());
        if (l.shelfLifeDays() != null) {
            appendFact(html, "Hạn sử dụng", l.shelfLifeDays() + " ngày");
        }
        return html.toString();
    }

    /** The OCOP certificate is the reason a buyer trusts the product: it leads the highlights. */
    static String highlights(Listing l) {
        StringBuilder html = new StringBuilder("<ul>");
        html.append(item("Sản phẩm OCOP " + l.stars() + " sao, Quyết định " + l.certification().decisionNo()
                + " (" + l.certification().issuer() + ")"));
        html.append(item("Xuất xứ: " + l.origin().provinceName()));
        if (l.netContent() != null) {
            html.append(item("Quy cách: " + netContent(l) + " / " + l.unit()));
        }
        html.append(item("Chủ thể: " + l.producer().name()));
        return html.append("</ul>").toString();
    }

    /** What is in the parcel, e.g. "1 gói Chè búp khô Ba Trại (200 g)". */
    static String packageContent(Listing l) {
        String content = "1 " + l.unit() + " " + l.name().vi();
        return l.netContent() == null ? content : content + " (" + netContent(l) + ")";
    }

    static String netContent(Listing l) {
        BigDecimal value = l.netContent().value().stripTrailingZeros();
        String unit = switch (l.netContent().unit()) {
            case piece -> "cái";
            default -> l.netContent().unit().name();
        };
        return value.toPlainString() + " " + unit;
    }

    /** XML and HTML share these five escapes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendFact(StringBuilder html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<p><strong>").append(label).append(":</strong> ").append(escape(value.trim())).append("</p>");
        }
    }

    private static String item(String text) {
        return "<li>" + escape(text) + "</li>";
    }
}
