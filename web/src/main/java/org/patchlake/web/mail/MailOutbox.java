package org.patchlake.web.mail;

import java.util.List;
import java.util.Optional;

/**
 * The mails an SMTP server running beside this server has received, read back for the sent-mail page. Only a server
 * started with an embedded SMTP server (the demo's) has one: a production server mails through a relay that keeps
 * nothing for us, and then neither the page nor its link exists.
 */
public interface MailOutbox {
    /** Where the mails are kept, for the page: "the demo's SMTP server on 127.0.0.1:40123 (in memory)". */
    String describe();

    /** Every mail received, newest first; a mail to several recipients once. */
    List<SentMail> mails();

    /** One mail by its {@link SentMail#id()}. */
    default Optional<SentMail> mail(String id) {
        return mails().stream().filter(mail -> mail.id().equals(id)).findFirst();
    }
}
