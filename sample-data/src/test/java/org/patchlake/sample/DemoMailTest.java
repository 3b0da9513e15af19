package org.patchlake.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.sample.simulate.SimulationClock;
import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.mail.SentMail;

/**
 * The demo's mail, end to end: the production wiring of the server (port 0, the fixture warehouse, Jasper) on the
 * demo's accelerated clock, mailing to the demo's own SMTP server; the demo's sample users and schedules; a schedule
 * runs, and its mail with the PDF is on {@code /mail} for the administrator and refused to the EMEA manager, who is
 * not shown the link either.
 */
class DemoMailTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void a_scheduled_report_is_mailed_to_the_demos_smtp_server_and_shown_with_its_pdf_to_the_administrator_only(@TempDir Path data)
        throws Exception {
        FixtureWarehouse.publish(data.resolve("warehouse"), "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        SimulationClock clock = new SimulationClock(FixtureWarehouse.DATA_AS_OF.plus(Duration.ofHours(1)));
        clock.runOnFromHere(DemoCommand.RUN_ON_FACTOR);
        try (DemoMailServer mail = DemoMailServer.start(clock);
             WebServer server = ServeCommand.assemble(WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
                 .withSecurity(4, SignInLimiter.Limits.defaults(), null).withMail(mail.mailConfig()), clock, null,
                 UnaryOperator.identity(), mail)) {
            URI base = URI.create("http://127.0.0.1:" + server.start());
            Map<String, String> passwords = new TreeMap<>();
            DemoUsers.create(server.services(), new SecureRandom()).forEach(user -> passwords.put(user.name(), user.password()));

            List<Long> schedules = new DemoSchedules(base, passwords).createAndSendNow();
            long executiveSummary = schedules.get(0);
            Set<Long> missing = DemoSchedules.awaitMails(mail, List.of(executiveSummary), Duration.ofMinutes(3), line -> { });
            assertThat(missing).as("the Executive Summary's mail arrived").isEmpty();
            SentMail sent = mail.mails().stream().filter(m -> String.valueOf(executiveSummary).equals(m.scheduleId()))
                .findFirst().orElseThrow();
            assertThat(sent.to()).containsExactly("executive@contoso.example");
            assertThat(sent.from()).isEqualTo(DemoMailServer.FROM);
            assertThat(sent.text()).contains("Executive Summary", "s-20261120123000000");
            assertThat(sent.attachments()).hasSize(1);

            DemoWebSession admin = DemoWebSession.signIn(base, "admin", passwords.get("admin"));
            String list = admin.get("/mail").body();
            assertThat(list).contains("id=\"mail-" + sent.id() + "\"", "Patch compliance this morning: Executive Summary",
                "executive@contoso.example", "/mail/" + sent.id() + "/attachments/1", sent.attachments().get(0).fileName());
            assertThat(admin.get("/mail/" + sent.id()).body()).contains("Good morning.", "id=\"attachments\"");
            assertThat(admin.get("/schedules").body()).as("the schedules page links the sent mail").contains("href=\"/mail\"");

            HttpResponse<byte[]> pdf = admin.getBytes("/mail/" + sent.id() + "/attachments/1");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("Executive Summary");
            }
            assertThat(admin.get("/mail/0123456789abcdef").statusCode()).isEqualTo(404);
            assertThat(admin.get("/mail/" + sent.id() + "/attachments/2").statusCode()).isEqualTo(404);

            DemoWebSession manager = DemoWebSession.signIn(base, "emea.manager", passwords.get("emea.manager"));
            assertThat(manager.get("/mail").statusCode()).isEqualTo(403);
            assertThat(manager.get("/mail/" + sent.id()).statusCode()).isEqualTo(403);
            assertThat(manager.getBytes("/mail/" + sent.id() + "/attachments/1").statusCode()).isEqualTo(403);
            String managersSchedules = manager.get("/schedules").body();
            assertThat(managersSchedules).contains("emea.manager@contoso.example").doesNotContain("href=\"/mail\"");
            DemoWebSession platform = DemoWebSession.signIn(base, "platform", passwords.get("platform"));
            assertThat(platform.get("/mail").statusCode()).as("platform administrators do not see compliance figures")
                .isEqualTo(403);

            look(base, passwords.get("admin"), data, sent);
        }
    }

    @Test
    void a_server_without_the_demos_smtp_server_has_no_mail_page(@TempDir Path data) throws Exception {
        SimulationClock clock = new SimulationClock(FixtureWarehouse.DATA_AS_OF);
        try (WebServer server = ServeCommand.assemble(WebConfig.defaults(data).withHost("127.0.0.1").withPort(0)
            .withSecurity(4, SignInLimiter.Limits.defaults(), null), clock)) {
            URI base = URI.create("http://127.0.0.1:" + server.start());
            Map<String, String> passwords = new TreeMap<>();
            DemoUsers.create(server.services(), new SecureRandom()).forEach(user -> passwords.put(user.name(), user.password()));
            DemoWebSession admin = DemoWebSession.signIn(base, "admin", passwords.get("admin"));
            assertThat(admin.get("/mail").statusCode()).isEqualTo(404);
            assertThat(admin.get("/schedules").body()).contains("Scheduled reports").doesNotContain("href=\"/mail\"");
        }
    }

    /** The administrator's sent-mail page in headless Chromium, kept as target/screenshots/demo-mail*.png. */
    private static void look(URI base, String password, Path work, SentMail sent) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "the look at the page needs Debian's chromium and chromium-driver at /usr/bin; skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--window-size=1400,900", "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort().build(), options);
        try {
            browser.get(base.resolve("/mail").toString());
            browser.findElement(By.id("name")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("sign-in-button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElements(By.id("mails")).size() == 1);
            assertThat(browser.findElement(By.id("mails")).getText()).contains("executive@contoso.example");
            screenshot(browser, "demo-mail-list");
            browser.findElement(By.linkText(sent.subject())).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElements(By.id("mail-text")).size() == 1);
            assertThat(browser.findElement(By.id("attachments")).getText()).contains(sent.attachments().get(0).fileName());
            screenshot(browser, "demo-mail-one");
        } finally {
            browser.quit();
        }
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
    }
}
