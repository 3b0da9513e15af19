package org.patchlake.web.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.Policy;
import org.patchlake.reports.query.FixtureWarehouse;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.BusinessCalendar;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.report.CsvExportService;
import org.patchlake.web.users.UserStore;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;
import org.patchlake.web.warehouse.WarehouseReportService;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What to install, as the computer page, its JSON route, Compliance by Computer and remediation show and use it (the
 * install plan the ETL writes into the snapshot). c7 (EU, Windows 11) lacks the August, September and
 * October cumulative updates of its stream and September's out-of-band package, a side branch: Microsoft lists the
 * out-of-band package as superseding September's, but October's as superseding only September's, so the head of the
 * published chain for the out-of-band package is the package itself. The ETL's plan (cumulative servicing: October's
 * update covers every earlier one of the stream) installs October's update for all four, as the snapshot says.
 */
class WhatToInstallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POLICY_URL = Pattern.compile("/remediation/policies/([0-9]+)");
    private static final String P1 = "Windows 11 Version 23H2 for x64-based Systems";
    private static final String AUGUST = "KB5001001";
    private static final String SEPTEMBER = "KB5002002";
    private static final String OUT_OF_BAND = "KB5002900";
    private static final String OCTOBER = "KB5003003";

    @TempDir
    static Path data;
    static TestServer server;
    static QueryLayer queries;

    @BeforeAll
    static void start() throws Exception {
        Path warehouse = data.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, "s-20261120123000000", c7(), FixtureWarehouse.PUBLISHED_AT);
        queries = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()));
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> WarehouseReportService.over(queries, store),
                reports -> new CsvExportService(reports, Clock.systemUTC()), new QueryLayerRemediationWarehouse(queries));
        server.server().services().users().create("it-all", new UserStore.UserDetails("Ada All", EnumSet.of(Role.IT_ADMIN),
                Scope.everything(), false, ZoneId.of("UTC")), new PasswordHasher(4).hash(TestServer.PASSWORD));
    }

    /** c7's catalog entries, its plan and its states, as the ETL writes them. */
    static String c7() {
        StringBuilder sql = new StringBuilder("INSERT INTO computers SELECT * REPLACE ('c7' AS computer_id, 'eu-ws-07' AS hostname, "
                + "['" + OCTOBER + "'] AS install_kbs) "
                + "FROM computers WHERE computer_id = 'c1';\n");
        String[][] updates = {{AUGUST, "2026-08-11", "2026-08 Cumulative Update", "true"}, {SEPTEMBER, "2026-09-08", "2026-09 Cumulative Update", "true"},
                {OUT_OF_BAND, "2026-09-20", "2026-09 Out-of-band Update", "false"}, {OCTOBER, "2026-10-14", "2026-10 Cumulative Update", "false"}};
        for (String[] u : updates) {
            sql.append("INSERT INTO bulletins VALUES ('").append(u[0]).append("','").append(u[2]).append("','Critical','Remote Code Execution','")
                    .append(u[1]).append("',NULL,1,false,").append(u[3]).append(",1);\n");
            sql.append("INSERT INTO updates VALUES ('").append(u[0]).append('|').append(P1).append("','").append(u[0]).append("','").append(u[0])
                    .append("','").append(P1).append("','','Critical','Remote Code Execution','").append(u[1]).append("',false,'always',[]);\n");
            sql.append("INSERT INTO update_state VALUES ('c7','").append(u[0]).append('|').append(P1).append("','").append(u[0]).append("','")
                    .append(u[0]).append("','").append(P1).append("','REQUIRED','").append(u[1]).append(" 00:00','").append(u[1])
                    .append(" 00:00',NULL,NULL,0,'EU','eu-ber','workstation',2,'").append(OCTOBER).append("');\n");
            sql.append("INSERT INTO bulletin_state VALUES ('c7','").append(u[0]).append("','REQUIRED','").append(u[1])
                    .append(" 00:00',NULL,'EU','eu-ber','workstation',2);\n");
        }
        // Microsoft's published supersedence: the side branch is not listed as superseded by October's update
        sql.append("INSERT INTO update_supersedence VALUES ('" + AUGUST + "','" + P1 + "','" + SEPTEMBER + "'), ('" + AUGUST + "','" + P1 + "','"
                + OCTOBER + "'), ('" + SEPTEMBER + "','" + P1 + "','" + OCTOBER + "'), ('" + SEPTEMBER + "','" + P1 + "','" + OUT_OF_BAND
                + "'), ('" + AUGUST + "','" + P1 + "','" + OUT_OF_BAND + "');\n");
        return sql.toString();
    }

    @AfterAll
    static void stop() {
        server.close();
        queries.close();
    }

    @Test
    void the_computer_page_says_what_to_install_and_links_each_required_update_to_the_update_that_fixes_it() {
        String page = server.signedIn("it-all").getHtml("/computers/c7").body();
        assertThat(page).contains("What to install: install " + OCTOBER + " to fix these 4",
                "<a id=\"install-" + OCTOBER + "\" href=\"#install-" + OCTOBER + "\" class=\"planned-install\">" + OCTOBER + "</a>",
                "2026-10-14", P1);
        assertThat(Pattern.compile(Pattern.quote("<a href=\"#install-" + OCTOBER + "\" class=\"drill\">→ " + OCTOBER + "</a>"))
                .matcher(page).results().count()).as("one link from each required update").isEqualTo(4);
        // c3 needs KB5000001 (itself); c2 has nothing to install
        assertThat(server.signedIn("it-all").getHtml("/computers/c3").body()).contains("install KB5000001 to fix this 1");
        assertThat(server.signedIn("it-all").getHtml("/computers/c2").body()).contains("What to install: nothing to install");
    }

    @Test
    void the_computer_json_route_carries_the_plan() throws Exception {
        var json = JSON.readTree(server.signedIn("it-all").get("/api/v1/computers/c7").body());
        assertThat(json.get("figures").findValuesAsText("value")).contains("install " + OCTOBER + " to fix these 4");
        var plan = json.get("tables").get(0);
        assertThat(plan.get("title").asText()).isEqualTo("What to install: install " + OCTOBER + " to fix these 4");
        assertThat(plan.get("rows")).singleElement().satisfies(row -> {
            assertThat(row.get("kb").asText()).isEqualTo(OCTOBER);
            assertThat(row.get("released").asText()).isEqualTo("2026-10-14");
            assertThat(row.get("fixes").asLong()).isEqualTo(4);
            assertThat(row.get("products").asText()).isEqualTo(P1);
        });
        var updates = json.get("tables").get(1).get("rows");
        assertThat(updates).hasSize(4).allSatisfy(row -> assertThat(row.get("install_kb").asText()).isEqualTo(OCTOBER));
    }

    @Test
    void compliance_by_computer_lists_what_to_install_on_the_page_and_in_the_csv_export() {
        TestClient admin = server.signedIn("it-all");
        String page = admin.getHtml("/reports/compliance-by-computer").body();
        assertThat(page).contains("<th class=\"num\"># to install</th><th>To install</th>");
        String csv = admin.get("/reports/compliance-by-computer/export?format=csv").body();
        assertThat(csv.lines().filter(line -> line.startsWith("c7,"))).singleElement().satisfies(line ->
                assertThat(line).endsWith(",1," + OCTOBER));
        assertThat(csv.lines().filter(line -> line.startsWith("c1,"))).singleElement().satisfies(line ->
                assertThat(line).endsWith(",1,KB5000002"));
        // with a severity filter: only the planned updates that fix required updates of that severity
        String important = admin.get("/reports/compliance-by-computer/export?format=csv&severity=Important").body();
        assertThat(important.lines().filter(line -> line.startsWith("c7,"))).isEmpty();
        assertThat(important.lines().filter(line -> line.startsWith("c1,"))).singleElement().satisfies(line ->
                assertThat(line).endsWith(",1,KB5000002"));
    }

    @Test
    void the_confirmation_names_the_newest_cumulative_update_once_with_the_required_updates_it_fixes() {
        TestClient admin = server.signedIn("it-all");
        String form = admin.getHtml("/remediation/new?source=computer&computerId=c7&report=compliance-by-computer").body();
        assertThat(form).contains("This policy will target <strong>1</strong> computer (1 computer x update pairs)",
                "<span class=\"install-kb\">" + OCTOBER + "</span> <span class=\"muted fixes\">(fixes "
                        + String.join(", ", AUGUST, SEPTEMBER, OUT_OF_BAND, OCTOBER) + ")</span>");
        assertThat(Pattern.compile("class=\"install-kb\"").matcher(form).results().count()).isEqualTo(1);
        assertThat(form).doesNotContain("<span class=\"install-kb\">" + OUT_OF_BAND);
    }

    @Test
    void the_policy_freezes_one_install_of_it_and_the_agent_is_told_to_install_that_update() throws Exception {
        TestClient admin = server.signedIn("it-all");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", "plan-" + UUID.randomUUID());
        form.put("source", "computer");
        form.put("computerId", "c7");
        form.put("report", "compliance-by-computer");
        form.put("schedule", "now");
        form.put("reboot", "end-of-cycle");
        form.put("maxRetries", "3");
        form.put("expectedTargets", "1");
        HttpResponse<String> created = admin.post("/remediation", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Matcher location = POLICY_URL.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(location.find()).isTrue();
        long id = Long.parseLong(location.group(1));

        RemediationService service = server.server().remediation().service();
        RemediationPolicy policy = service.store().policy(id).orElseThrow();
        assertThat(policy.definition().kbs()).containsExactly(OCTOBER);
        assertThat(policy.definition().replacements()).extracting(RemediationDefinition.Replacement::requiredKb,
                RemediationDefinition.Replacement::installKb).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(AUGUST, OCTOBER),
                org.assertj.core.groups.Tuple.tuple(SEPTEMBER, OCTOBER), org.assertj.core.groups.Tuple.tuple(OUT_OF_BAND, OCTOBER));
        assertThat(service.store().targets(id)).singleElement().satisfies(target -> {
            assertThat(target.computerId()).isEqualTo("c7");
            assertThat(target.updates()).extracting(RemediationTarget.Update::kb).containsExactly(OCTOBER);
        });
        assertThat(admin.getHtml("/remediation/policies/" + id).body())
                .contains(OUT_OF_BAND + " (" + P1 + ") is superseded or covered by " + OCTOBER + ": installing " + OCTOBER + " fixes it.");

        Policy received = server.server().remediation().policySource(() -> "http://patchlake.test:7070")
                .policiesFor("c7", Instant.now(), AgentSettings.DEFAULTS).policies().stream()
                .filter(p -> p.policyId().equals(policy.wireId())).findFirst().orElseThrow();
        assertThat(received.updates()).singleElement().satisfies(update -> {
            assertThat(update.kb()).isEqualTo(OCTOBER);
            assertThat(update.downloadUrl()).isEqualTo("http://patchlake.test:7070/packages/" + OCTOBER + ".msu");
        });
    }

    @Test
    void a_bulletin_row_of_the_out_of_band_update_installs_the_cumulative_update_that_covers_it() throws Exception {
        TestClient admin = server.signedIn("it-all");
        HttpResponse<String> created = admin.postJson("/api/v1/remediations", "{\"idempotencyKey\":\"oob-" + UUID.randomUUID()
                + "\",\"source\":\"bulletin\",\"bulletinId\":\"" + OUT_OF_BAND + "\"}", true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(server.server().remediation().service().store().targets(id)).singleElement().satisfies(target ->
                assertThat(target.updates()).extracting(RemediationTarget.Update::kb, RemediationTarget.Update::requiredKb)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(OCTOBER, OUT_OF_BAND)));
        assertThat(created.body()).contains("\"installKb\":\"" + OCTOBER + "\"");
    }
}
