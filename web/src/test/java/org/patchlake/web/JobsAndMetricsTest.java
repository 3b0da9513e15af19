package org.patchlake.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.jobs.Job;
import org.patchlake.web.support.InMemoryReportService;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ETL runs as a child-process job with visible progress; a failing run fails its job, not the server; /metrics shows it. */
class JobsAndMetricsTest {
    @TempDir
    Path data;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer start(String script) {
        return new TestServer(data, SignInLimiter.Limits.defaults(), List.of("sh", "-c", script), new InMemoryReportService());
    }

    private Job awaitJob(String id) throws InterruptedException {
        Job job = server.server().services().jobs().find(id).orElseThrow();
        assertThat(server.server().services().jobs().await(job, Duration.ofSeconds(30))).isTrue();
        return job;
    }

    @Test
    void an_etl_run_started_from_the_api_runs_as_a_job_with_progress_and_output() throws Exception {
        server = start("echo 'reading landing 40%'; sleep 1; echo 'published snapshot s-1 100%'");
        TestClient platform = server.signedIn("plat");
        HttpResponse<String> started = platform.postJson("/api/v1/jobs/etl", "{}", true);
        assertThat(started.statusCode()).isEqualTo(202);
        String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> again = platform.postJson("/api/v1/jobs/etl", "{}", true);
        assertThat(again.statusCode()).as("a second run while one is under way").isEqualTo(409);
        Job job = awaitJob(id);
        assertThat(job.view().state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(job.view().outputTail()).contains("reading landing 40%", "published snapshot s-1 100%");
        assertThat(platform.get("/api/v1/jobs/" + id).body()).contains("\"state\":\"SUCCEEDED\"", "\"percent\":100");
        assertThat(platform.getHtml("/jobs/" + id).body()).contains("SUCCEEDED", "published snapshot s-1");
        assertThat(platform.metrics().body()).contains("patchlake_etl_runs_total{outcome=\"succeeded\"} 1.0",
                "patchlake_etl_run_duration_seconds_count{outcome=\"succeeded\"} 1");
        assertThat(server.signedIn("rm-eu").postJson("/api/v1/jobs/etl", "{}", true).statusCode()).isEqualTo(403);
    }

    @Test
    void a_failing_etl_run_fails_its_job_and_the_server_keeps_serving() throws Exception {
        server = start("echo 'Spark exploded' >&2; exit 3");
        TestClient platform = server.signedIn("plat");
        HttpResponse<String> started = platform.post("/jobs/etl", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String id = started.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
        Job job = awaitJob(id);
        assertThat(job.view().state()).isEqualTo(Job.State.FAILED);
        assertThat(job.view().progress()).contains("exited with code 3");
        assertThat(job.view().outputTail()).contains("Spark exploded");
        assertThat(platform.get("/health").statusCode()).isEqualTo(200);
        String metrics = platform.metrics().body();
        assertThat(metrics).contains("patchlake_etl_runs_total{outcome=\"failed\"} 1.0", "# TYPE patchlake_snapshot_age_seconds gauge");
    }

    @Test
    void metrics_show_report_latency_and_requests_in_prometheus_text() {
        server = start("true");
        TestClient security = server.signedIn("sec");
        security.get("/reports/compliance-by-bulletin");
        security.get("/dashboard");
        HttpResponse<String> metrics = server.client().metrics();
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("# TYPE patchlake_report_duration_seconds histogram",
                "patchlake_report_duration_seconds_count{report=\"compliance-by-bulletin\"} 1",
                "patchlake_report_duration_seconds_count{report=\"dashboard\"} 2", "le=\"0.005\"",
                "patchlake_http_requests_total{status=\"2xx\"}", "patchlake_snapshot_age_seconds ");
    }

    @Test
    void metrics_answer_only_with_the_bearer_token_kept_owner_only_in_the_data_directory() throws Exception {
        server = start("true");
        Path file = server.data().resolve("ops").resolve("metrics-token");
        String token = java.nio.file.Files.readString(file).trim();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40).isEqualTo(server.server().metricsToken().value());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        HttpResponse<String> anonymous = server.client().get("/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(anonymous.body()).doesNotContain("patchlake_");
        assertThat(server.signedIn("plat").get("/metrics").statusCode()).as("a session is not the metrics token").isEqualTo(401);
        HttpResponse<String> wrong = server.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/metrics")))
                .header("Authorization", "Bearer " + token.substring(1)).GET().build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(server.client().metrics().statusCode()).isEqualTo(200);

        org.patchlake.web.metrics.MetricsToken again = org.patchlake.web.metrics.MetricsToken.resolve(null, file.getParent(),
                new java.security.SecureRandom());
        assertThat(again.value()).as("what the next start reads").isEqualTo(token);
        assertThat(again.created()).isFalse();
    }
}
