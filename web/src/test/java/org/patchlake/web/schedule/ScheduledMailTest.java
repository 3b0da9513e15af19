package org.patchlake.web.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.WebServices;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.auth.User;
import org.patchlake.web.report.ExportService;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.compliance.ComplianceStore;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;
import org.patchlake.web.warehouse.JasperExportService;
import org.patchlake.web.warehouse.WarehouseReportService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled reports end to end: the real server with its scheduler thread, the fixture warehouse rendered by the
 * Jasper templates, and a real SMTP server in process (GreenMail). Time is a {@link TestClock}: the test moves it
 * and wakes the scheduler instead of sleeping.
 */
class ScheduledMailTest {
    /** Monday 2026-11-23 05:30 UTC = 06:30 in Berlin. */
    static final Instant MONDAY_EARLY = Instant.parse("2026-11-23T05:30:00Z");
    /** An upper bound only (a loaded build machine renders slowly); passing tests do not wait for it. */
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path shared;
    static QueryLayer queries;
    static ReportEngine engine;
    static final ObjectMapper JSON = WebServer.json();

    @TempDir
    Path data;
    final TestClock clock = new TestClock(MONDAY_EARLY);
    GreenMail mail;
    TestServer server;
    WebServer restarted;

    @BeforeAll
    static void publishFixture() throws Exception {
        Path warehouse = shared.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        engine = new ReportEngine();
    }

    @AfterAll
    static void closeWarehouse() {
        queries.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (restarted != null) {
            restarted.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    static Function<ComplianceStore, ReportService> reports() {
        return store -> WarehouseReportService.over(queries, store);
    }

    Function<ReportService, ExportService> exports() {
        return reports -> JasperExportService.over(queries, reports, engine, clock, "");
    }

    static MailConfig mailTo(int port) {
        return MailConfig.notConfigured().withServer("127.0.0.1", port, MailConfig.Security.NONE)
                .withCredentials("mailer", "secret").withFrom("patchlake@example.org");
    }

    GreenMail startMail(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.setUser("patchlake@example.org", "mailer", "secret");
        greenMail.start();
        return greenMail;
    }

    TestServer start(MailConfig mailConfig) {
        UnaryOperator<WebConfig> configure = config -> config.withMail(mailConfig);
        return new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), reports(), exports(), configure, clock);
    }

    ScheduleService schedules() {
        return (restarted != null ? restarted : server.server()).services().schedules();
    }

    /** Moves the clock and lets the scheduler look at once. */
    void moveClockTo(Instant instant) {
        clock.set(instant);
        schedules().wakeUp();
    }

