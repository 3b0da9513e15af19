package org.patchlake.web.cache;

import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.User;
import org.patchlake.web.metrics.Metrics;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.SnapshotInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * When a new snapshot is published, drops the cached results of older ones and computes, in the background, the
 * dashboard and form choices for the scope of every user who may see it, then every report page as it first opens
 * (default parameters) for every scope whose users may open it: the first viewer after an ETL run does not wait for
 * the queries of a whole report. Scopes of users created later are warmed at the next check. Warming goes through
 * the same admission as viewers (one whole report at a time), so it never takes more than its lane.
 */
public final class CacheWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CacheWarmer.class);

    private final ReportService reports;
    private final SnapshotCache cache;
    private final Supplier<List<User>> users;
    private final Metrics metrics;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "patchlake-cache-warmer");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final boolean warmReportPages;
    private volatile String warmed;
    private final java.util.Set<String> warmedScopes = new java.util.HashSet<>();

    public CacheWarmer(ReportService reports, SnapshotCache cache, Supplier<List<User>> users, Metrics metrics) {
        this(reports, cache, users, metrics, true);
    }

    /** @param warmReportPages whether every report page is computed too, not only dashboards and form choices */
    public CacheWarmer(ReportService reports, SnapshotCache cache, Supplier<List<User>> users, Metrics metrics, boolean warmReportPages) {
        this.warmReportPages = warmReportPages;
        this.reports = requireNonNull(reports, "reports is null");
        this.cache = requireNonNull(cache, "cache is null");
        this.users = requireNonNull(users, "users is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Checks for a new snapshot now and then every {@code interval}. */
    public void start(Duration interval) {
        thread.scheduleWithFixedDelay(this::warmIfNew, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The snapshot whose dashboards are computed, if any. */
    public Optional<String> warmedSnapshot() {
        return Optional.ofNullable(warmed);
    }

    void warmIfNew() {
        try {
            Optional<SnapshotInfo> snapshot = reports.snapshot();
            if (snapshot.isEmpty()) {
                return;
            }
            String id = snapshot.get().id();
            if (!id.equals(warmed)) {
                cache.retainOnly(id);
                warmedScopes.clear();
            }
            Map<String, Scope> scopes = new LinkedHashMap<>();
            for (User user : users.get()) {
                String key = CachedReportService.key(user.scope());
                if (!user.disabled() && user.can(Permission.VIEW_DASHBOARD) && !warmedScopes.contains(key)) {
                    scopes.putIfAbsent(key, user.scope());
                }
            }
            if (scopes.isEmpty()) {
                warmed = id;
                return;
            }
            long started = System.nanoTime();
            for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
                reports.dashboard(scope.getValue());
                reports.regions(scope.getValue());
                reports.sites(scope.getValue());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            metrics.observe("patchlake_report_cache_warm_seconds", "Time to compute the dashboards of a new snapshot", seconds);
            LOG.info("event=cache_warmed snapshot={} scopes={} ms={}", id, scopes.size(), Math.round(seconds * 1000));
            if (warmReportPages) {
                warmReports(id, scopes);
            }
            warmedScopes.addAll(scopes.keySet());
            warmed = id;
        } catch (RuntimeException e) {
            LOG.warn("event=cache_warm_failed error=\"{}\"", e.toString());
        }
    }

    /** Every report page (default parameters) for each scope whose users may open it; one failing report does not stop the rest. */
    private void warmReports(String snapshotId, Map<String, Scope> scopes) {
        long started = System.nanoTime();
        int computed = 0;
        List<User> all = users.get();
        for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
            for (Report report : Report.values()) {
                boolean wanted = all.stream().anyMatch(user -> !user.disabled() && user.can(report.permission())
                        && CachedReportService.key(user.scope()).equals(scope.getKey()));
                if (!wanted || Thread.currentThread().isInterrupted()) {
                    continue;
                }
                try {
                    reports.run(report, ReportParameters.none(), scope.getValue());
                    computed++;
                } catch (RuntimeException e) {
                    LOG.warn("event=cache_warm_report_failed report={} scope=\"{}\" error=\"{}\"", report.id(), scope.getValue().describe(),
                            e.toString());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        metrics.observe("patchlake_report_cache_warm_reports_seconds", "Time to compute every report page of a new snapshot", seconds);
        LOG.info("event=cache_warmed_reports snapshot={} reports={} ms={}", snapshotId, computed, Math.round(seconds * 1000));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
