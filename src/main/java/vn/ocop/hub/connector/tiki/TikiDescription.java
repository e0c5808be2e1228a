package vn.ocop.hub.connector.tiki;

import vn.ocop.hub.model.Listing;

/**
 * The product description Tiki shows (HTML): the office's text, then what makes it an OCOP product
 * and the facts a food buyer looks for. Everything is escaped: the office's text is plain text.
 */
final class TikiDescription {

    private TikiDescription() {
    }

    static String html(Listing l) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : l.description().vi().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                paragraph(html, paragraph.trim());
            }
        }
        Listing.Certification c = l.certification();
        paragraph(html, "Sản phẩm OCOP " + l.stars() + " sao" + (l.potentialFiveStar() ? " (tiềm năng 5 sao)" : "")
                + ", Quyết định " + c.decisionNo() + " của " + c.issuer() + ", hiệu lực đến " + c.validUntil() + ".");
        paragraph(html, "Chủ thể: " + l.producer().name() + ". Xuất xứ: "
                + (l.origin().addressText() != null ? l.origin().addressText() : l.origin().provinceName()) + ".");
        if (l.ingredients() != null) {
            paragraph(html, "Thành phần: " + l.ingredients() + ".");
        }
        if (l.shelfLifeDays() != null) {
            paragraph(html, "Hạn sử dụng: " + l.shelfLifeDays() + " ngày.");
        }
        if (l.storage() != null) {
            paragraph(html, "Bảo quản: " + l.storage() + ".");
        }
        if (l.traceabilityUrl() != null) {
            html.append("<p>Truy xuất nguồn gốc: <a href=\"").append(escape(l.traceabilityUrl())).append("\">")
                    .append(escape(l.traceabilityUrl())).append("</a></p>");
        }
        return html.toString();
    }

    private static void paragraph(StringBuilder html, String text) {
        html.append("<p>").append(escape(text)).append("</p>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
