package org.patchlake.web.cache;

import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.SnapshotInfo;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ReportService} that answers from the {@link SnapshotCache}: dashboards, reports, drill-downs and form
 * choices are computed once per snapshot, scope and parameters. A result computed on a newer snapshot than the
 * one its key names (ETL published in between) is returned but not kept under the old key.
 */
public final class CachedReportService implements ReportService {
    private final ReportService delegate;
    private final SnapshotCache cache;
    private final LongSupplier settingsVersion;

    /** @param settingsVersion grows when an operational setting live reports read changes (custom severity, SLA policies) */
    public CachedReportService(ReportService delegate, SnapshotCache cache, LongSupplier settingsVersion) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.cache = requireNonNull(cache, "cache is null");
        this.settingsVersion = requireNonNull(settingsVersion, "settingsVersion is null");
    }

    /** A scope as a key: the same scope always gives the same text (sets sorted). */
    static String key(Scope scope) {
        return scope.allRegions() ? "*" : "r" + new TreeSet<>(scope.regions()) + "s" + new TreeSet<>(scope.sites());
    }

    static String key(ReportParameters parameters) {
        return parameters.asMap() + "#" + parameters.limit();
    }

    @Override
    public Optional<SnapshotInfo> snapshot() {
        return delegate.snapshot();
    }

    /**
     * @param snapshotOf the snapshot a value was computed on (null: does not say), so a value computed on a newer
     *                   snapshot than the key names is not kept under the old key
     */
    private <T> T cached(SnapshotCache.Lane lane, String kind, String key, Supplier<T> compute, Function<T, SnapshotInfo> snapshotOf,
                         ToLongFunction<T> weigh) {
        Optional<SnapshotInfo> snapshot = delegate.snapshot();
        if (snapshot.isEmpty()) {
            return compute.get();
        }
        String id = snapshot.get().id();
        return cache.get(lane, kind, id + "|v" + settingsVersion.getAsLong(), key, compute, value -> {
            SnapshotInfo computedOn = snapshotOf.apply(value);
            return computedOn != null && !computedOn.id().equals(id) ? -1 : weigh.applyAsLong(value);
        });
    }

    @Override
    public Optional<Dashboard> dashboard(Scope scope) {
        return cached(SnapshotCache.Lane.REPORTS, "dashboard", key(scope), () -> delegate.dashboard(scope),
                d -> d.map(Dashboard::snapshot).orElse(null), d -> 100);
    }

    @Override
    public ReportResult run(Report report, ReportParameters parameters, Scope scope) {
        return cached(SnapshotCache.Lane.REPORTS, report.id(), key(parameters) + key(scope), () -> delegate.run(report, parameters, scope),
                ReportResult::snapshot, CachedReportService::weight);
    }

    @Override
    public Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope scope) {
        return cached(SnapshotCache.Lane.DRILL_DOWNS, "computer", computerId + "|" + key(parameters) + key(scope),
                () -> delegate.computer(computerId, parameters, scope),
                r -> r.map(ReportResult::snapshot).orElse(null), r -> r.map(CachedReportService::weight).orElse(1L));
    }

    @Override
    public java.util.List<String> computersNamed(String hostname, Scope scope) {
        return delegate.computersNamed(hostname, scope);
    }

    @Override
    public Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope scope) {
        return cached(SnapshotCache.Lane.DRILL_DOWNS, "detection-agreement", computerId + "|" + key(parameters) + key(scope),
                () -> delegate.detectionAgreement(computerId, parameters, scope),
                r -> r.map(ReportResult::snapshot).orElse(null), r -> r.map(CachedReportService::weight).orElse(1L));
    }

    @Override
    public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope scope) {
        return cached(SnapshotCache.Lane.DRILL_DOWNS, "bulletin", bulletinId + "|" + key(parameters) + key(scope),
                () -> delegate.bulletin(bulletinId, parameters, scope),
                r -> r.map(ReportResult::snapshot).orElse(null), r -> r.map(CachedReportService::weight).orElse(1L));
    }

    @Override
    public List<String> regions(Scope scope) {
        return cached(SnapshotCache.Lane.DRILL_DOWNS, "regions", key(scope), () -> delegate.regions(scope), r -> null, List::size);
    }

    @Override
    public List<String> sites(Scope scope) {
        return cached(SnapshotCache.Lane.DRILL_DOWNS, "sites", key(scope), () -> delegate.sites(scope), r -> null, List::size);
    }

    /** About the number of cells a result holds. */
    static long weight(ReportResult result) {
        long cells = result.figures().size();
        for (ReportTable table : result.tables()) {
            cells += (long) table.rows().size() * Math.max(1, table.columns().size());
        }
        return cells;
    }

    @Override
    public ReportService underlying() {
        return delegate.underlying();
    }
}