    List<Delivery> awaitDeliveries(long scheduleId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> deliveries = schedules().deliveries(scheduleId, 100);
            if (deliveries.size() >= count) {
                return deliveries;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("schedule " + scheduleId + " has not logged " + count + " deliveries within " + WAIT);
    }

    static JsonNode createSchedule(TestClient client, String body) throws IOException {
        HttpResponse<String> response = client.postJson("/api/v1/schedules", body, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    static byte[] attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(out);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no attachment in " + message.getSubject());
    }

    static String text(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        return ((String) multipart.getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Keeps a mailed PDF under target/ so it can be rendered to PNG and looked at. */
    static void keep(byte[] pdf, String name) throws IOException {
        Path target = Path.of("target", "schedule-mails");
        Files.createDirectories(target);
        Files.write(target.resolve(name), pdf);
    }

    @Test
    void a_schedule_fires_at_its_cron_time_and_mails_the_pdf_with_the_fixture_figures() throws Exception {
        mail = startMail(0);
        server = start(mailTo(mail.getSmtp().getPort()));
        JsonNode created = createSchedule(server.signedIn("sec"), """
                {"report": "executive-summary", "recipients": ["ceo@example.org", "cfo@example.org"], "cron": "0 7 * * MON",
                 "timeZone": "Europe/Berlin", "subject": "Weekly patch compliance", "message": "Good morning,\\nthe weekly figures."}""");
        long id = created.get("id").asLong();
        assertThat(created.get("nextRunAt").asText()).isEqualTo("2026-11-23T06:00:00Z");
        assertThat(created.get("format").asText()).isEqualTo("pdf");

        moveClockTo(Instant.parse("2026-11-23T05:59:00Z"));
        assertThat(mail.waitForIncomingEmail(300, 1)).as("nothing is sent before 07:00 Berlin").isFalse();

        moveClockTo(Instant.parse("2026-11-23T06:00:02Z"));
        long waited = System.nanoTime();
        // GreenMail counts one message per SMTP transaction, whatever the number of recipients
        assertThat(mail.waitForIncomingEmail(WAIT.toMillis(), 1)).as("mail within %s; deliveries: %s", WAIT, schedules().deliveries(id, 9))
                .isTrue();
        System.out.printf("scheduled mail arrived %.1f s after its time%n", (System.nanoTime() - waited) / 1e9);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as("one copy per recipient's mailbox").hasSize(2);
        MimeMessage message = received[0];
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder("ceo@example.org", "cfo@example.org");
        assertThat(message.getSubject()).isEqualTo("Weekly patch compliance");
        assertThat(message.getFrom()[0].toString()).isEqualTo("patchlake@example.org");
        assertThat(text(message)).startsWith("Good morning,\nthe weekly figures.")
                .contains("Report: Executive Summary (PDF, attached as executive-summary-20261123-0600.pdf",
                        "Scope: all regions", "Data as of: 2026-11-20 13:00 CET (snapshot s-20261120123000000, published 2026-11-20 13:30 CET)",
                        "run due 2026-11-23 07:00 CET");
        byte[] pdf = attachment(message);
        keep(pdf, "executive-summary-all-regions.pdf");
        assertThat(pdf).startsWith("%PDF".getBytes());
        assertThat(pdfText(pdf)).contains("Executive Summary", "Data refreshed 2026-11-20 12:30 UTC", "Scope: all regions",
                "applicable 11 = installed 5 + pending reboot 1 + required 2 + failed 1 + exempt 1 + unknown 1", "55.6 %");

        Delivery delivery = awaitDeliveries(id, 1).get(0);
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(delivery.trigger()).isEqualTo(Delivery.Trigger.SCHEDULED);
        assertThat(delivery.recipients()).containsExactly("ceo@example.org", "cfo@example.org");
        assertThat(delivery.sizeBytes()).isEqualTo((long) pdf.length);
        assertThat(delivery.smtpResponse()).startsWith("250");
        assertThat(delivery.snapshotId()).isEqualTo("s-20261120123000000");
        assertThat(delivery.dueAt()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        Schedule after = schedules().find(server.server().services().users().findByName("sec").orElseThrow(), id);
        assertThat(after.nextRunAt()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        assertThat(after.lastStatus()).startsWith("sent to 2 recipients: 250");
        assertThat(server.server().services().metrics().counterValue("patchlake_schedule_deliveries_total", "outcome", "sent")).isEqualTo(1);
    }

    @Test
    void a_regional_owners_schedule_mails_only_their_region_and_is_checked_again_at_send_time() throws Exception {
        mail = startMail(0);
        server = start(mailTo(mail.getSmtp().getPort()));
        TestClient manager = server.signedIn("rm-eu");
        HttpResponse<String> outside = manager.postJson("/api/v1/schedules", """
                {"report": "executive-summary", "parameters": {"region": "US"}, "recipients": "board@example.org", "cron": "@daily"}""", true);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("\"parameter\":\"parameters\"", "outside the owner's scope");
        long id = createSchedule(manager, """
                {"report": "executive-summary", "parameters": "region=EU", "recipients": "board@example.org", "cron": "@daily",
                 "timeZone": "UTC"}""").get("id").asLong();

        String page = manager.getHtml("/schedules/" + id).body();
        String csrf = manager.csrf();
        assertThat(manager.post("/schedules/" + id + "/send", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
        assertThat(page).contains("id=\"send-now\"");
        assertThat(mail.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(text(message)).contains("Parameters: region=EU", "Scope: regions EU (what Rita Regional, the schedule's owner, may see)",
                "sent on request");
        byte[] pdf = attachment(message);
        keep(pdf, "executive-summary-eu.pdf");
        String pdfText = pdfText(pdf);
        // EU: c1, c2, c3 -> KB5000001 installed on c1 and c2, required on c3; KB5000002 required on c1, exempt on c3; MS08-067 installed on c2
        assertThat(pdfText).contains("Scope: regions EU", "applicable 6 = installed 3 + pending reboot 0 + required 2 + failed 0 + exempt 1 + unknown 0",
                        "60.0 %", "compliance: 3 installed of 5")
                .doesNotContain("us-nyc", "applicable 11");
        assertThat(awaitDeliveries(id, 1).get(0).trigger()).isEqualTo(Delivery.Trigger.MANUAL);

        // the owner's scope changes to another region: the schedule's region=EU is refused at the next send, visibly, not retried
        UserStore users = server.server().services().users();
        User owner = users.findByName("rm-eu").orElseThrow();
        users.update(owner.id(), new UserStore.UserDetails(owner.displayName(), owner.roles(), Scope.of(Set.of(), Set.of("us-nyc")),
                false, owner.timeZone()));
        TestClient security = server.signedIn("sec");
        assertThat(security.postJson("/api/v1/schedules/" + id + "/send", "{}", true).statusCode()).isEqualTo(202);
        Delivery refused = awaitDeliveries(id, 2).get(0);
        assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(refused.sizeBytes()).isNull();
        JsonNode view = JSON.readTree(security.get("/api/v1/schedules/" + id).body());
        assertThat(view.get("retryAt").isNull()).isTrue();
        assertThat(view.get("lastStatus").asText()).contains("not retried");
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_failing_smtp_server_leads_to_retries_with_backoff_a_visible_flag_and_recovery() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = start(mailTo(port).withDeliveryPolicy(4, Duration.ofMinutes(1), 3));
        TestClient security = server.signedIn("sec");
        long id = createSchedule(security, """
                {"report": "compliance-by-bulletin", "format": "csv", "recipients": "ops@example.org", "cron": "0 6 * * *", "timeZone": "UTC"}""")
                .get("id").asLong();

        moveClockTo(Instant.parse("2026-11-23T06:00:00Z"));
        Delivery first = awaitDeliveries(id, 1).get(0);
        assertThat(first.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(first.error()).contains("127.0.0.1", Integer.toString(port));
        assertThat(first.sizeBytes()).isPositive();
        JsonNode view = JSON.readTree(security.get("/api/v1/schedules/" + id).body());
        assertThat(view.get("retryAt").asText()).isEqualTo("2026-11-23T06:01:00Z");
        assertThat(view.get("failing").asBoolean()).isFalse();

        moveClockTo(Instant.parse("2026-11-23T06:01:00Z"));
        assertThat(awaitDeliveries(id, 2).get(0).attempt()).isEqualTo(2);
        view = JSON.readTree(security.get("/api/v1/schedules/" + id).body());
        assertThat(view.get("retryAt").asText()).as("four times the first delay").isEqualTo("2026-11-23T06:05:00Z");

        moveClockTo(Instant.parse("2026-11-23T06:05:00Z"));
        Delivery third = awaitDeliveries(id, 3).get(0);
        assertThat(third.trigger()).isEqualTo(Delivery.Trigger.RETRY);
        view = JSON.readTree(security.get("/api/v1/schedules/" + id).body());
        assertThat(view.get("failing").asBoolean()).isTrue();
        assertThat(view.get("consecutiveFailures").asInt()).isEqualTo(3);
        assertThat(view.get("retryAt").asText()).isEqualTo("2026-11-23T06:21:00Z");
        String list = security.getHtml("/schedules").body();
        assertThat(list).contains("class=\"failing\"", "failing: 3 attempts in a row since 2026-11-23 06:00");
        String detail = security.getHtml("/schedules/" + id).body();
        assertThat(detail).contains("outcome-failed", "Connection refused");
        Files.createDirectories(Path.of("target", "schedule-mails"));
        Files.writeString(Path.of("target", "schedule-mails", "schedules-failing.html"), list);
        Files.writeString(Path.of("target", "schedule-mails", "schedule-failing.html"), detail);
        assertThat(server.server().services().metrics().render()).contains("patchlake_schedules_failing 1.0");

        mail = startMail(port);
        moveClockTo(Instant.parse("2026-11-23T06:21:00Z"));
        assertThat(mail.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        List<Delivery> deliveries = awaitDeliveries(id, 4);
        assertThat(deliveries.get(0).outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(deliveries.get(0).attempt()).isEqualTo(4);
        String csv = new String(attachment(mail.getReceivedMessages()[0]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("KB5000001");
        view = JSON.readTree(security.get("/api/v1/schedules/" + id).body());
        assertThat(view.get("failing").asBoolean()).isFalse();
        assertThat(view.get("consecutiveFailures").asInt()).isZero();
        assertThat(view.get("nextRunAt").asText()).isEqualTo("2026-11-24T06:00:00Z");
    }

    @Test
    void runs_missed_while_the_server_was_down_are_sent_once_on_restart() throws Exception {
        mail = startMail(0);
        MailConfig mailConfig = mailTo(mail.getSmtp().getPort());
        server = start(mailConfig);
        long id = createSchedule(server.signedIn("sec"), """
                {"report": "executive-summary", "recipients": "ceo@example.org", "cron": "0 * * * *", "timeZone": "UTC"}""")
                .get("id").asLong();
        server.close();
        server = null;

        clock.set(Instant.parse("2026-11-23T10:30:00Z"));
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0).withEtl(List.of(), Duration.ZERO)
                .withSecurity(4, SignInLimiter.Limits.defaults(), null).withMail(mailConfig);
        restarted = WebServer.assemble(config, new WebServer.Edges(reports(), exports(), new EnrollmentTokens.Unavailable(),
                WebServices.AgentApi.NONE, () -> { }), clock);
        restarted.start();

        assertThat(mail.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        assertThat(text(mail.getReceivedMessages()[0])).contains("catch-up: 5 runs were missed while the server was not running "
                + "(first due 2026-11-23 06:00 UTC); this one mail stands for all of them");
        schedules().wakeUp();
        assertThat(mail.waitForIncomingEmail(500, 2)).as("one mail, not one per missed hour").isFalse();
        List<Delivery> deliveries = awaitDeliveries(id, 1);
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).trigger()).isEqualTo(Delivery.Trigger.CATCH_UP);
        User sec = restarted.services().users().findByName("sec").orElseThrow();
        assertThat(schedules().find(sec, id).nextRunAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        List<String> actions = new ArrayList<>();
        restarted.services().audit().recent(20).forEach(entry -> actions.add(entry.action() + " " + entry.target()));
        assertThat(actions).contains("schedule_created schedule:" + id);
    }
}
