package org.patchlake.web.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * One mail as an SMTP server received it: its envelope, its text and its attachments.
 *
 * @param id          16 hex digits from the Message-ID header (the same mail keeps its id however often it is read)
 * @param sentAt      the Date header: the sending server's clock
 * @param scheduleId  the schedule that sent it ({@code X-Patchlake-Schedule}), null for other mail
 */
public record SentMail(String id, Instant sentAt, String from, List<String> to, String subject, String text, String scheduleId,
                       List<Attachment> attachments) {
    /** A file attached to the mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            requireNonNull(fileName, "fileName is null");
            requireNonNull(contentType, "contentType is null");
            requireNonNull(content, "content is null");
        }

        public int size() {
            return content.length;
        }

        /** The MIME type without its parameters, lower case: {@code application/pdf}. */
        public String mimeType() {
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && fileName.equals(that.fileName) && contentType.equals(that.contentType)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return 31 * fileName.hashCode() + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }

    public SentMail {
        requireNonNull(id, "id is null");
        requireNonNull(sentAt, "sentAt is null");
        requireNonNull(from, "from is null");
        to = List.copyOf(to);
        requireNonNull(subject, "subject is null");
        requireNonNull(text, "text is null");
        attachments = List.copyOf(attachments);
    }

    /** The attachment with this 1-based number. */
    public java.util.Optional<Attachment> attachment(int number) {
        return number < 1 || number > attachments.size() ? java.util.Optional.empty() : java.util.Optional.of(attachments.get(number - 1));
    }

    /**
     * Reads a received message: the first plain-text part is its text, every part with a file name an attachment.
     *
     * @param receivedAt used when the message has no Date header
     */
    public static SentMail read(MimeMessage message, Instant receivedAt) {
        try {
            String messageId = message.getMessageID();
            List<String> to = new ArrayList<>();
            jakarta.mail.Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            if (recipients != null) {
                for (jakarta.mail.Address address : recipients) {
                    to.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
                }
            }
            jakarta.mail.Address[] from = message.getFrom();
            String[] schedule = message.getHeader("X-Patchlake-Schedule");
            StringBuilder text = new StringBuilder();
            List<Attachment> attachments = new ArrayList<>();
            collect(message, text, attachments);
            return new SentMail(id(messageId == null ? message.getSubject() + "|" + receivedAt : messageId),
                    message.getSentDate() == null ? receivedAt : message.getSentDate().toInstant(),
                    from == null || from.length == 0 ? "" : from[0] instanceof InternetAddress internet ? internet.getAddress() : from[0].toString(),
                    to, message.getSubject() == null ? "(no subject)" : message.getSubject(), text.toString(),
                    schedule == null || schedule.length == 0 ? null : schedule[0], attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("a received mail cannot be read: " + e.getMessage(), e);
        }
    }

    private static void collect(Part part, StringBuilder text, List<Attachment> attachments) throws MessagingException, IOException {
        if (part.getFileName() != null) {
            try (var in = part.getInputStream()) {
                attachments.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, attachments);
            }
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        }
    }

    /** 16 hex digits of the SHA-256 of the Message-ID. */
    static String id(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
