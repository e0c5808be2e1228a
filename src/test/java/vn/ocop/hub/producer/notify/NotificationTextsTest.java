package vn.ocop.hub.producer.notify;

import org.junit.jupiter.api.Test;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderStatus;

import java.text.Normalizer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTextsTest {

    private final NotificationTexts texts = new NotificationTexts();

    @Test
    void aNewOrderReadsInVietnamese() {
        NotificationTexts.MailText mail = texts.order("HTX Chè Shan Tuyết", "AEON",
                NotifierFixtures.order("evt-o1", "P-1", "PO-7001", OrderStatus.NEW));

        assertThat(mail.subject()).isEqualTo("[OCOP Hub] Đơn hàng mới PO-7001 từ AEON");
        assertThat(mail.body()).startsWith("Kính gửi HTX Chè Shan Tuyết,\n\nAEON vừa gửi đơn hàng mới PO-7001")
                .contains("Mã đơn hàng: PO-7001\n")
                .contains("Trạng thái: Mới\n")
                .contains("Ngày giao hàng: 25/11/2026\n")
                .contains("Mã cửa hàng: AEON-LB\n")
                // 03:00 UTC is 10:00 in Hà Nội
                .contains("Thời điểm: 10:00 ngày 21/11/2026 (giờ Việt Nam)\n")
                .contains("1. Mã OCOP: HN-2025-0101; SKU: TRA-SHAN-100; số lượng: 12; đơn giá: 41.000 đ\n")
                .contains("2. Mã OCOP: HN-2025-0102; SKU: GAO-TAM-5KG; số lượng: 5; đơn giá: 152.000 đ\n")
                .contains("Tổng giá trị: 1.252.000 đ\n")
                .contains("Mã sự kiện: evt-o1\n");
        assertPrecomposed(mail);
    }

    @Test
    void everyOrderStatusHasItsVietnameseName() {
        assertThat(Arrays.stream(OrderStatus.values()).map(NotificationTexts::status))
                .containsExactly("Mới", "Đã xác nhận", "Đang giao", "Đã giao", "Đã hủy", "Đã trả hàng");

        NotificationTexts.MailText cancelled = texts.order("HTX A", "Shopee Vietnam",
                NotifierFixtures.order("evt-o2", "P-1", "250101ABC", OrderStatus.CANCELLED));
        assertThat(cancelled.subject()).isEqualTo("[OCOP Hub] Đơn hàng 250101ABC từ Shopee Vietnam: Đã hủy");
        assertThat(cancelled.body()).contains("đã chuyển sang trạng thái \"Đã hủy\"", "Trạng thái: Đã hủy\n");
    }

    @Test
    void aLineWithoutPriceSaysSoAndLeavesTheTotalOut() {
        var order = NotifierFixtures.order("evt-o3", "P-1", "PO-7003", OrderStatus.CONFIRMED);
        var unpriced = new vn.ocop.hub.producer.OrderEvent(order.eventId(), order.producerId(), order.partner(),
                order.partnerOrderId(), order.status(),
                java.util.List.of(new vn.ocop.hub.producer.OrderEvent.Line("HN-2025-0101", null, 3, null)),
                null, null, order.occurredAt());

        String body = texts.order("HTX A", "AEON", unpriced).body();

        assertThat(body).contains("1. Mã OCOP: HN-2025-0101; SKU: không có; số lượng: 3; đơn giá: chưa có\n")
                .doesNotContain("Tổng giá trị", "Ngày giao hàng", "Mã cửa hàng");
    }

    @Test
    void aStockReportSaysWhatTheQuantityMeans() {
        NotificationTexts.MailText mail = texts.inventory("HTX Gạo Tám", "AEON",
                NotifierFixtures.stock("evt-s1", "P-2", InventoryEvent.Meaning.STORE_STOCK_REPORT));

        assertThat(mail.subject()).isEqualTo("[OCOP Hub] Báo cáo tồn kho GAO-TAM-5KG từ AEON");
        assertThat(mail.body()).startsWith("Kính gửi HTX Gạo Tám,\n\nAEON vừa báo số lượng tồn kho")
                .contains("Mã OCOP: HN-2025-0102\n", "SKU: GAO-TAM-5KG\n", "Số lượng: 17\n",
                        "Ý nghĩa: số lượng tồn thực tế tại cửa hàng\n", "Số lượng đã bán: 6\n",
                        "Mã cửa hàng: AEON-TP\n", "Mã sự kiện: evt-s1\n");
        assertPrecomposed(mail);

        assertThat(texts.inventory("HTX Gạo Tám", "Tiki",
                NotifierFixtures.stock("evt-s2", "P-2", InventoryEvent.Meaning.LOW_STOCK)).subject())
                .isEqualTo("[OCOP Hub] Báo cáo tồn kho GAO-TAM-5KG từ Tiki: sắp hết hàng");
        assertThat(Arrays.stream(InventoryEvent.Meaning.values()).map(NotificationTexts::meaning))
                .doesNotHaveDuplicates().allSatisfy(text -> assertThat(text).isNotBlank());
    }

    @Test
    void largeAmountsAreGroupedTheVietnameseWay() {
        assertThat(NotificationTexts.money(1_250_000)).isEqualTo("1.250.000 đ");
        assertThat(NotificationTexts.amount(999)).isEqualTo("999");
    }

    /** Diacritics as single code points (NFC): what mail clients and search expect. */
    private static void assertPrecomposed(NotificationTexts.MailText mail) {
        assertThat(Normalizer.isNormalized(mail.subject(), Normalizer.Form.NFC)).isTrue();
        assertThat(Normalizer.isNormalized(mail.body(), Normalizer.Form.NFC)).isTrue();
    }
}
