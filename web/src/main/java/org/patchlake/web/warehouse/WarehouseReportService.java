package org.patchlake.web.warehouse;

import org.patchlake.reports.query.CatalogQueries;
import org.patchlake.reports.query.ComplianceQueries;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.BulletinComputer;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComputerQueries;
import org.patchlake.reports.query.ComputerRows;
import org.patchlake.reports.query.NotFoundException;
import org.patchlake.reports.query.Page;
import org.patchlake.reports.query.QueryException;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Sorts;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportService;
import org.patchlake.web.report.ReportTable;
import org.patchlake.web.report.SnapshotInfo;

import org.patchlake.web.store.ComplianceStore;
import org.patchlake.web.store.CustomSeverity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;
import static org.patchlake.web.warehouse.Cells.cells;

/**
 * The report service over the published warehouse: the reports module's query layer, with the viewer's scope
 * passed into every query. Region and site lists for the forms are cached per snapshot.
 */
public final class WarehouseReportService implements ReportService {
    private final Path warehouseRoot;
    private final QueryLayer queries;
    private final WarehouseReports reports;
    private final Map<String, List<String>> choices = new ConcurrentHashMap<>();

    /**
     * @param slaPolicies    the SLA policies of the operational store (read on each SLA query)
     * @param customSeverities the custom severity per bulletin id (read once per report that shows severities)
     */
    public WarehouseReportService(QueryLayer queries, Supplier<List<org.patchlake.web.store.SlaPolicy>> slaPolicies,
                                  Supplier<Map<String, String>> customSeverities) {
        this.queries = requireNonNull(queries, "queries is null");
        this.warehouseRoot = queries.warehouse().root();
        Supplier<List<SlaPolicy>> converted = () -> SlaPolicyConversion.convert(slaPolicies.get());
        this.reports = new WarehouseReports(queries, converted, customSeverities);
    }

