package vn.actionmonth.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import vn.actionmonth.notification.config.NotificationConfig;

import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Sends a notice as a plain-text UTF-8 email over SMTP (Jakarta Mail, Eclipse Angus). */
@ApplicationScoped
public class EmailSender {

    /** Lets a recipient's mail system recognise a repeated delivery of the same notification. */
    public static final String NOTIFICATION_HEADER = "X-ActionMonth-Notification";

    private final NotificationConfig.Smtp config;
    private final Clock clock;
    private final Session session;

    public EmailSender(NotificationConfig config, Clock clock) {
        this.config = config.smtp();
        this.clock = clock;
        this.session = session(this.config);
    }

    public DeliveryResult send(String notificationId, String to, String subject, String body) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(config.from()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            m.setSubject(subject, "UTF-8");
            m.setText(body, "UTF-8");
            m.setSentDate(Date.from(clock.instant()));
            m.setHeader(NOTIFICATION_HEADER, notificationId);
            Transport.send(m);
            return DeliveryResult.ok(null);
        } catch (MessagingException | RuntimeException e) {
            return DeliveryResult.failed(null, "SMTP: " + e.getMessage());
        }
    }

    private static Session session(NotificationConfig.Smtp c) {
        Properties p = new Properties();
        String timeout = Long.toString(c.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", c.host());
        p.put("mail.smtp.port", Integer.toString(c.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.starttls.enable", Boolean.toString(c.starttls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(c.starttls()));
        if (c.username().isPresent()) {
            p.put("mail.smtp.auth", "true");
            String user = c.username().get();
            String password = c.password().orElse("");
            return Session.getInstance(p, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            });
        }
        return Session.getInstance(p);
    }
}
