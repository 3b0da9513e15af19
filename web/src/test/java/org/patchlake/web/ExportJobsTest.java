package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports run as jobs: the request returns at once, the job page shows progress, only the starter may download. */
class ExportJobsTest {
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

    private static String startExport(TestClient client, String pathAndQuery) throws InterruptedException {
        HttpResponse<String> started = client.post(pathAndQuery, Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/jobs/");
        String id = location.substring("/jobs/".length());
        Job job = server.server().services().jobs().find(id).orElseThrow();
        assertThat(server.server().services().jobs().await(job, Duration.ofSeconds(30))).isTrue();
        assertThat(job.state()).isEqualTo(Job.State.SUCCEEDED);
        return id;
    }

    @Test
    void an_export_runs_as_a_job_whose_page_offers_the_file_in_the_viewers_scope() throws Exception {
        TestClient manager = server.signedIn("rm-eu");
        String id = startExport(manager, "/reports/compliance-by-computer/export?format=csv");

        HttpResponse<String> page = manager.getHtml("/jobs/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SUCCEEDED", "100 %", "id=\"download\"", "/jobs/" + id + "/download");
        HttpResponse<String> file = manager.get("/jobs/" + id + "/download");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".csv"));
        assertThat(file.body()).contains("c-eu-1").doesNotContain("c-na-");
        HttpResponse<String> api = manager.get("/api/v1/jobs/" + id);
        assertThat(api.body()).contains("\"state\":\"SUCCEEDED\"", "\"download\":\"/jobs/" + id + "/download\"");
    }

    @Test
    void nobody_else_sees_or_downloads_another_users_export() throws Exception {
        String id = startExport(server.signedIn("rm-eu"), "/reports/compliance-by-bulletin/export?format=csv");

        TestClient otherRegion = server.signedIn("it-na");
        assertThat(otherRegion.get("/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(otherRegion.get("/api/v1/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(otherRegion.get("/jobs/" + id + "/download").statusCode()).isEqualTo(404);
        assertThat(otherRegion.getHtml("/jobs").body()).doesNotContain(id.substring(0, 8));
        TestClient platform = server.signedIn("plat");
        assertThat(platform.getHtml("/jobs/" + id).body()).contains("SUCCEEDED").doesNotContain("id=\"download\"");
        assertThat(platform.get("/jobs/" + id + "/download").statusCode()).isEqualTo(404);
    }

    @Test
    void a_report_page_offers_downloads_as_forms_that_start_jobs() {
        HttpResponse<String> page = server.signedIn("sec").getHtml("/reports/compliance-by-bulletin?severity=Critical");
        assertThat(page.body()).contains("action=\"/reports/compliance-by-bulletin/export?format=csv&amp;severity=Critical\"",
                "id=\"export-csv\"", "name=\"_csrf\"");
    }

    @Test
    void large_or_rendered_exports_are_refused_as_direct_downloads_naming_the_parameter() {
        TestClient security = server.signedIn("sec");
        HttpResponse<String> pdf = security.get("/reports/compliance-by-bulletin/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(pdf.body()).contains("\"parameter\":\"format\"");
        HttpResponse<String> big = security.get("/reports/compliance-by-bulletin/export?format=csv&limit=5000");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("\"parameter\":\"limit\"", "run as jobs");
        assertThat(security.post("/reports/compliance-by-bulletin/export?format=docx", Map.of()).statusCode()).isEqualTo(400);
        assertThat(security.postRaw("/reports/compliance-by-bulletin/export?format=csv", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void an_unknown_or_malformed_job_id_is_not_found_or_a_bad_parameter() {
        TestClient manager = server.signedIn("rm-eu");
        assertThat(manager.get("/jobs/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = manager.get("/api/v1/jobs/%3Cscript%3E");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"id\"");
    }

    private static String startApiExport(TestClient client, String pathAndQuery) throws InterruptedException {
        HttpResponse<String> started = client.postJson(pathAndQuery, "{}", true);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/v1/jobs/");
        String id = location.substring("/api/v1/jobs/".length());
        assertThat(started.body()).contains("\"id\":\"" + id + "\"", "\"kind\":\"export\"", "\"url\":\"/api/v1/jobs/" + id + "\"",
                "\"page\":\"/jobs/" + id + "\"");
        Job job = server.server().services().jobs().find(id).orElseThrow();
        assertThat(server.server().services().jobs().await(job, Duration.ofSeconds(30))).isTrue();
        return id;
    }

    @Test
    void the_api_starts_an_export_job_in_the_callers_scope_and_its_url_shows_progress_then_the_file() throws Exception {
        TestClient manager = server.signedIn("rm-eu");
        String id = startApiExport(manager, "/api/v1/reports/compliance-by-computer/exports?format=csv&limit=50");

        HttpResponse<String> progress = manager.get("/api/v1/jobs/" + id);
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("\"state\":\"SUCCEEDED\"", "\"percent\":100", "\"download\":\"/jobs/" + id + "/download\"");
        HttpResponse<String> file = manager.get("/jobs/" + id + "/download");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("c-eu-1", "c-eu-3").doesNotContain("c-na-");
    }

    @Test
    void the_api_narrows_an_export_to_a_region_inside_the_scope_and_refuses_another_region() throws Exception {
        TestClient security = server.signedIn("sec");
        String id = startApiExport(security, "/api/v1/reports/compliance-by-computer/exports?format=csv&region=NA");
        assertThat(security.get("/jobs/" + id + "/download").body()).contains("c-na-1").doesNotContain("c-eu-");

        TestClient manager = server.signedIn("rm-eu");
        int jobsBefore = server.server().services().jobs().recent().size();
        HttpResponse<String> otherRegion = manager.postJson("/api/v1/reports/compliance-by-computer/exports?format=csv&region=NA", "{}", true);
        assertThat(otherRegion.statusCode()).isEqualTo(403);
        assertThat(otherRegion.body()).contains("outside_scope", "region 'NA' is outside your scope");
        TestClient berlin = server.signedIn("it-berlin");
        HttpResponse<String> otherSite = berlin.postJson("/api/v1/reports/compliance-by-computer/exports?format=csv&site=Paris", "{}", true);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.body()).contains("site 'Paris' is outside your scope");
        assertThat(server.server().services().jobs().recent()).hasSize(jobsBefore);
    }

    @Test
    void the_export_api_answers_bad_parameters_with_400_naming_them_and_starts_nothing() {
        TestClient security = server.signedIn("sec");
        int jobsBefore = server.server().services().jobs().recent().size();
        Map<String, String> expected = Map.of(
                "/api/v1/reports/compliance-by-bulletin/exports", "format",
                "/api/v1/reports/compliance-by-bulletin/exports?format=docx", "format",
                "/api/v1/reports/compliance-by-bulletin/exports?format=csv&limit=0", "limit",
                "/api/v1/reports/compliance-by-bulletin/exports?format=csv&limit=ten", "limit",
                "/api/v1/reports/compliance-by-bulletin/exports?format=csv&from=2026-13-01", "from",
                "/api/v1/reports/compliance-by-bulletin/exports?format=csv&severity=Urgent", "severity",
                "/api/v1/reports/compliance-by-bulletin/exports?format=csv&days=3", "days");
        expected.forEach((path, parameter) -> {
            HttpResponse<String> response = security.postJson(path, "{}", true);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("\"error\":\"bad_parameter\"", "\"parameter\":\"" + parameter + "\"");
        });
        assertThat(security.postJson("/api/v1/reports/no-such-report/exports?format=csv", "{}", true).statusCode()).isEqualTo(404);
        assertThat(security.postJson("/api/v1/reports/compliance-by-bulletin/exports?format=csv", "{}", false).statusCode()).isEqualTo(403);
        assertThat(server.signedIn("exec").postJson("/api/v1/reports/compliance-by-bulletin/exports?format=csv", "{}", true).statusCode())
                .isEqualTo(403);
        assertThat(server.client().postJson("/api/v1/reports/compliance-by-bulletin/exports?format=csv", "{}", false).statusCode())
                .isEqualTo(401);
        assertThat(server.server().services().jobs().recent()).hasSize(jobsBefore);
    }

    @Test
    void the_openapi_description_documents_the_export_endpoint_and_the_jobs_url() {
        String openApi = server.client().get("/api/v1/openapi.json").body();
        assertThat(openApi).contains("\"/api/v1/reports/{report}/exports\"", "Export a report as a file, as a job", "\"Location\"");
        assertThat(openApi).contains("\"url\": {", "\"page\": {");
    }
}
