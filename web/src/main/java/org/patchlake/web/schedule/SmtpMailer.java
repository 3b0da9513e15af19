package org.patchlake.web.schedule;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/** Sends one mail with one attachment through the configured SMTP server (Jakarta Mail) and returns its answer. */
public final class SmtpMailer {
    /** A mail to send: plain-text body and the rendered report as attachment. */
    public record Mail(List<String> to, String subject, String text, String fileName, String contentType, byte[] attachment,
                       String scheduleId) {
        public Mail {
            to = List.copyOf(requireNonNull(to, "to is null"));
            requireNonNull(subject, "subject is null");
            requireNonNull(text, "text is null");
            requireNonNull(fileName, "fileName is null");
            requireNonNull(contentType, "contentType is null");
            requireNonNull(attachment, "attachment is null");
            requireNonNull(scheduleId, "scheduleId is null");
        }
    }

    /** The server refused the mail or could not be reached; the message carries the server's answer when there is one. */
    public static final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MailConfig config;
    private final Clock clock;
    /** From the configured trust store, or null for the JVM's default trust. */
    private final SSLSocketFactory trustedSockets;

    /** @throws IllegalArgumentException when the configured trust store cannot be read, naming the file and why */
    public SmtpMailer(MailConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.trustedSockets = config.trustStore() == null ? null : socketsTrusting(config.trustStore(), config.trustStorePassword());
    }

    private static SSLSocketFactory socketsTrusting(Path store, String password) {
        char[] secret = password == null ? null : password.toCharArray();
        try {
            // KeyStore.getInstance(File, ...) recognises PKCS12 and JKS by their content
            KeyStore trusted = KeyStore.getInstance(store.toFile(), secret);
            if (trusted.size() == 0) {
                throw new IllegalArgumentException("--smtp-trust-store " + store + " holds no certificates");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--smtp-trust-store")) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("--smtp-trust-store " + store + " cannot be read: " + describe(e), e);
        }
    }

    public MailConfig config() {
        return config;
    }

    /** Sends the mail; returns the SMTP server's last answer (the reply to the message data, e.g. {@code 250 OK}). */
    public String send(Mail mail) throws MailFailure {
        if (!config.configured()) {
            throw new MailFailure("mail is not configured (start the server with --smtp-host)", null);
        }
        Session session = Session.getInstance(properties());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.from(), true));
            InternetAddress[] to = new InternetAddress[mail.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(mail.to().get(i), true);
            }
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("X-Patchlake-Schedule", mail.scheduleId());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.attachment(), mail.contentType())));
            attachment.setFileName(mail.fileName());
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMultipart multipart = new MimeMultipart();
            multipart.addBodyPart(text);
            multipart.addBodyPart(attachment);
            message.setContent(multipart);
            message.saveChanges();
            try (Transport transport = session.getTransport(config.security() == MailConfig.Security.TLS ? "smtps" : "smtp")) {
                transport.connect(config.host(), config.port(), config.username(), config.password());
                transport.sendMessage(message, to);
                String answer = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
                return answer == null ? "accepted" : answer.trim();
            }
        } catch (MessagingException e) {
            throw new MailFailure(describe(e), e);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        String protocol = config.security() == MailConfig.Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(config.timeout().toMillis());
        properties.put(prefix + "host", config.host());
        properties.put(prefix + "port", Integer.toString(config.port()));
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "auth", Boolean.toString(config.username() != null));
        properties.put(prefix + "from", config.from());
        if (config.security() == MailConfig.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (config.security() != MailConfig.Security.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
            if (trustedSockets != null) {
                properties.put(prefix + "ssl.socketFactory", trustedSockets);
            }
        }
        return properties;
    }

    /** The exception chain's messages, e.g. "Couldn't connect to host, port: localhost, 2525; timeout 30000: Connection refused". */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !text.toString().contains(message.trim())) {
                text.append(text.isEmpty() ? "" : ": ").append(message.trim().replaceAll("\\s+", " "));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    }
}
