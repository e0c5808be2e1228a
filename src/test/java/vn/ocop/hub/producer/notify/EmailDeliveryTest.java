package vn.ocop.hub.producer.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mail channel through a real SMTP exchange (GreenMail, in process). */
class EmailDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final GreenMail smtp = started();

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void sendsTheOrderAsAVietnamesePlainTextMail() throws Exception {
        Producer producer = NotifierFixtures.producer("P-MAIL", "htx.cheshan@example.vn", null, null);
        ProducerEventStore.Stored event = NotifierFixtures.stored("evt-m1", "P-MAIL", "ORDER",
                JSON.writeValueAsString(NotifierFixtures.order("evt-m1", "P-MAIL", "PO-7001", OrderStatus.NEW)));

        DeliveryAttempt attempt = email(smtp.getSmtp().getPort()).deliver(producer, event);

        assertThat(attempt).isEqualTo(DeliveryAttempt.ok());
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(1);
        MimeMessage mail = messages[0];
        assertThat(mail.getSubject()).isEqualTo("[OCOP Hub] Đơn hàng mới PO-7001 từ AEON");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("ocop-hub@test.vn"));
        assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress("htx.cheshan@example.vn"));
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getContent()).asString().contains("Kính gửi HTX Chè Shan Tuyết P-MAIL,",
                "Trạng thái: Mới", "số lượng: 12; đơn giá: 41.000 đ", "Ngày giao hàng: 25/11/2026");
    }

    @Test
    void aMailServerThatIsGoneIsAFailedAttempt() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Producer producer = NotifierFixtures.producer("P-MAIL", "htx@example.vn", null, null);
        ProducerEventStore.Stored event = NotifierFixtures.stored("evt-m2", "P-MAIL", "INVENTORY",
                JSON.writeValueAsString(NotifierFixtures.stock("evt-m2", "P-MAIL",
                        vn.ocop.hub.producer.InventoryEvent.Meaning.AVAILABLE)));

        DeliveryAttempt attempt = email(port).deliver(producer, event);

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).startsWith("e-mail to htx@example.vn failed: ");
    }

    @Test
    void aPayloadItCannotReadIsAFailedAttemptNamingTheType() {
        Producer producer = NotifierFixtures.producer("P-MAIL", "htx@example.vn", null, null);

        DeliveryAttempt attempt = email(smtp.getSmtp().getPort()).deliver(producer,
                NotifierFixtures.stored("evt-m3", "P-MAIL", "ORDER", "{not json"));

        assertThat(attempt.failure()).startsWith("cannot read the stored ORDER event: ");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static EmailDelivery email(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties timeouts = new Properties();
        timeouts.putAll(Map.of("mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000"));
        sender.setJavaMailProperties(timeouts);
        return new EmailDelivery(sender, "ocop-hub@test.vn", new NotificationTexts(), JSON,
                name -> name.equals("aeon") ? "AEON" : name);
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }
}
