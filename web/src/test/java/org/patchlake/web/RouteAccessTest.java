package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route x every role on a real server: allowed, forbidden (403) or outside the scope (404); state-changing
 * routes with a valid CSRF token, so a 403 means the role, not the token.
 */
class RouteAccessTest {
    @TempDir
    static Path data;
    static TestServer server;
    static final Map<String, TestClient> clients = new HashMap<>();

    private static final Set<String> ALL = Set.copyOf(TestServer.USERS);
    private static final Set<String> COMPLIANCE = Set.of("sec", "rm-eu", "it-na", "it-berlin");
    private static final Set<String> SUMMARY = Set.of("sec", "rm-eu", "it-na", "it-berlin", "exec");
    private static final Set<String> DRILL_DOWNS = SUMMARY;
    private static final Set<String> AGENT_HEALTH = Set.of("sec", "rm-eu", "it-na", "it-berlin", "plat");

    @BeforeAll
    static void start() {
        server = new TestServer(data);
        for (String user : TestServer.USERS) {
            clients.put(user, server.signedIn(user));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Route -> the users allowed (200); everyone else gets 403. */
    private static Map<String, Set<String>> routes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("/dashboard", ALL);
        routes.put("/reports", ALL);
        for (String report : List.of("compliance-by-bulletin", "compliance-by-computer", "compliance-by-update", "sla-attainment",
                "delivery-summary", "reboot-status", "vulnerability-summary", "bulletin-details", "exceptions",
                "detection-agreement")) {
            routes.put("/reports/" + report, COMPLIANCE);
            routes.put("/api/v1/reports/" + report, COMPLIANCE);
        }
        for (String report : List.of("compliance-by-bulletin", "compliance-by-computer", "compliance-by-update", "sla-attainment",
                "delivery-summary", "reboot-status", "vulnerability-summary", "bulletin-details", "exceptions",
                "detection-agreement")) {
            routes.put("/reports/" + report + "/export?format=csv", COMPLIANCE);
        }
        for (String report : List.of("regional-compliance", "executive-summary")) {
            routes.put("/reports/" + report, SUMMARY);
            routes.put("/api/v1/reports/" + report, SUMMARY);
            routes.put("/reports/" + report + "/export?format=csv", SUMMARY);
        }
        routes.put("/schedules", Set.of("sec", "rm-eu"));
        routes.put("/api/v1/schedules", Set.of("sec", "rm-eu"));
        routes.put("/reports/agent-health", AGENT_HEALTH);
        routes.put("/api/v1/reports/agent-health", AGENT_HEALTH);
        routes.put("/reports/agent-health/export?format=csv", AGENT_HEALTH);
        routes.put("/bulletins/KB5034441", DRILL_DOWNS);
        routes.put("/api/v1/bulletins/KB5034441", DRILL_DOWNS);
        routes.put("/admin/users", Set.of("plat", "sec"));
        routes.put("/admin/tokens", Set.of("plat"));
        routes.put("/admin/computers", Set.of("plat"));
        routes.put("/admin/users/1", Set.of("plat", "sec"));
        routes.put("/jobs", ALL);
        routes.put("/api/v1/jobs", Set.of("plat"));
        routes.put("/admin/severities", Set.of("sec"));
        routes.put("/admin/sla-policies", Set.of("sec"));
        routes.put("/admin/exceptions", Set.of("sec"));
        routes.put("/admin/audit", Set.of("sec", "plat"));
        routes.put("/api/v1/me", ALL);
        routes.put("/api/v1/reports", ALL);
        routes.put("/api/v1/snapshot", ALL);
        routes.put("/api/v1/dashboard", ALL);
        return routes;
    }

    @Test
    void every_route_answers_each_role_with_allowed_or_forbidden() {
        List<String> wrong = new ArrayList<>();
        routes().forEach((route, allowed) -> {
            for (String user : TestServer.USERS) {
                int expected = allowed.contains(user) ? 200 : 403;
                int actual = clients.get(user).get(route).statusCode();
                if (actual != expected) {
                    wrong.add(route + " as " + user + ": expected " + expected + ", got " + actual);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** State-changing route -> the users allowed past the role check; everyone else gets 403 and nothing changes. */
    private static Map<String, Set<String>> changes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("/admin/users", Set.of("plat", "sec"));
        routes.put("/admin/users/1", Set.of("plat", "sec"));
        routes.put("/admin/users/1/password", Set.of("plat"));
        routes.put("/admin/tokens", Set.of("plat"));
        routes.put("/admin/tokens/t-1/revoke", Set.of("plat"));
        routes.put("/admin/computers/c-1/move", Set.of("plat"));
        routes.put("/api/v1/computers/c-1/move", Set.of("plat"));
        routes.put("/admin/severities", Set.of("sec"));
        routes.put("/admin/severities/KB5034441/clear", Set.of("sec"));
        routes.put("/admin/sla-policies", Set.of("sec"));
        routes.put("/admin/exceptions", Set.of("sec"));
        routes.put("/admin/exceptions/1/revoke", Set.of("sec"));
        routes.put("/jobs/etl", Set.of("plat"));
        routes.put("/api/v1/exceptions", Set.of("sec"));
        routes.put("/api/v1/exceptions/1/revoke", Set.of("sec"));
        routes.put("/api/v1/jobs/etl", Set.of("plat"));
        routes.put("/reports/compliance-by-bulletin/export?format=csv", COMPLIANCE);
        routes.put("/reports/executive-summary/export?format=csv", SUMMARY);
        routes.put("/reports/agent-health/export?format=csv", AGENT_HEALTH);
        return routes;
    }

    @Test
    void every_state_changing_route_refuses_the_roles_without_its_permission() {
        List<String> wrong = new ArrayList<>();
        changes().forEach((route, allowed) -> {
            for (String user : TestServer.USERS) {
                if (allowed.contains(user)) {
                    continue;
                }
                HttpResponse<String> response = route.startsWith("/api/")
                        ? clients.get(user).postJson(route, "{}", true) : clients.get(user).post(route, Map.of());
                if (response.statusCode() != 403) {
                    wrong.add("POST " + route + " as " + user + ": expected 403, got " + response.statusCode());
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(clients.get("sec").get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void every_state_changing_route_lets_the_roles_with_its_permission_past_the_role_check() {
        List<String> wrong = new ArrayList<>();
        changes().forEach((route, allowed) -> {
            String user = allowed.stream().sorted().findFirst().orElseThrow();
            if (route.startsWith("/admin/users") || route.startsWith("/admin/tokens")) {
                return; // answered by the role check above; changing users or tokens here would disturb the other tests
            }
            HttpResponse<String> response = route.startsWith("/api/")
                    ? clients.get(user).postJson(route, "{}", true) : clients.get(user).post(route, Map.of());
            if (response.statusCode() == 403 || response.statusCode() == 500) {
                wrong.add("POST " + route + " as " + user + ": got " + response.statusCode() + " " + response.body());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void computer_pages_are_found_only_inside_the_viewers_scope() {
        // c-eu-1 is in EU/Berlin, c-na-1 in NA/Boston
        Map<String, Integer> euComputer = Map.of("sec", 200, "rm-eu", 200, "it-na", 404, "it-berlin", 200, "exec", 200, "plat", 403);
        Map<String, Integer> naComputer = Map.of("sec", 200, "rm-eu", 404, "it-na", 200, "it-berlin", 404, "exec", 200, "plat", 403);
        List<String> wrong = new ArrayList<>();
        for (String prefix : List.of("/computers/", "/api/v1/computers/", "/reports/detection-agreement/computers/",
                "/api/v1/reports/detection-agreement/computers/")) {
            // an executive opens the computer page (a summary's drill-down), not the detection agreement report
            boolean detailReport = prefix.contains("detection-agreement");
            for (String user : TestServer.USERS) {
                int eu = clients.get(user).get(prefix + "c-eu-1").statusCode();
                int na = clients.get(user).get(prefix + "c-na-1").statusCode();
                int expectedEu = detailReport && user.equals("exec") ? 403 : euComputer.get(user);
                int expectedNa = detailReport && user.equals("exec") ? 403 : naComputer.get(user);
                if (eu != expectedEu) {
                    wrong.add(prefix + "c-eu-1 as " + user + ": " + eu);
                }
                if (na != expectedNa) {
                    wrong.add(prefix + "c-na-1 as " + user + ": " + na);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_regional_manager_cannot_ask_for_another_regions_data() {
        TestClient manager = clients.get("rm-eu");
        HttpResponse<String> region = manager.get("/api/v1/reports/compliance-by-bulletin?region=NA");
        assertThat(region.statusCode()).isEqualTo(403);
        assertThat(region.body()).contains("region 'NA' is outside your scope");
        assertThat(manager.get("/api/v1/reports/compliance-by-computer?site=Boston").statusCode()).isEqualTo(403);
        assertThat(manager.get("/reports/regional-compliance?region=NA").statusCode()).isEqualTo(403);
        assertThat(manager.get("/bulletins/KB5034441?region=NA").statusCode()).isEqualTo(403);
        assertThat(manager.get("/reports/compliance-by-bulletin/export?format=csv&region=NA").statusCode()).isEqualTo(403);

        HttpResponse<String> bulletin = manager.get("/api/v1/bulletins/KB5034441");
        assertThat(bulletin.body()).contains("c-eu-1", "c-eu-2", "c-eu-3").doesNotContain("c-na-1", "c-na-2");
        HttpResponse<String> computers = manager.get("/api/v1/reports/compliance-by-computer");
        assertThat(computers.body()).contains("c-eu-1").doesNotContain("c-na-");
        HttpResponse<String> csv = manager.get("/reports/compliance-by-computer/export?format=csv");
        assertThat(csv.body()).contains("c-eu-1").doesNotContain("c-na-");
    }

    @Test
    void a_site_scoped_administrator_sees_only_that_site() {
        TestClient berlin = clients.get("it-berlin");
        HttpResponse<String> computers = berlin.get("/api/v1/reports/compliance-by-computer");
        assertThat(computers.body()).contains("c-eu-1", "c-eu-2").doesNotContain("c-eu-3", "c-na-");
        assertThat(berlin.get("/api/v1/reports/compliance-by-computer?region=EU").statusCode()).isEqualTo(403);
        assertThat(berlin.get("/api/v1/reports/compliance-by-computer?site=Berlin").statusCode()).isEqualTo(200);
        assertThat(berlin.get("/computers/c-eu-3").statusCode()).isEqualTo(404);
    }

    @Test
    void anonymous_visitors_are_sent_to_sign_in_and_api_calls_get_401() {
        TestClient anonymous = server.client();
        HttpResponse<String> page = anonymous.get("/reports/compliance-by-bulletin?severity=Critical");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("/sign-in?next=").contains("compliance-by-bulletin"));
        HttpResponse<String> api = anonymous.get("/api/v1/reports/compliance-by-bulletin");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\":\"unauthenticated\"");
        assertThat(anonymous.get("/computers/c-eu-1").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/static/patchlake.css").statusCode()).isEqualTo(200);
    }

    @Test
    void an_executive_follows_the_drill_downs_of_the_summaries_but_sees_no_link_to_detail_reports() {
        HttpResponse<String> dashboard = clients.get("exec").getHtml("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("overall-compliance", "href=\"/bulletins/KB5034441\"")
                .doesNotContain("href=\"/reports/compliance-by-bulletin");
        String summary = clients.get("exec").getHtml("/reports/executive-summary").body();
        assertThat(summary).contains("href=\"/bulletins/");
        String regional = clients.get("exec").getHtml("/reports/regional-compliance").body();
        assertThat(regional).contains("href=\"/computers/");
        assertThat(clients.get("plat").getHtml("/dashboard").body()).doesNotContain("href=\"/reports/regional-compliance")
                .doesNotContain("href=\"/bulletins/");
    }

    /**
     * Every link a role is shown, on its dashboard, its reports and the pages they link to, opens for that role: no page
     * draws a link to a 403.
     */
    @Test
    void no_role_is_shown_a_link_it_may_not_follow() {
        List<String> forbidden = new ArrayList<>();
        for (String user : TestServer.USERS) {
            TestClient client = clients.get(user);
            java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of("/dashboard", "/reports"));
            Set<String> seen = new java.util.HashSet<>(pending);
            int followed = 0;
            while (!pending.isEmpty() && followed < 250) {
                String page = pending.removeFirst();
                HttpResponse<String> response = client.getHtml(page);
                followed++;
                if (response.statusCode() == 403) {
                    forbidden.add(user + ": " + page);
                    continue;
                }
                java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/[^\"#]*)\"").matcher(response.body());
                while (links.find()) {
                    String link = links.group(1).replace("&amp;", "&");
                    if (!link.startsWith("/static/") && !link.contains("/export") && !link.contains("/download") && seen.add(link)) {
                        pending.addLast(link);
                    }
                }
            }
        }
        assertThat(forbidden).isEmpty();
    }

    @Test
    void out_of_scope_ids_answer_exactly_as_ids_that_do_not_exist() throws Exception {
        TestClient manager = clients.get("rm-eu");
        for (String path : List.of("/computers/%s", "/api/v1/computers/%s")) {
            assertSameAnswer(manager, path, "c-na-1", "c-zz-9");
        }

        server.server().services().users().create("sec-eu", new org.patchlake.web.users.UserStore.UserDetails("Sue Security",
                java.util.EnumSet.of(org.patchlake.web.auth.Role.SECURITY_ADMIN), org.patchlake.web.auth.Scope.of(Set.of("EU"), Set.of()),
                false, java.time.ZoneOffset.UTC), new org.patchlake.web.auth.PasswordHasher(4).hash(TestServer.PASSWORD));
        TestClient scopedSecurity = server.signedIn("sec-eu");
        HttpResponse<String> granted = clients.get("sec").postJson("/api/v1/exceptions", "{\"computerId\":\"c-na-1\",\"bulletinId\":"
                + "\"KB5034441\",\"owner\":\"Boston IT\",\"reason\":\"lab\",\"expiresAt\":\""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30) + "\"}", true);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String exception = new com.fasterxml.jackson.databind.ObjectMapper().readTree(granted.body()).get("id").asText();
        assertSamePostAnswer(scopedSecurity, "/api/v1/exceptions/%s/revoke", exception, "987654");
        assertThat(scopedSecurity.getHtml("/admin/exceptions").body()).doesNotContain("c-na-1");
        assertThat(clients.get("sec").getHtml("/admin/exceptions").body()).contains("c-na-1");

        HttpResponse<String> export = clients.get("sec").post("/reports/compliance-by-bulletin/export?format=csv", Map.of());
        String job = export.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
        for (String path : List.of("/jobs/%s", "/api/v1/jobs/%s", "/jobs/%s/download")) {
            assertSameAnswer(clients.get("it-na"), path, job, "00000000-0000-0000-0000-000000000000");
        }

        HttpResponse<String> schedule = clients.get("sec").postJson("/api/v1/schedules", "{\"report\":\"regional-compliance\","
                + "\"recipients\":\"a@example.org\",\"cron\":\"@weekly\"}", true);
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
        String scheduleId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schedule.body()).get("id").asText();
        assertSameAnswer(manager, "/api/v1/schedules/%s", scheduleId, "987654");
    }

    private static void assertSameAnswer(TestClient client, String path, String outOfScope, String unknown) {
        compare(client.get(path.formatted(outOfScope)), client.get(path.formatted(unknown)), path, outOfScope, unknown);
    }

    private static void assertSamePostAnswer(TestClient client, String path, String outOfScope, String unknown) {
        compare(client.postJson(path.formatted(outOfScope), "{}", true), client.postJson(path.formatted(unknown), "{}", true), path,
                outOfScope, unknown);
    }

    private static void compare(HttpResponse<String> outside, HttpResponse<String> missing, String path, String outOfScope, String unknown) {
        assertThat(outside.statusCode()).as(path + " out of scope: " + outside.body()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(outside.body().replace(outOfScope, "ID")).as(path).isEqualTo(missing.body().replace(unknown, "ID"));
    }
}
