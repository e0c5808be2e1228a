package vn.ocop.hub.producer.notify;

import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderEvent;
import vn.ocop.hub.producer.OrderStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The e-mails a producer reads, in Vietnamese: every word a producer sees is in this class, so
 * the wording can be reviewed (and corrected) in one place.
 */
final class NotificationTexts {

    /** A plain-text e-mail. */
    record MailText(String subject, String body) {
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final String SUBJECT_PREFIX = "[OCOP Hub] ";

    MailText order(String producerName, String partnerName, OrderEvent order) {
        boolean isNew = order.status() == OrderStatus.NEW;
        String subject = isNew
                ? SUBJECT_PREFIX + "Đơn hàng mới " + order.partnerOrderId() + " từ " + partnerName
                : SUBJECT_PREFIX + "Đơn hàng " + order.partnerOrderId() + " từ " + partnerName + ": "
                        + status(order.status());
        StringBuilder body = new StringBuilder();
        body.append("Kính gửi ").append(producerName).append(",\n\n");
        if (isNew) {
            body.append(partnerName).append(" vừa gửi đơn hàng mới ").append(order.partnerOrderId())
                    .append(" cho cơ sở qua OCOP Hub.\n\n");
        } else {
            body.append("Đơn hàng ").append(order.partnerOrderId()).append(" từ ").append(partnerName)
                    .append(" đã chuyển sang trạng thái \"").append(status(order.status())).append("\".\n\n");
        }
        body.append("Mã đơn hàng: ").append(order.partnerOrderId()).append('\n');
        body.append("Trạng thái: ").append(status(order.status())).append('\n');
        if (order.deliveryDate() != null) {
            body.append("Ngày giao hàng: ").append(day(order.deliveryDate())).append('\n');
        }
        if (order.storeCode() != null) {
            body.append("Mã cửa hàng: ").append(order.storeCode()).append('\n');
        }
        body.append("Thời điểm: ").append(moment(order.occurredAt())).append('\n');
        body.append("\nCác dòng hàng:\n");
        long total = 0;
        boolean everyLinePriced = true;
        int number = 0;
        for (OrderEvent.Line line : order.lines()) {
            body.append(++number).append(". Mã OCOP: ").append(line.ocopId())
                    .append("; SKU: ").append(line.sku() == null ? "không có" : line.sku())
                    .append("; số lượng: ").append(amount(line.quantity()))
                    .append("; đơn giá: ").append(line.unitPrice() == null ? "chưa có" : money(line.unitPrice()))
                    .append('\n');
            if (line.unitPrice() == null) {
                everyLinePriced = false;
            } else {
                total += line.unitPrice() * line.quantity();
            }
        }
        if (everyLinePriced && !order.lines().isEmpty()) {
            body.append("\nTổng giá trị: ").append(money(total)).append('\n');
        }
        return new MailText(subject, body.append(footer(order.eventId())).toString());
    }

    MailText inventory(String producerName, String partnerName, InventoryEvent stock) {
        String item = stock.sku() != null ? stock.sku() : stock.ocopId();
        String subject = SUBJECT_PREFIX + "Báo cáo tồn kho " + item + " từ " + partnerName
                + (stock.meaning() == InventoryEvent.Meaning.LOW_STOCK ? ": sắp hết hàng" : "");
        StringBuilder body = new StringBuilder();
        body.append("Kính gửi ").append(producerName).append(",\n\n");
        body.append(partnerName).append(" vừa báo số lượng tồn kho của một sản phẩm của cơ sở.\n\n");
        body.append("Mã OCOP: ").append(stock.ocopId()).append('\n');
        if (stock.sku() != null) {
            body.append("SKU: ").append(stock.sku()).append('\n');
        }
        body.append("Số lượng: ").append(amount(stock.quantity())).append('\n');
        body.append("Ý nghĩa: ").append(meaning(stock.meaning())).append('\n');
        if (stock.soldQuantity() != null) {
            body.append("Số lượng đã bán: ").append(amount(stock.soldQuantity())).append('\n');
        }
        if (stock.storeCode() != null) {
            body.append("Mã cửa hàng: ").append(stock.storeCode()).append('\n');
        }
        body.append("Thời điểm: ").append(moment(stock.occurredAt())).append('\n');
        return new MailText(subject, body.append(footer(stock.eventId())).toString());
    }

    static String status(OrderStatus status) {
        return switch (status) {
            case NEW -> "Mới";
            case CONFIRMED -> "Đã xác nhận";
            case SHIPPED -> "Đang giao";
            case DELIVERED -> "Đã giao";
            case CANCELLED -> "Đã hủy";
            case RETURNED -> "Đã trả hàng";
        };
    }

    static String meaning(InventoryEvent.Meaning meaning) {
        if (meaning == null) {
            return "không rõ";
        }
        return switch (meaning) {
            case RESERVED -> "số lượng đang được giữ cho các đơn hàng chưa hoàn tất";
            case AVAILABLE -> "số lượng còn có thể bán tại đối tác";
            case STORE_STOCK_REPORT -> "số lượng tồn thực tế tại cửa hàng";
            case LOW_STOCK -> "đối tác báo sản phẩm sắp hết hàng";
        };
    }

    private static String footer(String eventId) {
        return "\nMã sự kiện: " + eventId + "\n\n"
                + "Thông báo này cũng có trong hộp thư của cơ sở trên OCOP Hub.\n"
                + "Thư được gửi tự động, xin vui lòng không trả lời thư này.\n";
    }

    /** Vietnamese digit grouping: 41.000 */
    static String amount(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
    }

    static String money(long vnd) {
        return amount(vnd) + " đ";
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }

    private static String moment(Instant instant) {
        return instant == null ? "không rõ" : instant.atZone(VIETNAM).format(MOMENT) + " (giờ Việt Nam)";
    }
}
