package org.patchlake.web.warehouse;

import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.QueryException;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.SnapshotInfo;
import org.patchlake.web.compliance.ComplianceStore;
import org.patchlake.web.compliance.CustomSeverity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The report service over the published warehouse: the reports module's query layer, with the viewer's scope
 * passed into every query. Region and site lists for the forms are cached per snapshot.
 */
public final class WarehouseReportService implements ReportService {
    private final Path warehouseRoot;
    private final QueryLayer queries;
    private final WarehouseReports reports;
    private final DrillDowns drillDowns;
    private final Supplier<List<SlaPolicy>> slaPolicies;
    private final Map<String, List<String>> choices = new ConcurrentHashMap<>();

    /**
     * @param slaPolicies    the SLA policies of the operational store (read on each SLA query)
     * @param customSeverities the custom severity per bulletin id (read once per report that shows severities)
     */
    public WarehouseReportService(QueryLayer queries, Supplier<List<org.patchlake.web.compliance.SlaPolicy>> slaPolicies,
                                  Supplier<Map<String, String>> customSeverities) {
        this.queries = requireNonNull(queries, "queries is null");
        this.warehouseRoot = queries.warehouse().root();
        this.slaPolicies = () -> SlaPolicyConversion.convert(slaPolicies.get());
        this.reports = new WarehouseReports(queries, this.slaPolicies, customSeverities);
        this.drillDowns = new DrillDowns(queries);
    }

    /** Over the query layer, with the SLA policies and custom severities of the operational store. */
    public static WarehouseReportService over(QueryLayer queries, ComplianceStore store) {
        return new WarehouseReportService(queries, store::slaPolicies,
                () -> store.severities().stream().collect(Collectors.toMap(CustomSeverity::bulletinId, CustomSeverity::severity)));
    }

    /** The operational store's active SLA policies, as every SLA figure of the pages judges them (exports too). */
    public List<SlaPolicy> slaPolicies() {
        return slaPolicies.get();
    }

    static org.patchlake.reports.query.Scope scope(Scope scope) {
        return scope.allRegions() ? org.patchlake.reports.query.Scope.all()
                : org.patchlake.reports.query.Scope.of(scope.regions(), scope.sites());
    }

    private boolean published() {
        return Files.exists(warehouseRoot.resolve("CURRENT"));
    }

    private <T> T guarded(Supplier<T> query) {
        if (!published()) {
            throw new NoSnapshotException();
        }
        try {
            return query.get();
        } catch (QueryException e) {
            if (e.getMessage() != null && e.getMessage().contains("no published snapshot")) {
                throw new NoSnapshotException();
            }
            throw e;
        }
    }

    /** The current snapshot as last read, and when (System.nanoTime). */
    private record SnapshotRead(Optional<SnapshotInfo> snapshot, long readAt) {
    }

    /** How long a read of the current snapshot is reused: every page asks several times, and each read leases a connection. */
    private static final long SNAPSHOT_REUSE_NANOS = 250_000_000L;
    private volatile SnapshotRead lastRead;

    @Override
    public Optional<SnapshotInfo> snapshot() {
        SnapshotRead last = lastRead;
        long now = System.nanoTime();
        if (last != null && now - last.readAt() < SNAPSHOT_REUSE_NANOS) {
            return last.snapshot();
        }
        Optional<SnapshotInfo> current = readSnapshot();
        lastRead = new SnapshotRead(current, now);
        return current;
    }

    private Optional<SnapshotInfo> readSnapshot() {
        if (!published()) {
            return Optional.empty();
        }
        try {
            org.patchlake.reports.query.SnapshotInfo info = queries.warehouse().currentSnapshot();
            return Optional.of(new SnapshotInfo(info.id(), info.publishedAt(), info.dataAsOf()));
        } catch (QueryException e) {
            return Optional.empty();
        }
    }

    @Override
    public ReportResult run(Report report, ReportParameters parameters, Scope scope) {
        return guarded(() -> reports.run(report, parameters, scope(scope)));
    }

    @Override
    public Optional<Dashboard> dashboard(Scope viewerScope) {
        if (!published()) {
            return Optional.empty();
        }
        return Optional.of(guarded(() -> new WarehouseDashboard(queries, reports).build(scope(viewerScope))));
    }

    @Override
    public Optional<ReportResult> computer(String computerId, ReportParameters parameters, Scope viewerScope) {
        return guarded(() -> drillDowns.computer(computerId, parameters, scope(viewerScope)));
    }

    @Override
    public List<String> computersNamed(String hostname, Scope viewerScope) {
        if (!published()) {
            return List.of();
        }
        return guarded(() -> queries.computers().named(scope(viewerScope), hostname).rows().stream()
                .map(org.patchlake.reports.query.ComputerQueries.NamedComputer::computerId).toList());
    }

    @Override
    public Optional<ReportResult> detectionAgreement(String computerId, ReportParameters parameters, Scope viewerScope) {
        return guarded(() -> reports.detection().computer(computerId, scope(viewerScope)));
    }

    @Override
    public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope viewerScope) {
        return guarded(() -> drillDowns.bulletin(bulletinId, parameters, scope(viewerScope)));
    }

    @Override
    public List<String> regions(Scope viewerScope) {
        return cachedChoices("regions", viewerScope, () -> queries.fleet().regions(scope(viewerScope), QueryFilter.none()).rows().stream()
                .map(GroupCompliance::group).toList());
    }

    @Override
    public List<String> sites(Scope viewerScope) {
        return cachedChoices("sites", viewerScope, () -> {
            TreeSet<String> sites = new TreeSet<>();
            for (String region : regions(Scope.everything())) {
                for (GroupCompliance g : queries.fleet().sites(scope(viewerScope), QueryFilter.none(), region).rows()) {
                    sites.add(g.group());
                }
            }
            return List.copyOf(sites);
        });
    }

    private List<String> cachedChoices(String kind, Scope viewerScope, Supplier<List<String>> load) {
        Optional<SnapshotInfo> snapshot = snapshot();
        if (snapshot.isEmpty()) {
            return List.of();
        }
        String key = snapshot.get().id() + "|" + kind + "|" + viewerScope;
        if (choices.size() > 1000) {
            choices.clear();
        }
        return choices.computeIfAbsent(key, k -> load.get());
    }

    /** For the dashboard's top risks and trend. */
    static LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
