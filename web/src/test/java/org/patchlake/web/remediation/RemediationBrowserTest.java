package org.patchlake.web.remediation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.report.CsvExportService;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.support.HeadlessChromium;
import org.patchlake.web.support.TestServer;
import org.patchlake.web.warehouse.WarehouseReportService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium (headless) against a real server over the fixture warehouse: an IT administrator clicks
 * Remediate on a bulletin row, reads the target count, confirms, and lands on the policy's progress page. The
 * fixture already holds deliveries for policy rem-1 (the first policy of a fresh store): c3 failed with 1603,
 * c5 installed and waits for a restart. Screenshots go to target/screenshots.
 */
class RemediationBrowserTest {

    @TempDir
    static Path data;
    static TestServer server;
    static QueryLayer queries;
    static HeadlessChromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", "INSERT INTO deliveries VALUES "
                + "('r1','c3','rem-1','KB5000001',NULL,1,'2026-11-20 09:00','2026-11-20 09:05',1603,'0x00000643','failed',"
                + "'fatal error during installation','EU','eu-par'),"
                + "('r2','c5','rem-1','KB5000001',NULL,1,'2026-11-20 09:00','2026-11-20 09:10',3010,'0x00000BC2','succeeded_reboot_required',"
                + "'success, reboot required','US','us-nyc')", FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> WarehouseReportService.over(queries, store),
                reports -> new CsvExportService(reports, Clock.systemUTC()), new QueryLayerRemediationWarehouse(queries));
        server.server().services().users().create("it-all", new UserStore.UserDetails("Ada Admin", EnumSet.of(Role.IT_ADMIN),
                Scope.everything(), false, ZoneId.of("UTC")), new PasswordHasher(4).hash(TestServer.PASSWORD));
        chromium = HeadlessChromium.start(data, null, "1400,1100");
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

    private static void screenshot(String name) throws java.io.IOException {
        chromium.screenshot(name);
    }

    @Test
    void an_it_administrator_clicks_remediate_on_a_row_confirms_and_sees_the_policy_progress() throws Exception {
        browser.get(server.url("/sign-in?next=/reports/compliance-by-bulletin"));
        browser.findElement(By.id("name")).sendKeys("it-all");
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        chromium.clickToNavigate(By.id("sign-in-button"));

        chromium.clickToNavigate(By.cssSelector("a.row-action.remediate[href*='bulletinId=KB5000001']"));
        assertThat(browser.getTitle()).contains("Remediate bulletin KB5000001");
        assertThat(browser.findElement(By.id("target-count")).getText()).contains("target 2 computers");
        assertThat(browser.findElement(By.id("targets")).getText()).contains("c3", "c5").doesNotContain("c1");
        browser.findElement(By.name("pilotPercent")).clear();
        browser.findElement(By.name("pilotPercent")).sendKeys("50");
        screenshot("remediation-01-confirm");

        chromium.clickToNavigate(By.id("confirm"));
        assertThat(browser.getCurrentUrl()).contains("/remediation/policies/");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("created rem-1 for 2 computers");
        assertThat(browser.findElement(By.id("figure-targeted")).getText()).contains("2");
        assertThat(browser.findElement(By.id("figure-pending-reboot")).getText()).contains("1");
        assertThat(browser.findElement(By.id("figure-failed")).getText()).contains("1");
        assertThat(browser.findElement(By.id("figure-not-reported")).getText()).contains("0");
        assertThat(browser.findElement(By.id("failures")).getText()).contains("1603", "0x00000643");
        assertThat(browser.findElement(By.id("target-progress")).getText()).contains("pending reboot", "failed");
        screenshot("remediation-02-policy");

        chromium.clickToNavigate(By.id("pause"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("paused");
        chromium.clickToNavigate(By.id("retry-failed"));
        assertThat(browser.findElement(By.id("target-count")).getText()).contains("target 1 computer");
        screenshot("remediation-03-retry-failed");
    }
}
