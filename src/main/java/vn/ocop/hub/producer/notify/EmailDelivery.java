package vn.ocop.hub.producer.notify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderEvent;
import vn.ocop.hub.producer.Producer;
import vn.ocop.hub.producer.ProducerEventStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Sends the event as a plain-text e-mail in Vietnamese (UTF-8) to the producer's address.
 * Refusals by the mail server count as failed attempts and are retried like a webhook's.
 */
final class EmailDelivery implements NotificationChannel {

    private final JavaMailSender mail;
    private final String from;
    private final NotificationTexts texts;
    private final ObjectMapper json;
    private final Function<String, String> partnerNames;

    /** {@code partnerNames} turns a partner's name ({@code aeon}) into the one a producer knows. */
    EmailDelivery(JavaMailSender mail, String from, NotificationTexts texts, ObjectMapper json,
                  Function<String, String> partnerNames) {
        this.mail = mail;
        this.from = from;
        this.texts = texts;
        // the payload may carry fields newer than these records
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.partnerNames = partnerNames;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public DeliveryAttempt deliver(Producer producer, ProducerEventStore.Stored event) {
        NotificationTexts.MailText text;
        try {
            text = compose(producer, event);
        } catch (IOException | IllegalArgumentException e) {
            return DeliveryAttempt.failed("cannot read the stored " + event.type() + " event: " + e.getMessage());
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(producer.email().trim());
            helper.setSubject(text.subject());
            helper.setText(text.body(), false);
            mail.send(message);
            return DeliveryAttempt.ok();
        } catch (MessagingException | MailException e) {
            return DeliveryAttempt.failed("e-mail to " + producer.email() + " failed: " + e.getMessage());
        }
    }

    NotificationTexts.MailText compose(Producer producer, ProducerEventStore.Stored event) throws IOException {
        String producerName = producer.name() == null || producer.name().isBlank() ? producer.producerId()
                : producer.name();
        String partner = partnerNames.apply(event.partner());
        return switch (event.type()) {
            case "ORDER" -> texts.order(producerName, partner, json.readValue(event.payload(), OrderEvent.class));
            case "INVENTORY" -> texts.inventory(producerName, partner,
                    json.readValue(event.payload(), InventoryEvent.class));
            default -> throw new IllegalArgumentException("no e-mail text for events of type " + event.type());
        };
    }
}
