package org.patchlake.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.cache.SnapshotCache;
import org.patchlake.web.report.CsvExportService;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.SnapshotInfo;
import org.patchlake.web.support.InMemoryReportService;
import org.patchlake.web.support.TestClient;
import org.patchlake.web.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Admission on a real server: a full drill-down queue is a fast 503 with Retry-After; reports and cached pages still answer. */
class AdmissionRoutesTest {
    /** The in-memory reports, with computer drill-downs that wait for {@link #release} while {@link #hold} is set. */
    private static final class HeldComputers implements ReportService {
        final InMemoryReportService reports = new InMemoryReportService();
        volatile boolean hold;
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public Optional<SnapshotInfo> snapshot() {
            return reports.snapshot();
        }

        @Override
        public Optional<Dashboard> dashboard(Scope scope) {
            return reports.dashboard(scope);
        }

        @Override
        public ReportResult run(Report report, ReportParameters parameters, Scope scope) {
            return reports.run(report, parameters, scope);
        }

        @Override
        public Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope) {
            if (hold) {
                entered.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return reports.computer(computerId, parameters, scope);
        }

        @Override
        public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope) {
            return reports.bulletin(bulletinId, parameters, scope);
        }

        @Override
        public Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope scope) {
            return reports.detectionAgreement(computerId, parameters, scope);
        }

        @Override
        public List<String> regions(Scope scope) {
            return reports.regions(scope);
        }

        @Override
        public List<String> sites(Scope scope) {
            return reports.sites(scope);
        }
    }

    @TempDir
    static Path data;
    static TestServer server;
    static final HeldComputers reports = new HeldComputers();

    @BeforeAll
    static void start() {
        WebConfig.Admission tight = new WebConfig.Admission(new SnapshotCache.Admission(1, 4, Duration.ofSeconds(10)),
                new SnapshotCache.Admission(1, 0, Duration.ofSeconds(10)), true);
        server = new TestServer(data, SignInLimiter.Limits.defaults(), List.of(), store -> reports,
                r -> new CsvExportService(r, Clock.systemUTC()), config -> config.withAdmission(tight), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        reports.release.countDown();
        server.close();
    }

    @Test
    void a_drill_down_finding_its_lane_full_is_answered_503_with_retry_after_while_reports_still_answer() throws Exception {
        TestClient security = server.signedIn("sec");
        assertThat(security.getHtml("/computers/c-eu-2").statusCode()).isEqualTo(200);
        reports.hold = true;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> held = pool.submit(() -> security.getHtml("/computers/c-eu-1"));
            assertThat(reports.entered.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> busy = security.get("/computers/c-na-1");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("6");
            assertThat(busy.body()).contains("\"error\":\"busy\"", "the drill-downs queue is full");
            HttpResponse<String> busyPage = security.getHtml("/computers/c-na-1");
            assertThat(busyPage.statusCode()).isEqualTo(503);
            assertThat(busyPage.body()).contains("<h1>Busy</h1>", "try again in 6 s");

            assertThat(security.getHtml("/reports/compliance-by-bulletin").statusCode()).isEqualTo(200);
            assertThat(security.getHtml("/dashboard").statusCode()).isEqualTo(200);
            assertThat(security.getHtml("/computers/c-eu-2").statusCode()).as("cached before the lane filled").isEqualTo(200);

            reports.release.countDown();
            assertThat(held.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(security.getHtml("/computers/c-na-1").statusCode()).isEqualTo(200);
        } finally {
            reports.release.countDown();
            pool.shutdownNow();
        }
        String metrics = server.client().metrics().body();
        assertThat(metrics).contains("patchlake_report_busy_total{kind=\"computer\",lane=\"drill-downs\",reason=\"queue_full\"} 2.0",
                "patchlake_report_computations_waiting{lane=\"reports\"} 0.0");
    }
}
