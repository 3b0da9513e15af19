package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.support.HeadlessChromium;
import org.patchlake.web.support.TestServer;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.web.warehouse.JasperExportService;
import org.patchlake.web.warehouse.WarehouseReportService;
import org.patchlake.reports.jasper.ReportEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium (Debian's chromium + chromium-driver, headless, no downloads) against a real server over the
 * fixture warehouse: sign in, dashboard, drill from a bulletin to a computer by clicking. Screenshots go to
 * target/screenshots.
 */
class BrowserTest {
    @TempDir
    static Path data;
    static TestServer server;
    static QueryLayer queries;
    static HeadlessChromium chromium;
    static WebDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> WarehouseReportService.over(queries, store),
                reports -> JasperExportService.over(queries, reports, new ReportEngine(), java.time.Clock.systemUTC(), ""));
        downloads = Files.createDirectories(data.resolve("downloads"));
        chromium = HeadlessChromium.start(data, downloads, "1400,1000");
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
            queries.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    private static void screenshot(String name) throws java.io.IOException {
        chromium.screenshot(name);
    }

    @Test
    void sign_in_open_the_dashboard_and_drill_from_a_bulletin_to_a_computer_by_clicking() throws Exception {
        browser.get(server.url("/reports/compliance-by-bulletin"));
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
        screenshot("01-sign-in");
        browser.findElement(By.id("name")).sendKeys("rm-eu");
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        chromium.clickToNavigate(By.id("sign-in-button"));
        assertThat(browser.getCurrentUrl()).endsWith("/reports/compliance-by-bulletin");
        assertThat(browser.findElement(By.id("refreshed")).getText()).contains("Data refreshed", "s-20261120123000000");
        screenshot("02-compliance-by-bulletin");

        chromium.clickToNavigate(By.linkText("Dashboard"));
        assertThat(browser.findElement(By.id("overall-compliance")).getText()).contains("%", "/");
        screenshot("03-dashboard");

        chromium.clickToNavigate(By.cssSelector("#top-risks a[href='/bulletins/KB5000001']"));
        assertThat(browser.getTitle()).contains("KB5000001");
        assertThat(browser.getPageSource()).contains("eu-nb-01").doesNotContain("us-ws-01");
        screenshot("04-bulletin");

        chromium.clickToNavigate(By.cssSelector("a.drill[href='/computers/c3']"));
        assertThat(browser.getTitle()).contains("eu-nb-01");
        assertThat(browser.getPageSource()).contains("Updates not installed", "KB5000001");
        screenshot("05-computer");

        chromium.clickToNavigate(By.linkText("Reports"));
        chromium.clickToNavigate(By.linkText("Compliance by Bulletin"));
        chromium.clickToNavigate(By.id("export-pdf"));
        // the export runs as a job: its page refreshes itself until the file is ready, then offers it
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> !driver.findElements(By.id("download")).isEmpty());
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("SUCCEEDED");
        screenshot("06-export-job");
        browser.findElement(By.id("download")).click();
        Path pdf = awaitDownload(".pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("KB5000001").doesNotContain("us-ws-01");
        }

        browser.get(server.url("/computers/c4"));
        assertThat(browser.findElement(By.id("error")).getText()).contains("not found in your scope");
        screenshot("07-other-region-computer");
    }

    private static Path awaitDownload(String suffix) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                java.util.Optional<Path> done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " download within 60 s in " + downloads);
    }

    @Test
    void an_administrator_grants_an_exception_through_the_form() throws Exception {
        browser.get(server.url("/sign-in?next=/admin/exceptions"));
        browser.findElement(By.id("name")).sendKeys("sec");
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        chromium.clickToNavigate(By.id("sign-in-button"));
        browser.findElement(By.name("computerId")).sendKeys("c4");
        browser.findElement(By.name("bulletinId")).sendKeys("KB5000001");
        browser.findElement(By.name("owner")).sendKeys("NYC desktop team");
        browser.findElement(By.name("reason")).sendKeys("kiosk image frozen until December");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('input[name=expiresAt]').value = '" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1) + "'");
        chromium.clickToNavigate(By.cssSelector("form.admin button[type=submit]"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("granted exception");
        assertThat(browser.findElement(By.id("exceptions")).getText()).contains("c4", "KB5000001", "NYC desktop team", "active");
        screenshot("08-exceptions");
        browser.get(server.url("/reports/sla-attainment"));
        screenshot("09-sla-attainment");
        browser.get(server.url("/reports/agent-health"));
        screenshot("10-agent-health");
    }
}
