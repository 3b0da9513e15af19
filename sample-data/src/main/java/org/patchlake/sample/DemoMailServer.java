package org.patchlake.sample;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlake.web.mail.MailOutbox;
import org.patchlake.web.mail.SentMail;
import org.patchlake.web.schedule.MailConfig;

/**
 * The demo's SMTP server: GreenMail in this process, on loopback and a free port, keeping every mail in memory. The
 * server mails scheduled reports to it (plain SMTP, no credentials: nothing leaves the machine) and shows what it
 * received at {@code /mail}, so a newcomer sees what an executive receives. Stopped with the demo.
 */
final class DemoMailServer implements MailOutbox, AutoCloseable {
    /** The sender of the demo's mail. */
    static final String FROM = "patchlake@contoso.example";

    private final GreenMail greenMail;
    private final Clock clock;

    private DemoMailServer(GreenMail greenMail, Clock clock) {
        this.greenMail = greenMail;
        this.clock = clock;
    }

    /** Starts listening on 127.0.0.1 and a port the system picks. */
    static DemoMailServer start(Clock clock) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new DemoMailServer(greenMail, clock);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The server's mail settings: this SMTP server, no transport security or credentials (loopback only). */
    MailConfig mailConfig() {
        return MailConfig.notConfigured().withServer("127.0.0.1", port(), MailConfig.Security.NONE).withFrom(FROM);
    }

    @Override
    public String describe() {
        return "the demo's SMTP server on 127.0.0.1:" + port() + " (in the demo's process, in memory until it stops)";
    }

    /** GreenMail keeps one copy per recipient: each mail once, newest first. */
    @Override
    public List<SentMail> mails() {
        Map<String, SentMail> byId = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            SentMail mail = SentMail.read(message, clock.instant());
            byId.putIfAbsent(mail.id(), mail);
        }
        List<SentMail> mails = new ArrayList<>(byId.values());
        mails.sort(Comparator.comparing(SentMail::sentAt).reversed().thenComparing(SentMail::id));
        return mails;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