    /** Over the query layer, with the SLA policies and custom severities of the operational store. */
    public static WarehouseReportService over(QueryLayer queries, ComplianceStore store) {
        return new WarehouseReportService(queries, store::slaPolicies,
                () -> store.severities().stream().collect(Collectors.toMap(CustomSeverity::bulletinId, CustomSeverity::severity)));
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

    @Override
    public Optional<SnapshotInfo> snapshot() {
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
        org.patchlake.reports.query.Scope scope = scope(viewerScope);
        return guarded(() -> {
            ComputerQueries computers = queries.computers();
            QueryResult<ComputerRows.ComputerDetail> detail;
            try {
                detail = computers.computer(scope, computerId);
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            ComputerRows.ComputerDetail c = detail.single();
            Counts counts = Cells.counts(c.bulletins());
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure("Compliance (bulletins)", counts.compliance()));
            figures.add(new Figure("Region / site", c.region() + " / " + c.site()));
            figures.add(new Figure("Class, level", c.computerClass() + ", level " + c.managedLevel()));
            figures.add(new Figure("Operating system", c.osName() + " " + nullToDash(c.osVersion()) + " build " + nullToDash(c.osBuild())));
            figures.add(new Figure("Agent", nullToDash(c.agentVersion())));
            figures.add(new Figure("Last inventory", c.lastInventoryAt() == null ? "never" : c.lastInventoryAt()));
            figures.add(new Figure("Last scan", c.lastScanAt() == null ? "never" : c.lastScanAt()));
            figures.add(new Figure("Scan errors", c.scanErrorCount() + (c.lastScanError() == null ? "" : ", last: " + c.lastScanError())));
            figures.add(new Figure("Pending reboot", c.pendingReboot() ? (Object) (c.pendingRebootSince() == null ? "yes" : c.pendingRebootSince()) : "no"));
            figures.add(new Figure("Reporting", c.reporting() ? "yes" : "no (stale: states are UNKNOWN)"));
            Page page = Page.first(parameters.limit());
            List<List<Object>> updates = new ArrayList<>();
            for (ComputerRows.ComputerUpdate u : computers.updates(scope, computerId, ComputerQueries.NOT_COMPLIANT).rows()) {
                updates.add(cells(u.bulletinId(), u.kb(), u.product(), u.title(), u.severity(), u.exploited(), u.state(), u.stateSince(),
                        u.failedAttempts(), u.restartBehaviour()));
            }
            List<List<Object>> history = new ArrayList<>();
            for (ComputerRows.HistoryEntry h : computers.history(scope, computerId, page).rows()) {
                history.add(cells(h.bulletinId(), h.updateId(), h.state(), h.validFrom(), h.validTo(), h.regression()));
            }
            List<List<Object>> deliveries = new ArrayList<>();
            for (ComputerRows.DeliveryAttempt d : computers.deliveries(scope, computerId, page).rows()) {
                deliveries.add(cells(d.policyId(), d.kb(), d.attempt(), d.startedAt(), d.endedAt(),
                        d.returnCode() == null ? null : d.returnCode() + " (0x" + String.format("%08X", d.returnCode() & 0xFFFFFFFFL) + ")",
                        d.outcome(), d.meaning()));
            }
            return Optional.of(new ReportResult("Computer " + c.hostname() + " (" + c.computerId() + ")", WarehouseReports.snapshot(detail),
                    figures, List.of(
                    new ReportTable("Updates not installed", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                            ReportColumn.text("kb", "KB"), ReportColumn.text("product", "Product"), ReportColumn.text("title", "Title"),
                            ReportColumn.text("severity", "Severity"), new ReportColumn("exploited", "Exploited", ReportColumn.Kind.BOOLEAN, Link.NONE),
                            ReportColumn.text("state", "State"), ReportColumn.timestamp("state_since", "Since"),
                            ReportColumn.number("failed_attempts", "Failed attempts"), ReportColumn.text("restart", "Restart")), updates),
                    new ReportTable("Install history", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                            ReportColumn.text("update_id", "Update"), ReportColumn.text("state", "State"),
                            ReportColumn.timestamp("valid_from", "From"), ReportColumn.timestamp("valid_to", "To"),
                            new ReportColumn("regression", "Regression", ReportColumn.Kind.BOOLEAN, Link.NONE)), history),
                    new ReportTable("Delivery attempts", List.of(ReportColumn.text("policy_id", "Policy"), ReportColumn.text("kb", "KB"),
                            ReportColumn.number("attempt", "Attempt"), ReportColumn.timestamp("started_at", "Started"),
                            ReportColumn.timestamp("ended_at", "Ended"), ReportColumn.text("return_code", "Return code"),
                            ReportColumn.text("outcome", "Outcome"), ReportColumn.text("meaning", "Meaning")), deliveries))));
        });
    }

    private static String nullToDash(Object value) {
        return value == null ? "–" : value.toString();
    }

    @Override
    public Optional<ReportResult> bulletin(String bulletinId, ReportParameters parameters, Scope viewerScope) {
        org.patchlake.reports.query.Scope scope = scope(viewerScope);
        return guarded(() -> {
            QueryResult<CatalogQueries.BulletinDetail> detail;
            try {
                detail = queries.catalog().bulletin(bulletinId);
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            CatalogQueries.BulletinDetail b = detail.single();
            QueryResult<GroupCompliance> byRegion = queries.compliance().bulletinAt(scope, bulletinId, detail.dataAsOf(), QueryFilter.none());
            Counts total = Cells.sum(byRegion.rows().stream().map(GroupCompliance::counts).toList());
            ComplianceQueries.Selection selection = switch (parameters.state() == null ? "vulnerable" : parameters.state()) {
                case "installed" -> ComplianceQueries.Selection.INSTALLED;
                case "applicable" -> ComplianceQueries.Selection.APPLICABLE;
                default -> ComplianceQueries.Selection.VULNERABLE;
            };
            QueryResult<BulletinComputer> computers = queries.compliance().bulletinComputers(scope, bulletinId, selection,
                    QueryFilter.none(), Page.first(parameters.limit()));
            List<List<Object>> computerRows = new ArrayList<>();
            for (BulletinComputer c : computers.rows()) {
                computerRows.add(cells(c.computerId(), c.hostname(), c.region(), c.site(), c.computerClass(), c.state(), c.firstApplicableAt(),
                        c.compliantAt()));
            }
            List<List<Object>> regionRows = new ArrayList<>();
            for (GroupCompliance g : byRegion.rows()) {
                regionRows.add(Cells.row(cells(g.group()), Cells.countCells(g.counts())));
            }
            List<List<Object>> updateRows = new ArrayList<>();
            for (CatalogQueries.BulletinUpdate u : b.updates()) {
                updateRows.add(cells(u.kb(), u.product(), u.restartBehaviour(), String.join(", ", u.supersedes())));
            }
            List<Figure> figures = new ArrayList<>(WarehouseReports.headline(total, byRegion.rows().size(), "Regions"));
            figures.add(0, new Figure("Severity", b.severity() + (b.exploited() ? ", exploited" : "") + (b.superseded() ? ", superseded" : "")));
            figures.add(1, new Figure("Released", b.released() + (b.revised() == null ? "" : ", revised " + b.revised())));
            figures.add(2, new Figure("CVEs", b.cveCount()));
            String title = "Bulletin " + b.bulletinId() + (b.title() == null ? "" : ": " + b.title());
            return Optional.of(new ReportResult(title, WarehouseReports.snapshot(detail), figures, List.of(
                    new ReportTable("Computers: " + selection.name().toLowerCase(), List.of(ReportColumn.linked("computer_id", "Computer", Link.COMPUTER),
                            ReportColumn.text("hostname", "Host name"), ReportColumn.linked("region", "Region", Link.REGION),
                            ReportColumn.linked("site", "Site", Link.SITE), ReportColumn.text("computer_class", "Class"),
                            ReportColumn.text("state", "State"), ReportColumn.timestamp("first_applicable_at", "Applicable since"),
                            ReportColumn.timestamp("compliant_at", "Compliant since")), computerRows),
                    new ReportTable("By region", Cells.columns(List.of(ReportColumn.linked("region", "Region", Link.REGION)), Cells.countColumns()),
                            regionRows),
                    new ReportTable("Updates", List.of(ReportColumn.text("kb", "KB"), ReportColumn.text("product", "Product"),
                            ReportColumn.text("restart", "Restart"), ReportColumn.text("supersedes", "Supersedes")), updateRows))));
        });
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

    static List<BulletinCompliance> mostVulnerable(QueryLayer queries, org.patchlake.reports.query.Scope scope) {
        return queries.compliance().byBulletin(scope, QueryFilter.none(), Sorts.BulletinSort.MOST_VULNERABLE).rows();
    }
}
