package org.patchlake.web.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.WebServer;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, editing and deleting schedules through the pages and the API: checks, CSRF, who may see what, the audit log. */
class ScheduleRoutesTest {
    @TempDir
    static Path data;
    static TestServer server;
    static final ObjectMapper JSON = WebServer.json();

    @BeforeAll
    static void start() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("report", "executive-summary");
        form.put("parameters", "");
        form.put("format", "pdf");
        form.put("recipients", "ceo@example.org, cfo@example.org");
        form.put("cron", "0 7 * * MON");
        form.put("timeZone", "Europe/Berlin");
        form.put("subject", "Weekly compliance");
        form.put("message", "Figures attached.");
        form.put("enabled", "true");
        return form;
    }

    static Map<String, String> with(String field, String value) {
        Map<String, String> form = validForm();
        form.put(field, value);
        return form;
    }

    static HttpResponse<String> put(TestClient client, String path, String json, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf) {
            request.header(AccessControl.CSRF_HEADER, client.csrf());
        }
        return client.send(request.build());
    }

    static HttpResponse<String> delete(TestClient client, String path) {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).header(AccessControl.CSRF_HEADER, client.csrf())
                .DELETE().build());
    }

    @Test
    void bad_form_input_is_a_400_naming_the_field() {
        TestClient security = server.signedIn("sec");
        int before = server.server().services().schedules().visible(server.server().services().users().findByName("sec").orElseThrow()).size();
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("report", with("report", "no-such-report"));
        cases.put("parameters", with("parameters", "severity=Urgent"));
        cases.put("format", with("format", "docx"));
        cases.put("recipients", with("recipients", "ceo@example.org, not-an-address"));
        cases.put("cron", with("cron", "61 7 * * *"));
        cases.put("timeZone", with("timeZone", "Mars/Olympus_Mons"));
        cases.put("subject", with("subject", "Weekly\r\nBcc: everyone@example.org"));
        for (Map.Entry<String, Map<String, String>> entry : cases.entrySet()) {
            HttpResponse<String> response = security.post("/schedules", entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.body()).as(entry.getKey()).contains("\"parameter\":\"" + entry.getKey() + "\"");
        }
        HttpResponse<String> page = security.send(HttpRequest.newBuilder(URI.create(server.url("/schedules")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + security.csrf() + "&report=executive-summary&recipients=a%40example.org"
                        + "&cron=0+25+*+*+*")).build());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Parameter: <code>cron</code>", "hour field '25': Value 25 not in range [0, 23]");
        assertThat(server.server().services().schedules().visible(server.server().services().users().findByName("sec").orElseThrow()))
                .as("nothing stored").hasSize(before);
    }

    @Test
    void bad_api_input_is_a_400_naming_the_field_and_edits_are_checked_the_same_way() throws IOException {
        TestClient manager = server.signedIn("rm-eu");
        HttpResponse<String> outside = manager.postJson("/api/v1/schedules", """
                {"report": "regional-compliance", "parameters": {"region": "US"}, "recipients": ["a@example.org"], "cron": "@weekly"}""", true);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("\"parameter\":\"parameters\"", "region 'US' is outside the owner's scope (regions EU)");
        HttpResponse<String> notAllowed = manager.postJson("/api/v1/schedules", """
                {"report": "all-the-secrets", "recipients": "a@example.org", "cron": "@weekly"}""", true);
        assertThat(notAllowed.statusCode()).isEqualTo(400);
        assertThat(notAllowed.body()).contains("\"parameter\":\"report\"");
        assertThat(manager.postJson("/api/v1/schedules", "[1, 2]", true).body()).contains("\"parameter\":\"body\"");

        HttpResponse<String> created = manager.postJson("/api/v1/schedules", """
                {"report": "regional-compliance", "parameters": {"region": "EU", "severity": "Critical"}, "format": "xlsx",
                 "recipients": "a@example.org; B@example.org, a@example.org", "cron": "30 6 1 * *", "timeZone": "UTC"}""", true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode schedule = JSON.readTree(created.body());
        long id = schedule.get("id").asLong();
        assertThat(schedule.get("recipients")).hasSize(2);
        assertThat(schedule.get("subject").asText()).isEqualTo("Regional Compliance (Patchlake)");
        assertThat(schedule.get("parameters").get("severity").asText()).isEqualTo("Critical");

        HttpResponse<String> badEdit = put(manager, "/api/v1/schedules/" + id, """
                {"report": "regional-compliance", "recipients": "a@example.org", "cron": "0 7 * * FUNDAY"}""", true);
        assertThat(badEdit.statusCode()).isEqualTo(400);
        assertThat(badEdit.body()).contains("\"parameter\":\"cron\"", "day-of-week field");
        HttpResponse<String> edit = put(manager, "/api/v1/schedules/" + id, """
                {"report": "regional-compliance", "recipients": "a@example.org", "cron": "0 7 * * 1-5", "timeZone": "Europe/Paris",
                 "enabled": false}""", true);
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        JsonNode edited = JSON.readTree(edit.body());
        assertThat(edited.get("enabled").asBoolean()).isFalse();
        assertThat(edited.get("nextRunAt").isNull()).as("paused").isTrue();
        assertThat(edited.get("updatedBy").asText()).isEqualTo("rm-eu");

        // someone else's schedule is not there for a regional manager; a security administrator manages all of them
        TestClient security = server.signedIn("sec");
        assertThat(security.get("/api/v1/schedules/" + id).statusCode()).isEqualTo(200);
        long own = JSON.readTree(security.postJson("/api/v1/schedules", """
                {"report": "executive-summary", "recipients": "ceo@example.org", "cron": "@monthly"}""", true).body()).get("id").asLong();
        assertThat(manager.get("/api/v1/schedules/" + own).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(manager.get("/api/v1/schedules").body()).findValuesAsText("id")).doesNotContain(Long.toString(own));

        assertThat(delete(manager, "/api/v1/schedules/" + id).statusCode()).isEqualTo(204);
        assertThat(manager.get("/api/v1/schedules/" + id).statusCode()).isEqualTo(404);
        List<String> audit = server.server().services().audit().recent(50).stream()
                .filter(entry -> entry.target().equals("schedule:" + id)).map(AuditLog.Entry::action).toList();
        assertThat(audit).containsExactly("schedule_deleted", "schedule_updated", "schedule_created");
        AuditLog.Entry updated = server.server().services().audit().recent(50).stream()
                .filter(entry -> entry.target().equals("schedule:" + id) && entry.action().equals("schedule_updated")).findFirst().orElseThrow();
        assertThat(updated.before()).contains("\"cron\":\"30 6 1 * *\"");
        assertThat(updated.after()).contains("\"cron\":\"0 7 * * 1-5\"", "\"enabled\":false");
        assertThat(updated.actor()).isEqualTo("rm-eu");
    }

    @Test
    void state_changing_requests_without_the_csrf_token_are_refused() {
        TestClient security = server.signedIn("sec");
        Map<String, String> form = validForm();
        assertThat(security.postRaw("/schedules", form).statusCode()).isEqualTo(403);
        form.put("_csrf", "wrong");
        assertThat(security.postRaw("/schedules", form).statusCode()).isEqualTo(403);
        assertThat(security.postJson("/api/v1/schedules", """
                {"report": "executive-summary", "recipients": "ceo@example.org", "cron": "@daily"}""", false).statusCode()).isEqualTo(403);
        assertThat(put(security, "/api/v1/schedules/1", "{}", false).statusCode()).isEqualTo(403);
        assertThat(security.postRaw("/schedules/1/send", Map.of()).statusCode()).isEqualTo(403);
        assertThat(security.postRaw("/schedules/1/delete", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void the_pages_create_show_change_and_send_a_schedule_and_say_that_mail_is_not_configured() {
        TestClient security = server.signedIn("sec");
        HttpResponse<String> created = security.post("/schedules", validForm());
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/schedules/[0-9]+\\?done=.*");
        String path = location.substring(0, location.indexOf('?'));
        String page = security.getHtml(path).body();
        assertThat(page).contains("Weekly compliance", "ceo@example.org, cfo@example.org", "0 7 * * MON in Europe/Berlin",
                "id=\"mail-not-configured\"", "id=\"send-now\"", "not sent yet");
        Map<String, String> changed = with("recipients", "board@example.org");
        assertThat(security.post(path, changed).statusCode()).isEqualTo(302);
        assertThat(security.getHtml(path).body()).contains("board@example.org").doesNotContain("cfo@example.org");
        assertThat(security.post(path + "/send", Map.of()).statusCode()).isEqualTo(302);
        String list = security.getHtml("/schedules").body();
        assertThat(list).contains("board@example.org", "href=\"" + path + "\"");
        assertThat(security.getHtml("/dashboard").body()).contains("href=\"/schedules\"");

        // roles without the permission get neither the page nor the API
        TestClient executive = server.signedIn("exec");
        assertThat(executive.getHtml("/schedules").statusCode()).isEqualTo(403);
        assertThat(executive.get("/api/v1/schedules").statusCode()).isEqualTo(403);
        assertThat(executive.getHtml("/dashboard").body()).doesNotContain("href=\"/schedules\"");
        assertThat(server.signedIn("it-na").get("/api/v1/schedules").statusCode()).isEqualTo(403);
        assertThat(security.get("/schedules/abc").statusCode()).isEqualTo(400);
    }
}
