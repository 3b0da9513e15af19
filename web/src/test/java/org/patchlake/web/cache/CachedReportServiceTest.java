package org.patchlake.web.cache;

import org.junit.jupiter.api.Test;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.metrics.Metrics;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.SnapshotInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedReportServiceTest {
    /** Counts how often each report really runs; the snapshot can be switched and a run can be made to fail. */
    private static final class CountingReports implements ReportService {
        final AtomicInteger runs = new AtomicInteger();
        volatile SnapshotInfo snapshot = snapshot("s-1");
        volatile boolean fail;
        volatile CountDownLatch gate = new CountDownLatch(0);

        static SnapshotInfo snapshot(String id) {
            return new SnapshotInfo(id, Instant.parse("2026-11-21T10:05:00Z"), Instant.parse("2026-11-21T10:00:00Z"));
        }

        @Override
        public Optional<SnapshotInfo> snapshot() {
            return Optional.of(snapshot);
        }

        @Override
        public Optional<Dashboard> dashboard(Scope scope) {
            return Optional.empty();
        }

        @Override
        public ReportResult run(Report report, ReportParameters parameters, Scope scope) {
            runs.incrementAndGet();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new IllegalStateException("warehouse unavailable");
            }
            return new ReportResult(report.title() + " for " + scope.describe(), snapshot, List.of(), List.of());
        }

        @Override
        public Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope) {
            return Optional.empty();
        }

        @Override
        public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope) {
            return Optional.empty();
        }

        @Override
        public Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope scope) {
            return Optional.empty();
        }

        @Override
        public List<String> regions(Scope scope) {
            return List.of("EU", "NA");
        }

        @Override
        public List<String> sites(Scope scope) {
            return List.of();
        }
    }

    private final CountingReports delegate = new CountingReports();
    private final AtomicLong settings = new AtomicLong();
    private final Metrics metrics = new Metrics();
    private final CachedReportService cached = new CachedReportService(delegate, new SnapshotCache(10_000, 2, java.time.Duration.ofSeconds(30), metrics), settings::get);
    private final Scope eu = Scope.of(Set.of("EU"), Set.of());

    @Test
    void the_same_report_for_the_same_scope_and_parameters_runs_once_per_snapshot() {
        ReportResult first = cached.run(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none(), eu);
        ReportResult second = cached.run(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none(), Scope.of(Set.of("EU"), Set.of()));

        assertThat(second).isSameAs(first);
        assertThat(delegate.runs).hasValue(1);
        assertThat(metrics.counterValue("patchlake_report_cache_hits_total", "kind", "compliance-by-bulletin")).isEqualTo(1);
    }

    @Test
    void another_scope_another_parameter_or_another_report_is_computed_on_its_own() {
        cached.run(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none(), eu);
        ReportResult na = cached.run(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none(), Scope.of(Set.of("NA"), Set.of()));
        cached.run(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none().withState("installed"), eu);
        cached.run(Report.REGIONAL_COMPLIANCE, ReportParameters.none(), eu);

        assertThat(delegate.runs).hasValue(4);
        assertThat(na.title()).endsWith("regions NA");
    }

    @Test
    void a_new_snapshot_or_a_changed_setting_computes_the_report_again() {
        cached.run(Report.SLA_ATTAINMENT, ReportParameters.none(), eu);
        delegate.snapshot = CountingReports.snapshot("s-2");
        ReportResult afterEtl = cached.run(Report.SLA_ATTAINMENT, ReportParameters.none(), eu);
        settings.incrementAndGet();
        cached.run(Report.SLA_ATTAINMENT, ReportParameters.none(), eu);

        assertThat(delegate.runs).hasValue(3);
        assertThat(afterEtl.snapshot().id()).isEqualTo("s-2");
    }

    @Test
    void viewers_asking_at_the_same_time_wait_for_one_computation() throws Exception {
        delegate.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ReportResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cached.run(Report.COMPLIANCE_BY_BULLETIN, ReportParameters.none(), eu)));
            }
            Thread.sleep(200);
            delegate.gate.countDown();
            for (Future<ReportResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).title()).startsWith("Compliance by Bulletin");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(delegate.runs).hasValue(1);
    }

    @Test
    void a_failed_computation_is_not_remembered() {
        delegate.fail = true;
        assertThatThrownBy(() -> cached.run(Report.EXCEPTIONS, ReportParameters.none(), eu)).hasMessageContaining("warehouse unavailable");
        delegate.fail = false;

        assertThat(cached.run(Report.EXCEPTIONS, ReportParameters.none(), eu).title()).startsWith("Exceptions");
        assertThat(delegate.runs).hasValue(2);
    }

    @Test
    void old_snapshots_are_dropped_and_the_budget_is_kept() {
        SnapshotCache small = new SnapshotCache(10, 1, java.time.Duration.ofSeconds(1), metrics);
        for (int i = 0; i < 30; i++) {
            int n = i;
            small.get("kind", "s-1", "key-" + i, () -> "value " + n, v -> 1);
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
        small.get("kind", "s-2", "key", () -> "new", v -> 1);
        small.retainOnly("s-2");
        assertThat(small.size()).isEqualTo(1);
    }

    @Test
    void at_most_the_given_number_of_results_are_computed_at_once_and_a_long_wait_is_answered_busy() throws Exception {
        SnapshotCache one = new SnapshotCache(1000, 1, java.time.Duration.ofMillis(300), metrics);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch entered = new CountDownLatch(1);
            Future<String> slow = pool.submit(() -> one.get("kind", "s-1", "slow", () -> {
                entered.countDown();
                return blockUntil(release, "slow");
            }, v -> 1));
            // the slow computation holds the only permit (waited for, not slept for: a loaded machine may be slow to start it)
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> one.get("kind", "s-1", "other", () -> "other", v -> 1))
                    .isInstanceOf(org.patchlake.web.http.WebException.class).hasMessageContaining("busy");
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
            assertThat(one.get("kind", "s-1", "other", () -> "other", v -> 1)).isEqualTo("other");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Until the drill-downs lane has {@code count} computations waiting (a loaded machine may be slow to queue them). */
    private void awaitWaiting(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (metrics.gaugeValue("patchlake_report_computations_waiting", "lane", "drill-downs") < count) {
            assertThat(System.nanoTime()).as("%d waiting drill-downs within 10 s", count).isLessThan(end);
            Thread.sleep(5);
        }
    }

    private static String blockUntil(CountDownLatch release, String value) {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    @Test
    void a_drill_down_does_not_wait_behind_a_whole_report_being_computed() throws Exception {
        SnapshotCache lanes = new SnapshotCache(1000, new SnapshotCache.Admission(1, 10, java.time.Duration.ofSeconds(30)),
                new SnapshotCache.Admission(1, 10, java.time.Duration.ofSeconds(30)), metrics);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch entered = new CountDownLatch(1);
            Future<String> report = pool.submit(() -> lanes.get(SnapshotCache.Lane.REPORTS, "sla-attainment", "s-1", "all", () -> {
                entered.countDown();
                return blockUntil(release, "report");
            }, v -> 1));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> secondReport = pool.submit(() -> lanes.get(SnapshotCache.Lane.REPORTS, "exceptions", "s-1", "all",
                    () -> "second report", v -> 1));
            Thread.sleep(100);
            String drillDown = pool.submit(() -> lanes.get(SnapshotCache.Lane.DRILL_DOWNS, "computer", "s-1", "c-1", () -> "computer c-1",
                    v -> 1)).get(5, TimeUnit.SECONDS);

            assertThat(drillDown).isEqualTo("computer c-1");
            assertThat(secondReport).isNotDone();
            release.countDown();
            assertThat(report.get(10, TimeUnit.SECONDS)).isEqualTo("report");
            assertThat(secondReport.get(10, TimeUnit.SECONDS)).isEqualTo("second report");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_full_queue_is_answered_busy_at_once_with_retry_after_and_cached_results_still_answer() throws Exception {
        SnapshotCache lanes = new SnapshotCache(1000, new SnapshotCache.Admission(1, 10, java.time.Duration.ofSeconds(30)),
                new SnapshotCache.Admission(1, 1, java.time.Duration.ofSeconds(30)), metrics);
        lanes.get(SnapshotCache.Lane.DRILL_DOWNS, "computer", "s-1", "cached", () -> "cached", v -> 1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch entered = new CountDownLatch(1);
            Future<String> running = pool.submit(() -> lanes.get(SnapshotCache.Lane.DRILL_DOWNS, "computer", "s-1", "c-1", () -> {
                entered.countDown();
                return blockUntil(release, "c-1");
            }, v -> 1));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> queued = pool.submit(() -> lanes.get(SnapshotCache.Lane.DRILL_DOWNS, "computer", "s-1", "c-2", () -> "c-2", v -> 1));
            awaitWaiting(1);
            Future<String> refused = pool.submit(() -> lanes.get(SnapshotCache.Lane.DRILL_DOWNS, "bulletin", "s-1", "b-1", () -> "b-1", v -> 1));

            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(org.patchlake.web.http.BusyException.class)
                    .hasMessageContaining("the drill-downs queue is full (1 waiting); try again in 16 s")
                    .satisfies(e -> assertThat(((org.patchlake.web.http.BusyException) e).retryAfter()).isPositive());
            assertThat(lanes.get(SnapshotCache.Lane.DRILL_DOWNS, "computer", "s-1", "cached", () -> "computed again", v -> 1)).isEqualTo("cached");
            assertThat(metrics.counterValue("patchlake_report_busy_total", "lane", "drill-downs", "reason", "queue_full", "kind", "bulletin"))
                    .isEqualTo(1);
            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("c-1");
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("c-2");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void after_a_new_snapshot_the_warmer_computes_every_report_page_each_users_scope_may_open() {
        SnapshotCache cache = new SnapshotCache(10_000, 2, java.time.Duration.ofSeconds(30), metrics);
        CachedReportService reports = new CachedReportService(delegate, cache, settings::get);
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");
        List<org.patchlake.web.auth.User> users = List.of(
                new org.patchlake.web.auth.User(1, "rita", "Rita", Set.of(org.patchlake.web.auth.Role.REGIONAL_MANAGER), eu, false, utc, Instant.EPOCH),
                new org.patchlake.web.auth.User(2, "eve", "Eve", Set.of(org.patchlake.web.auth.Role.EXECUTIVE), Scope.everything(), false, utc,
                        Instant.EPOCH));
        CacheWarmer warmer = new CacheWarmer(reports, cache, () -> users, metrics, true);

        warmer.warmIfNew();

        long managerReports = java.util.Arrays.stream(Report.values()).filter(r -> users.get(0).can(r.permission())).count();
        long executiveReports = java.util.Arrays.stream(Report.values()).filter(r -> users.get(1).can(r.permission())).count();
        assertThat(managerReports).isGreaterThan(executiveReports).isGreaterThan(0);
        assertThat(delegate.runs).hasValue((int) (managerReports + executiveReports));
        reports.run(Report.SLA_ATTAINMENT, ReportParameters.none(), Scope.of(Set.of("EU"), Set.of()));
        reports.run(Report.EXECUTIVE_SUMMARY, ReportParameters.none(), Scope.everything());
        assertThat(delegate.runs).as("the pages viewers open first are cached").hasValue((int) (managerReports + executiveReports));
        warmer.warmIfNew();
        assertThat(delegate.runs).as("nothing new to warm").hasValue((int) (managerReports + executiveReports));
        warmer.close();
    }
}

