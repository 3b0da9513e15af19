package org.patchlake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.patchlake.web.mail.MailOutbox;
import org.patchlake.web.mail.SentMail;

/**
 * The demo's scheduled reports, set up the way their owners would (the schedules API) once the warehouse has a
 * snapshot: the security administrator mails the Executive Summary (PDF) to the executive every morning, and the EMEA
 * manager mails themselves Regional Compliance of their region every Monday. Each is sent once at once ("send now"),
 * so the first mails are there when the demo prints its figures; after that they follow their cron times on the
 * server's clock.
 */
final class DemoSchedules {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One schedule and who owns it. */
    record Planned(String owner, String report, String cron, String recipient, String subject, String message) {
    }

    static final List<Planned> PLANNED = List.of(
        new Planned(DemoUsers.EXCEPTION_USER, "executive-summary", "0 7 * * *", "executive@contoso.example",
            "Patch compliance this morning: Executive Summary",
            "Good morning. Attached is the Executive Summary of every region: compliance, SLA attainment, the trend and "
                + "the top risks. It is sent every day at 07:00 UTC."),
        new Planned("emea.manager", "regional-compliance", "0 7 * * MON", "emea.manager@contoso.example",
            "EMEA: Regional Compliance (weekly)", "Regional Compliance of EMEA, region by site, every Monday at 07:00 UTC."));

    private final URI server;
    private final Map<String, String> passwords;

    /** {@code passwords}: the sample users' passwords by name (the owners sign in). */
    DemoSchedules(URI server, Map<String, String> passwords) {
        this.server = server;
        this.passwords = Map.copyOf(passwords);
    }

    /** Creates every planned schedule and asks for it to be sent now; returns the schedule ids. */
    List<Long> createAndSendNow() throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (Planned planned : PLANNED) {
            String password = passwords.get(planned.owner());
            if (password == null) {
                throw new IllegalArgumentException("no sample user " + planned.owner() + " to own the schedule of " + planned.report());
            }
            DemoWebSession owner = DemoWebSession.signIn(server, planned.owner(), password);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("report", planned.report());
            body.put("format", "pdf");
            body.put("recipients", planned.recipient());
            body.put("cron", planned.cron());
            body.put("timeZone", "UTC");
            body.put("subject", planned.subject());
            body.put("message", planned.message());
            HttpResponse<String> created = owner.postJson("/api/v1/schedules", body);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/schedules (" + planned.report() + " for " + planned.owner()
                    + ") answered " + created.statusCode() + ": " + created.body());
            }
            long id = JSON.readTree(created.body()).path("id").asLong();
            HttpResponse<String> sent = owner.postJson("/api/v1/schedules/" + id + "/send", Map.of());
            if (sent.statusCode() != 202) {
                throw new IllegalStateException("POST /api/v1/schedules/" + id + "/send answered " + sent.statusCode() + ": " + sent.body());
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * Waits until the outbox holds a mail of every schedule in {@code ids}, telling {@code progress} every few seconds;
     * returns the ids still without a mail after {@code timeout} (their schedule pages say why).
     */
    static Set<Long> awaitMails(MailOutbox outbox, List<Long> ids, Duration timeout, Consumer<String> progress)
        throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime();
        while (true) {
            Set<Long> waiting = new TreeSet<>(ids);
            for (SentMail mail : outbox.mails()) {
                if (mail.scheduleId() != null && mail.scheduleId().matches("[0-9]{1,18}")) {
                    waiting.remove(Long.parseLong(mail.scheduleId()));
                }
            }
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                return waiting;
            }
            if (System.nanoTime() >= nextReport) {
                progress.accept("mail: waiting for " + waiting.size() + " of " + ids.size()
                    + " scheduled reports to be rendered and mailed (schedules " + waiting + ")");
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(250);
        }
    }
}
