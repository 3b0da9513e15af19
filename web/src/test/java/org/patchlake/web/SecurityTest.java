package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CSRF on every state-changing request, bad parameters answered with 400 naming them, secure cookies. */
class SecurityTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void state_changing_forms_without_the_csrf_token_are_refused_and_change_nothing() {
        TestClient security = server.signedIn("sec");
        Map<String, String> severity = Map.of("bulletinId", "KB5034441", "severity", "Critical", "reason", "exploited in the wild");
        HttpResponse<String> missing = security.postRaw("/admin/severities", severity);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("CSRF");
        HttpResponse<String> wrong = security.postRaw("/admin/severities", Map.of("_csrf", "not-the-token", "bulletinId", "KB5034441",
                "severity", "Critical", "reason", "x"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(server.server().services().compliance().store().severities()).isEmpty();

        HttpResponse<String> ok = security.post("/admin/severities", severity);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(server.server().services().compliance().store().severities()).hasSize(1);
    }

    @Test
    void another_sessions_csrf_token_is_not_accepted() {
        TestClient first = server.signedIn("sec");
        TestClient second = server.signedIn("sec");
        assertThat(first.csrf()).isNotEqualTo(second.csrf());
        HttpResponse<String> response = first.postRaw("/admin/sla-policies", Map.of("_csrf", second.csrf(), "name", "x",
                "severity", "Critical", "clockStart", "release", "phases", "72h=91", "measured", "true", "active", "true"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void the_json_api_needs_the_csrf_header_for_state_changing_calls() {
        TestClient security = server.signedIn("sec");
        String body = "{\"computerId\":\"c-eu-2\",\"bulletinId\":\"KB5034441\",\"owner\":\"Berlin IT\",\"reason\":\"vendor appliance\","
                + "\"expiresAt\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1) + "\"}";
        HttpResponse<String> without = security.postJson("/api/v1/exceptions", body, false);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("\"error\":\"csrf\"");
        HttpResponse<String> with = security.postJson("/api/v1/exceptions", body, true);
        assertThat(with.statusCode()).isEqualTo(201);
        assertThat(with.body()).contains("\"computerId\":\"c-eu-2\"", "\"grantedBy\":\"sec\"");
        HttpResponse<String> again = security.postJson("/api/v1/exceptions", body, true);
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void sign_out_and_sign_in_forms_are_csrf_protected_too() {
        TestClient client = server.signedIn("rm-eu");
        assertThat(client.postRaw("/sign-out", Map.of()).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(client.post("/sign-out", Map.of()).statusCode()).isEqualTo(302);
        assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(401);

        TestClient fresh = server.client();
        HttpResponse<String> forged = fresh.postRaw("/sign-in", Map.of("name", "sec", "password", TestServer.PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void bad_report_parameters_get_400_naming_the_parameter_without_a_stack_trace() {
        TestClient manager = server.signedIn("rm-eu");
        Map<String, String> cases = Map.ofEntries(
                Map.entry("/api/v1/reports/compliance-by-bulletin?from=2026-13-01", "from"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?to=soon", "to"),
                Map.entry("/api/v1/reports/sla-attainment?asOf=2026-02-30", "asOf"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?severity=Apocalyptic", "severity"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?limit=0", "limit"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?limit=many", "limit"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?limit=10001", "limit"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?from=2026-11-20&to=2026-11-01", "from"),
                Map.entry("/api/v1/reports/compliance-by-bulletin?days=3", "days"),
                Map.entry("/api/v1/reports/agent-health?days=0", "days"),
                Map.entry("/api/v1/reports/agent-health?days=week", "days"),
                Map.entry("/api/v1/bulletins/KB5034441?state=sideways", "state"),
                Map.entry("/reports/compliance-by-bulletin/export?format=docx", "format"),
                Map.entry("/reports/compliance-by-bulletin/export", "format"),
                Map.entry("/api/v1/reports/compliance-by-computer?computerClass=mainframe", "computerClass"),
                Map.entry("/api/v1/reports/executive-summary?site=Berlin", "site"),
                Map.entry("/api/v1/computers/c-eu-1%3Cb%3E", "computer"),
                Map.entry("/bulletins/KB5034441%3Cscript%3E", "bulletin"),
                Map.entry("/api/v1/exceptions/x/revoke", "id"));
        cases.forEach((path, parameter) -> {
            HttpResponse<String> response = path.endsWith("/revoke") ? server.signedIn("sec").postJson(path, "{}", true) : manager.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("\"parameter\":\"" + parameter + "\"").doesNotContain("at org.", "Exception");
        });
        HttpResponse<String> page = manager.getHtml("/reports/compliance-by-bulletin?from=yesterday");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("from is not a date");
    }

    @Test
    void bad_form_and_json_input_gets_400_naming_the_field() {
        TestClient security = server.signedIn("sec");
        HttpResponse<String> json = security.postJson("/api/v1/exceptions", "{\"computerId\":\"c-eu-1\"}", true);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"parameter\":\"bulletinId\"");
        HttpResponse<String> notJson = security.postJson("/api/v1/exceptions", "{oops", true);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("\"parameter\":\"body\"");
        HttpResponse<String> outside = security.postJson("/api/v1/exceptions", "{\"computerId\":\"c-zz-9\",\"bulletinId\":\"KB5034441\","
                + "\"owner\":\"o\",\"reason\":\"r\",\"expiresAt\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1) + "\"}", true);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("\"parameter\":\"computerId\"");
        HttpResponse<String> phases = security.post("/admin/sla-policies", Map.of("name", "bad", "severity", "Critical",
                "clockStart", "release", "phases", "72 hours=91", "measured", "true"));
        assertThat(phases.statusCode()).isEqualTo(400);
        assertThat(phases.body()).contains("\"parameter\":\"phases\"");
    }

    @Test
    void session_cookie_is_http_only_and_same_site_strict() {
        TestClient client = server.client();
        HttpResponse<String> form = client.get("/sign-in");
        assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).contains("patchlake_sign_in=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        TestClient signedIn = server.client();
        signedIn.signIn("sec", TestServer.PASSWORD);
        // the session cookie header was seen by the sign-in POST: check it directly
        HttpResponse<String> page = signedIn.get("/sign-in");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> post = signedIn.postRaw("/sign-in", Map.of("_csrf", m.group(1), "name", "sec", "password", TestServer.PASSWORD));
        List<String> cookies = post.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("patchlake_session=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure;"));
        assertThat(post.headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void sign_in_never_redirects_off_site() {
        TestClient client = server.client();
        HttpResponse<String> form = client.get("/sign-in?next=//evil.example/x");
        assertThat(form.body()).contains("name=\"next\" value=\"/dashboard\"");
    }

    @Test
    void pages_carry_security_headers() {
        HttpResponse<String> page = server.signedIn("sec").get("/dashboard");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
