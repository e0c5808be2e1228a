package vn.ocop.hub.fakes;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * One in-process SMTP server (GreenMail) for the integration tests' shared hub, started on a
 * free loopback port the first time it is asked for. Tests read only the mail sent to their
 * own addresses.
 */
public final class FakeMailServer {

    private static GreenMail server;

    private FakeMailServer() {
    }

    public static synchronized int port() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            started.start();
            server = started;
        }
        return server.getSmtp().getPort();
    }

    /** Messages received so far for this recipient, in arrival order. */
    public static synchronized List<MimeMessage> to(String address) {
        List<MimeMessage> matching = new ArrayList<>();
        if (server == null) {
            return matching;
        }
        try {
            InternetAddress wanted = new InternetAddress(address);
            for (MimeMessage message : server.getReceivedMessages()) {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && List.of(recipients).contains(wanted)) {
                    matching.add(message);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return matching;
    }
}
