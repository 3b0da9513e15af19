package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.patchlake.reports.jasper.ReportEngine;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.support.HeadlessChromium;
import org.patchlake.web.support.TestServer;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.warehouse.JasperExportService;
import org.patchlake.web.warehouse.WarehouseReportService;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One journey per role in real Chromium over the fixture warehouse, clicking as a person would. On every page the
 * journey passes, each link the page shows is fetched with the viewer's session: none may answer 403 (a link the
 * viewer may not follow is never drawn). Screenshots go to target/screenshots/journey-*.png.
 */
class RoleJourneysBrowserTest {
    @TempDir
    static Path data;
    static TestServer server;
    static QueryLayer queries;
    static HeadlessChromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> WarehouseReportService.over(queries, store),
                reports -> new JasperExportService(queries, new ReportEngine(), java.time.Clock.systemUTC()));
        // the fixture's regions are EU and US: an IT administrator of US sees computers to remediate
        server.server().services().users().create("it-us", new UserStore.UserDetails("Uma Admin", EnumSet.of(Role.IT_ADMIN),
                Scope.of(Set.of("US"), Set.of()), false, ZoneOffset.UTC), new PasswordHasher(4).hash(TestServer.PASSWORD));
        chromium = HeadlessChromium.start(data, null, "1400,1000");
        browser = chromium.driver();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
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

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void a_regional_manager_goes_from_the_dashboard_to_a_risky_bulletin_and_a_computer_of_their_region() throws Exception {
        signIn("rm-eu");
        step("journey-regional-01-dashboard");
        chromium.clickToNavigate(By.cssSelector("#top-risks a[href='/bulletins/KB5000001']"));
        assertThat(browser.getTitle()).contains("KB5000001");
        step("journey-regional-02-bulletin");
        chromium.clickToNavigate(By.cssSelector("a.drill[href='/computers/c3']"));
        assertThat(browser.getPageSource()).contains("eu-nb-01", "Notebook, level 3");
        step("journey-regional-03-computer");
        browser.get(server.url("/reports/compliance-by-bulletin"));
        assertThat(browser.getPageSource()).contains("Vulnerable computers");
        step("journey-regional-04-compliance-by-bulletin");
    }

    @Test
    void an_executive_follows_the_summaries_top_risks_and_regions_down_to_a_computer() throws Exception {
        signIn("exec");
        step("journey-executive-01-dashboard");
        assertThat(browser.findElements(By.cssSelector("a[href^='/reports/compliance-by-bulletin']"))).isEmpty();
        browser.get(server.url("/reports/executive-summary"));
        step("journey-executive-02-executive-summary");
        chromium.clickToNavigate(By.cssSelector("a.drill[href^='/bulletins/']"));
        assertThat(browser.getTitle()).startsWith("Bulletin");
        assertThat(browser.getPageSource()).doesNotContain("Not allowed");
        step("journey-executive-03-bulletin");
        browser.get(server.url("/reports/regional-compliance"));
        step("journey-executive-04-regional");
        chromium.clickToNavigate(By.cssSelector("a.drill[href='/reports/regional-compliance?region=EU']"));
        step("journey-executive-05-region-eu");
        chromium.clickToNavigate(By.cssSelector("a.drill[href^='/reports/regional-compliance?site=']"));
        step("journey-executive-06-site");
        chromium.clickToNavigate(By.cssSelector("a.drill[href^='/computers/']"));
        assertThat(browser.getTitle()).startsWith("Computer");
        assertThat(browser.getPageSource()).doesNotContain("Not allowed");
        step("journey-executive-07-computer");
    }

    @Test
    void an_it_administrator_finds_a_vulnerable_bulletin_and_reaches_its_remediate_action() throws Exception {
        signIn("it-us");
        browser.get(server.url("/reports/compliance-by-bulletin"));
        step("journey-it-admin-01-compliance-by-bulletin");
        // the row's Remediate action is on screen in a 1400 px window, next to a title column that is not squeezed
        org.openqa.selenium.WebElement remediate = browser.findElement(By.cssSelector("#content a.remediate, a.remediate"));
        assertThat(remediate.getRect().getX() + remediate.getRect().getWidth()).isLessThanOrEqualTo(1400);
        org.openqa.selenium.WebElement title = browser.findElement(By.xpath("//table//th[normalize-space()='Title']"));
        assertThat(title.getRect().getWidth()).isGreaterThanOrEqualTo(180);
        chromium.clickToNavigate(By.cssSelector("a.drill[href^='/bulletins/KB5000001']"));
        step("journey-it-admin-02-bulletin");
        assertThat(browser.findElements(By.cssSelector("a.remediate"))).isNotEmpty();
    }

    @Test
    void a_security_administrator_grants_an_exception_by_host_name_after_a_refused_date() throws Exception {
        signIn("sec");
        browser.get(server.url("/admin/exceptions"));
        browser.findElement(By.name("computerId")).sendKeys("eu-ws-01");
        browser.findElement(By.name("bulletinId")).sendKeys("KB5000002");
        browser.findElement(By.name("owner")).sendKeys("Berlin desk");
        browser.findElement(By.name("reason")).sendKeys("lab machine");
        setDate("2001-01-01");
        chromium.clickToNavigate(By.cssSelector("form.admin button[type=submit]"));
        assertThat(browser.findElement(By.id("error-expiresAt")).getText()).contains("expiresAt");
        assertThat(browser.findElement(By.name("reason")).getAttribute("value")).isEqualTo("lab machine");
        step("journey-security-01-refused-date");
        setDate(LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
        chromium.clickToNavigate(By.cssSelector("form.admin button[type=submit]"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("granted exception");
        assertThat(browser.findElement(By.id("exceptions")).getText()).contains("c1", "KB5000002", "Berlin desk");
        step("journey-security-02-granted");
        browser.get(server.url("/admin/audit"));
        step("journey-security-03-audit");
        browser.get(server.url("/admin/sla-policies"));
        step("journey-security-04-sla-policies");
    }

    @Test
    void a_platform_administrator_checks_agent_health_users_tokens_and_the_audit_log() throws Exception {
        signIn("plat");
        step("journey-platform-01-dashboard");
        assertThat(browser.findElements(By.cssSelector("a[href^='/bulletins/'], a[href^='/reports/regional-compliance']"))).isEmpty();
        browser.get(server.url("/reports/agent-health"));
        step("journey-platform-02-agent-health");
        browser.get(server.url("/admin/users"));
        step("journey-platform-03-users");
        browser.get(server.url("/admin/tokens"));
        step("journey-platform-04-tokens");
        browser.get(server.url("/admin/audit"));
        step("journey-platform-05-audit");
    }

    @Test
    void the_menu_of_an_administrator_holding_every_administrative_role_fits_one_line_at_1400_px() throws Exception {
        server.server().services().users().create("all-admin", new UserStore.UserDetails("Ada Admin",
                EnumSet.of(Role.SECURITY_ADMIN, Role.PLATFORM_ADMIN), Scope.everything(), false, ZoneOffset.UTC),
                new PasswordHasher(4).hash(TestServer.PASSWORD));
        signIn("all-admin");
        List<org.openqa.selenium.WebElement> links = browser.findElements(By.cssSelector("header nav a"));
        assertThat(links).hasSizeGreaterThan(8);
        assertThat(links.stream().map(link -> link.getRect().getY()).distinct()).hasSize(1);
        org.openqa.selenium.WebElement last = links.get(links.size() - 1);
        assertThat(last.getRect().getX() + last.getRect().getWidth()).isLessThanOrEqualTo(1400);
        org.openqa.selenium.WebElement signOut = browser.findElement(By.cssSelector("header .who button"));
        assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).isLessThanOrEqualTo(1400);
        step("journey-admin-menu");
    }

    private static void signIn(String user) {
        browser.get(server.url("/sign-in"));
        browser.findElement(By.id("name")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        chromium.clickToNavigate(By.id("sign-in-button"));
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
    }

    private static void setDate(String date) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector('input[name=expiresAt]').value = arguments[0]", date);
    }

    /** Screenshot of the page, then every link it shows fetched with this session: none may be forbidden. */
    private static void step(String name) throws Exception {
        chromium.screenshot(name);
        assertThat(browser.getPageSource()).doesNotContain("Not allowed");
        @SuppressWarnings("unchecked")
        List<String> forbidden = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const links = [...new Set([...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                    .filter(h => h.startsWith('/') && !h.startsWith('/static/') && !h.includes('/export') && !h.includes('/download')))];
                Promise.all(links.map(h => fetch(h, {credentials: 'same-origin', headers: {Accept: 'text/html'}})
                    .then(r => r.status === 403 ? h : null))).then(r => done(r.filter(x => x !== null)));
                """);
        assertThat(forbidden).as("links on %s that answer 403", browser.getCurrentUrl()).isEmpty();
    }
}
