package org.patchlake.web.warehouse;

import org.patchlake.reports.query.FixtureWarehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.metrics.QueryTimings;
import org.patchlake.web.report.Report;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web layer over a real fixture warehouse (Parquet written with DuckDB, the reports module's query layer):
 * every report renders, the numbers carry their counts, and scope holds on every drill-down.
 */
class WarehouseReportsTest {
    @TempDir
    static Path data;
    static TestServer server;
    static QueryLayer queries;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        QueryTimings timings = new QueryTimings();
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()), timings);
        // every report page is requested by the tests themselves: warming them all for every user's scope in the
        // background would only double the DuckDB work of this class
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> WarehouseReportService.over(queries, store),
                reports -> new org.patchlake.web.report.CsvExportService(reports, java.time.Clock.systemUTC()),
                config -> config.withAdmission(config.admission().withReportPagesWarmed(false)), java.time.Clock.systemUTC());
        timings.bind(server.server().services().metrics());
    }

    @AfterAll
    static void stop() {
        server.close();
        queries.close();
    }

    @Test
    void every_report_renders_as_a_page_and_as_json_for_a_security_administrator() {
        TestClient security = server.signedIn("sec");
        for (Report report : Report.values()) {
            HttpResponse<String> page = security.getHtml("/reports/" + report.id());
            assertThat(page.statusCode()).as(report.id()).isEqualTo(200);
            assertThat(page.body()).as(report.id()).contains("Data refreshed", "s-20261120123000000").doesNotContain("internal error");
            HttpResponse<String> json = security.get("/api/v1/reports/" + report.id());
            assertThat(json.statusCode()).as(report.id()).isEqualTo(200);
            assertThat(json.body()).as(report.id()).contains("\"snapshot\":{\"id\":\"s-20261120123000000\"");
        }
    }

    @Test
    void detection_agreement_lists_computers_where_the_verdicts_differ_and_drills_down_to_each_sides_verdict() {
        TestClient security = server.signedIn("sec");
        String json = security.get("/api/v1/reports/detection-agreement").body();
        assertThat(json).contains("\"computer_id\":\"c1\"", "\"computer_id\":\"c3\"").doesNotContain("\"computer_id\":\"c5\"");
        String page = security.getHtml("/reports/detection-agreement").body();
        assertThat(page).contains("href=\"/reports/detection-agreement/computers/c1\"", "Windows Update searches failed");

        String c1 = security.getHtml("/reports/detection-agreement/computers/c1").body();
        assertThat(c1).contains("KB5099999", "not in the catalog", "missing per Windows Update only", "KB5000002", "both missing");
        String c3 = security.get("/api/v1/reports/detection-agreement/computers/c3").body();
        assertThat(c3).contains("KB5000001", "required per Patchlake only", "not listed");

        TestClient manager = server.signedIn("rm-eu");
        assertThat(manager.get("/api/v1/reports/detection-agreement/computers/c5").statusCode()).isEqualTo(404);
        assertThat(manager.getHtml("/reports/detection-agreement/computers/c1").statusCode()).isEqualTo(200);
        assertThat(manager.get("/api/v1/reports/detection-agreement").body()).doesNotContain("\"region\":\"US\"");
        String csv = security.get("/reports/detection-agreement/export?format=csv").body();
        assertThat(csv).contains("region,compared,in_disagreement", "EU,3,2,66.67,2,3,1,1,1,0",
                "c1,eu-ws-01,EU,eu-ber,workstation,2026-11-20T07:59:00Z,1,1,0,1");
    }

    @Test
    void agent_health_lists_the_computers_whose_os_was_not_resolved_with_the_reason() {
        String page = server.signedIn("sec").getHtml("/reports/agent-health").body();
        assertThat(page).contains("OS not resolved to catalog products", "OS version '23H2' is not an NT version such as 10.0.19045",
                "no OS identity reported");
        assertThat(server.signedIn("rm-eu").get("/api/v1/reports/agent-health").body())
                .contains("is not an NT version").doesNotContain("no OS identity reported");
    }

    @Test
    void compliance_by_bulletin_shows_the_percentage_with_its_counts() {
        String json = server.signedIn("sec").get("/api/v1/reports/compliance-by-bulletin").body();
        // KB5000001: 6 applicable, 2 installed, 1 pending reboot, 1 required, 1 failed, 1 unknown -> 2 / 5, strict 2 / 6
        assertThat(json).contains("\"bulletin_id\":\"KB5000001\"", "\"compliance\":{\"percent\":40.0,\"numerator\":2,\"denominator\":5}",
                "\"strict_compliance\":{\"percent\":33.33,\"numerator\":2,\"denominator\":6}");
        String page = server.signedIn("sec").getHtml("/reports/compliance-by-bulletin").body();
        assertThat(page).contains("40.0 % <span class=\"counts\">(2 / 5)</span>");
    }

    @Test
    void a_regional_manager_sees_only_their_region_in_reports_and_drill_downs() {
        TestClient manager = server.signedIn("rm-eu");
        String json = manager.get("/api/v1/reports/compliance-by-bulletin").body();
        // EU: c1 installed, c2 installed, c3 required -> 2 / 3
        assertThat(json).contains("\"compliance\":{\"percent\":66.67,\"numerator\":2,\"denominator\":3}");
        assertThat(manager.get("/computers/c1").statusCode()).isEqualTo(200);
        assertThat(manager.get("/computers/c4").statusCode()).isEqualTo(404);
        assertThat(manager.get("/api/v1/computers/c5").statusCode()).isEqualTo(404);
        String bulletin = manager.get("/api/v1/bulletins/KB5000001?state=applicable").body();
        assertThat(bulletin).contains("\"c1\"", "\"c2\"", "\"c3\"").doesNotContain("\"c4\"", "\"c5\"", "\"c6\"");
        assertThat(manager.get("/api/v1/reports/regional-compliance?region=US").statusCode()).isEqualTo(403);
        String exceptions = manager.get("/api/v1/reports/exceptions").body();
        assertThat(exceptions).contains("\"e1\"").doesNotContain("\"e3\"");
        String csv = manager.get("/reports/compliance-by-computer/export?format=csv").body();
        assertThat(csv).contains("c1,eu-ws-01").doesNotContain("us-ws-01");
    }

    @Test
    void the_bulletin_page_lists_vulnerable_computers_that_link_to_the_computer_page() {
        TestClient security = server.signedIn("sec");
        String page = security.getHtml("/bulletins/KB5000001?state=vulnerable").body();
        assertThat(page).contains("href=\"/computers/c3\"", "href=\"/computers/c4\"", "href=\"/computers/c5\"")
                .doesNotContain("href=\"/computers/c1\"");
        String computer = security.getHtml("/computers/c5").body();
        assertThat(computer).contains("us-bcs-01", "<td>Failed</td>", "KB5000001");
        assertThat(security.get("/bulletins/KB9999999").statusCode()).isEqualTo(404);
    }

    @Test
    void the_dashboard_shows_headline_figures_with_counts() {
        String page = server.signedIn("sec").getHtml("/dashboard").body();
        assertThat(page).contains("overall-compliance", "SLA phase attainment", "Agent health", "Top risks", "KB5000001");
        String json = server.signedIn("exec").get("/api/v1/dashboard").body();
        assertThat(json).contains("\"compliance\":{\"applicable\":", "\"agents\":{");
    }

    @Test
    void the_bulletin_page_counts_each_region_from_the_current_states() {
        String json = server.signedIn("sec").get("/api/v1/bulletins/KB5000001").body();
        // EU: c1, c2 installed, c3 required; the headline adds every region: 2 installed of 5 known (c6 unknown)
        assertThat(json).contains("{\"region\":\"EU\",\"applicable\":3,\"installed\":2,\"pending_reboot\":0,\"required\":1,"
                        + "\"failed\":0,\"exempt\":0,\"unknown\":0,\"compliance\":{\"percent\":66.67,\"numerator\":2,\"denominator\":3}",
                "{\"percent\":40.0,\"numerator\":2,\"denominator\":5}");
        String manager = server.signedIn("rm-eu").get("/api/v1/bulletins/KB5000001").body();
        assertThat(manager).contains("{\"region\":\"EU\",\"applicable\":3,").doesNotContain("{\"region\":\"US\"");
    }

    @Test
    void cached_reports_are_recomputed_after_a_custom_severity_changes_and_metrics_show_queries_and_cache() {
        TestClient security = server.signedIn("sec");
        String before = security.get("/api/v1/reports/compliance-by-bulletin?severity=Critical").body();
        assertThat(before).contains("MS08-067").doesNotContain("(vendor: Critical)");
        assertThat(security.get("/api/v1/reports/compliance-by-bulletin?severity=Critical").body()).isEqualTo(before);
        assertThat(security.post("/admin/severities", java.util.Map.of("bulletinId", "MS08-067", "severity", "Moderate",
                "reason", "test")).statusCode()).isEqualTo(302);
        assertThat(security.get("/api/v1/reports/compliance-by-bulletin?severity=Critical").body()).contains("Moderate (vendor: Critical)");
        String metrics = server.client().metrics().body();
        assertThat(metrics).contains("patchlake_query_duration_seconds_count{query=\"compliance_by_bulletin.sql\"}",
                "patchlake_report_cache_hits_total{kind=\"compliance-by-bulletin\"}",
                "patchlake_report_cache_misses_total{kind=\"compliance-by-bulletin\"}", "patchlake_report_cache_weight ");
    }

    @Test
    void a_custom_severity_shows_beside_the_vendor_severity() {
        TestClient security = server.signedIn("sec");
        assertThat(security.get("/api/v1/reports/bulletin-details").body()).doesNotContain("Critical (vendor: Important)");
        assertThat(security.post("/admin/severities", java.util.Map.of("bulletinId", "KB5000002", "severity", "Critical",
                "reason", "exploited in our sector")).statusCode()).isEqualTo(302);
        assertThat(security.get("/api/v1/reports/bulletin-details").body()).contains("Critical (vendor: Important)");
        assertThat(security.post("/admin/severities", java.util.Map.of("bulletinId", "KB0000000", "severity", "Critical",
                "reason", "x")).statusCode()).isEqualTo(400);
    }

    @Test
    void a_return_code_stored_signed_shows_its_hex_its_signed_value_and_its_meaning() throws Exception {
        // d6: c3 got -2145124329 (= 0x80240017) and ETL recorded no meaning
        String computer = server.signedIn("rm-eu").getHtml("/computers/c3").body();
        keep("computer-c3.html", computer);
        assertThat(computer).contains("0x80240017 (-2145124329)", "WU_E_NOT_APPLICABLE: the update is not applicable to this computer");
        String delivery = server.signedIn("sec").getHtml("/reports/delivery-summary?from=2026-11-01&to=2026-11-20").body();
        assertThat(delivery).contains("0x80240017 (-2145124329)", "1603 (0x00000643)", "WU_E_NOT_APPLICABLE")
                .doesNotContain(">unknown return code<");
    }

    @Test
    void the_sla_page_draws_the_rollout_curve_against_the_phase_targets_in_the_viewers_scope() throws Exception {
        // KB5000001 (Critical, released 2026-11-02): c1 compliant on day 1 (11-03 10:00), c2 on day 4; c3 (EU), c4, c5 not;
        // c6 unknown. All regions: 5 measured; EU: c1, c2, c3.
        String all = server.signedIn("sec").get("/api/v1/reports/sla-attainment").body();
        assertThat(all).contains("\"title\":\"Rollout against Critical: 91 % in 72 h, 97 % in 4 w, 99 % in 6 mo (compliance by days since release)\"",
                "{\"day\":1,\"target\":null,\"bulletin_0\":{\"percent\":0.0,\"numerator\":0,\"denominator\":5}",
                "{\"day\":2,\"target\":null,\"bulletin_0\":{\"percent\":20.0,\"numerator\":1,\"denominator\":5}",
                "{\"day\":4,\"target\":91.0,\"bulletin_0\":{\"percent\":40.0,\"numerator\":2,\"denominator\":5}",
                "{\"day\":28,\"target\":97.0,", "{\"day\":182,\"target\":99.0,");
        // the phase targets of policies that measure only some computers (managed level) are not drawn against all computers
        assertThat(all).doesNotContain("Rollout against Critical on level");
        String page = server.signedIn("sec").getHtml("/reports/sla-attainment").body();
        assertThat(page).contains("Rollout against Critical: 91 % in 72 h, 97 % in 4 w, 99 % in 6 mo", "class=\"chart rollout\"",
                "KB5000001 (released 2026-11-02)", "phase targets", "target 91 % by day 3");
        keep("sla-attainment.html", page);
        String eu = server.signedIn("rm-eu").get("/api/v1/reports/sla-attainment").body();
        assertThat(eu).contains("{\"day\":4,\"target\":91.0,\"bulletin_0\":{\"percent\":66.67,\"numerator\":2,\"denominator\":3}");
    }

    /** Keeps a page under target/pages (with the stylesheet beside it) to look at in a browser. */
    private static void keep(String name, String html) throws java.io.IOException {
        Path pages = Path.of("target", "pages");
        java.nio.file.Files.createDirectories(pages);
        try (var css = WarehouseReportsTest.class.getResourceAsStream("/org/patchlake/web/static/patchlake.css")) {
            java.nio.file.Files.write(pages.resolve("patchlake.css"), css.readAllBytes());
        }
        java.nio.file.Files.writeString(pages.resolve(name), html.replace("/static/patchlake.css", "patchlake.css"));
    }

    @Test
    void the_exception_form_keeps_what_was_typed_shows_the_error_next_to_its_field_and_takes_a_host_name() {
        TestClient security = server.signedIn("sec");
        Map<String, String> typed = new java.util.LinkedHashMap<>(Map.of("computerId", "us-bcs-01", "bulletinId", "KB5000001",
                "owner", "NYC IT", "reason", "vendor fix pending", "expiresAt", "2001-01-01"));

        HttpResponse<String> refused = security.post("/admin/exceptions", typed);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"us-bcs-01\"", "value=\"vendor fix pending\"", "value=\"2001-01-01\"",
                "<span class=\"field-error\" id=\"error-expiresAt\">", "<span class=\"required\"").doesNotContain("Bad request");

        typed.put("computerId", "no-such-host");
        typed.put("expiresAt", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
        HttpResponse<String> unknown = security.post("/admin/exceptions", typed);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"error-computerId\">no computer with the id or host name 'no-such-host'");

        typed.put("computerId", "US-BCS-01");
        HttpResponse<String> granted = security.post("/admin/exceptions", typed);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(302);
        assertThat(security.getHtml("/admin/exceptions").body()).contains("href=\"/computers/c5\"", "vendor fix pending");
    }
}
