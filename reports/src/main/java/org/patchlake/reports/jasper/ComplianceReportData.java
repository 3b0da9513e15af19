package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.patchlake.core.state.ComplianceCounts;
import org.patchlake.reports.query.ComplianceQueries.Selection;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.ComputerCompliance;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComputerRows.ComputerDetail;
import org.patchlake.reports.query.ComputerRows.ComputerUpdate;
import org.patchlake.reports.query.ComputerRows.HistoryEntry;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.ComplianceQueries;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Sorts.BulletinSort;
import org.patchlake.reports.query.Sorts.ComputerSort;
import org.patchlake.reports.sla.SlaReleaseWindow;

/** Report data of the compliance reports (1, 2, 3, 10) and their drill-downs, from the query layer. */
final class ComplianceReportData {
    private static final List<String> OPEN_STATES = List.of("REQUIRED", "FAILED", "INSTALLED_PENDING_REBOOT", "UNKNOWN", "EXEMPT");

    private final QueryLayer queries;

    ComplianceReportData(QueryLayer queries) {
        this.queries = requireNonNull(queries, "queries is null");
    }

    ReportData byBulletin(ReportRequest request) {
        BulletinSort sort = BulletinSort.valueOf(sortName(request, "RELEASED_NEWEST"));
        QueryResult<BulletinCompliance> result = queries.compliance().byBulletin(request.scope(), request.filter(), sort);
        return data(request, result, ResultRows.of(result.rows()));
    }

    ReportData bulletinComputers(ReportRequest request) {
        String bulletinId = request.required("bulletin");
        Selection selection = Selection.valueOf(request.text("state") == null ? "VULNERABLE" : request.text("state").toUpperCase(Locale.ROOT));
        QueryResult<?> computers = queries.compliance().bulletinComputers(request.scope(), bulletinId, selection, request.filter(), request.page());
        BulletinCompliance bulletin = queries.compliance().byBulletin(request.scope(), request.filter(), BulletinSort.BULLETIN_ID).rows().stream()
                .filter(row -> row.bulletinId().equals(bulletinId)).findFirst()
                .orElse(new BulletinCompliance(bulletinId, "(not applicable to any computer in your scope)", null, null, false,
                        new ComplianceCounts(0, 0, 0, 0, 0, 0, 0)));
        ReportData data = data(request, computers, ResultRows.of(castRecords(computers.rows())))
                .withValue("bulletin_id", bulletinId)
                .withValue("bulletin_title", bulletin.title() == null ? "" : bulletin.title())
                .withValue("state_filter", selection.name().toLowerCase(Locale.ROOT));
        return withCounts(data, "count_", bulletin.counts());
    }

    ReportData computer(ReportRequest request) {
        String computerId = request.required("computer");
        ComputerDetail detail = queries.computers().computer(request.scope(), computerId).single();
        QueryResult<ComputerUpdate> updates = queries.computers().updates(request.scope(), computerId, OPEN_STATES);
        QueryResult<HistoryEntry> history = queries.computers().history(request.scope(), computerId, request.page());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ComputerUpdate update : updates.rows()) {
            rows.add(row("Required updates", update.bulletinId(), update.kb(), update.product(), update.severity(), update.state(),
                    update.stateSince(), null, update.failedAttempts()));
        }
        for (HistoryEntry entry : history.rows()) {
            String[] kbAndProduct = entry.updateId().split("\\|", 2);
            rows.add(row("Install history", entry.bulletinId(), kbAndProduct[0], kbAndProduct.length > 1 ? kbAndProduct[1] : "", null,
                    entry.regression() ? entry.state() + " (regression)" : entry.state(), entry.validFrom(), entry.validTo(), null));
        }
        Map<String, Object> values = ResultRows.of(detail);
        values.remove("bulletins");
        ReportData data = data(request, updates, rows);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            data = data.withValue(value.getKey(), value.getValue());
        }
        return withCounts(data, "count_", detail.bulletins());
    }

    ReportData byComputer(ReportRequest request) {
        ComputerSort sort = ComputerSort.valueOf(sortName(request, "MOST_VULNERABLE"));
        QueryResult<ComputerCompliance> result = queries.compliance().byComputer(request.scope(), request.filter(), sort, request.page());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ComputerCompliance computer : result.rows()) {
            Map<String, Object> row = ResultRows.of(computer);
            row.put("to_install_count", (long) computer.toInstallCount());
            row.put("to_install", computer.toInstall());
            rows.add(row);
        }
        return pageData(request, result, rows, ComplianceQueries.computersMatching(result));
    }

    ReportData byUpdate(ReportRequest request) {
        QueryResult<?> result = queries.compliance().byUpdate(request.scope(), request.filter(), request.text("bulletin"));
        return data(request, result, ResultRows.of(castRecords(result.rows())));
    }

    /** Region, then its sites; a site links to its computers (report 2 filtered to the site). */
    ReportData regional(ReportRequest request) {
        QueryResult<GroupCompliance> regions = queries.fleet().regions(request.scope(), request.filter());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GroupCompliance region : regions.rows()) {
            for (GroupCompliance site : queries.fleet().sites(request.scope(), request.filter(), region.group()).rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("region", region.group());
                row.put("site", site.group());
                row.put("computers", site.computers());
                row.putAll(ResultRows.counts(site.counts()));
                rows.add(row);
            }
        }
        return data(request, regions, rows).withDataset("by_region", groups(regions.rows(), "region"));
    }

    /**
     * The executive summary's queries are independent: they run at the same time on connections of their own
     * (each leases the current snapshot), so the report waits for the slowest, not for the sum.
     */
    ReportData executiveSummary(ReportRequest request, OperationsReportData operations) {
        ExecutorService parallel = Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable, "executive-summary-query");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<QueryResult<GroupCompliance>> regionsQuery = CompletableFuture.supplyAsync(
                    () -> queries.fleet().regions(request.scope(), request.filter()), parallel);
            CompletableFuture<List<BulletinCompliance>> bulletinsQuery = CompletableFuture.supplyAsync(
                    () -> queries.compliance().byBulletin(request.scope(), request.filter(), BulletinSort.MOST_VULNERABLE).rows(), parallel);
            LocalDate to = request.date("to") != null ? request.date("to")
                    : LocalDate.ofInstant(queries.warehouse().currentSnapshot().dataAsOf(), ZoneOffset.UTC);
            QueryFilter slaFilter = operations.slaWindow(request);
            LocalDate from = slaFilter.from();
            CompletableFuture<UnaryOperator<ReportData>> operationsQuery = CompletableFuture.supplyAsync(
                    () -> operations.executiveValues(request, slaFilter, parallel), parallel);
            List<Map<String, Object>> trend = ResultRows.of(queries.compliance().trend(request.scope(), request.filter(), from, to).rows());
            QueryResult<GroupCompliance> regions = join(regionsQuery);
            List<Map<String, Object>> risks = new ArrayList<>();
            for (BulletinCompliance bulletin : join(bulletinsQuery)) {
                if (risks.size() == 8 || bulletin.counts().vulnerable() == 0) {
                    break;
                }
                Map<String, Object> row = ResultRows.of(bulletin);
                row.put("vulnerable", bulletin.counts().vulnerable());
                risks.add(row);
            }
            long[] totals = new long[7];
            for (GroupCompliance region : regions.rows()) {
                ComplianceCounts c = region.counts();
                long[] add = {c.applicable(), c.installed(), c.pendingReboot(), c.required(), c.failed(), c.exempt(), c.unknown()};
                for (int i = 0; i < 7; i++) {
                    totals[i] += add[i];
                }
            }
            ReportData data = data(request, regions, groups(regions.rows(), "region"))
                    .withDataset("trend", trend)
                    .withDataset("by_region", groups(regions.rows(), "region"))
                    .withDataset("top_risks", risks)
                    .withValue("sla_released", SlaReleaseWindow.describe(slaFilter, operations.policies(request)));
            data = join(operationsQuery).apply(data);
            return withCounts(data, "total_", new ComplianceCounts(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6]));
        } finally {
            parallel.shutdownNow();
        }
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static List<Map<String, Object>> groups(List<GroupCompliance> groups, String name) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GroupCompliance group : groups) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(name, group.group());
            row.put("computers", group.computers());
            row.putAll(ResultRows.counts(group.counts()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The report's data: rows beyond the request's limit (default {@link ReportRequest#DEFAULT_LIMIT}) are left out
     * and the report says so among its parameters ("rows: first 1,000 of 5,454").
     */
    static ReportData data(ReportRequest request, QueryResult<?> result, List<Map<String, Object>> rows) {
        Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
        int limit = request.page().limit();
        if (rows.size() > limit) {
            parameters.put("rows", String.format(Locale.US, "first %,d of %,d", limit, rows.size()));
            rows = rows.subList(0, limit);
        }
        return new ReportData(result.publishedAt(), parameters, request.scopeDescription(), rows, Map.of(), Map.of());
    }

    /** A report of one page of rows out of {@code total}: says so among its parameters when there are more. */
    static ReportData pageData(ReportRequest request, QueryResult<?> result, List<Map<String, Object>> rows, long total) {
        Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
        if (total > rows.size()) {
            int offset = request.page().offset();
            parameters.put("rows", offset == 0 ? String.format(Locale.US, "first %,d of %,d", rows.size(), total)
                    : String.format(Locale.US, "%,d to %,d of %,d", offset + 1, offset + rows.size(), total));
        }
        return new ReportData(result.publishedAt(), parameters, request.scopeDescription(), rows, Map.of(), Map.of());
    }

    static ReportData withCounts(ReportData data, String prefix, ComplianceCounts counts) {
        for (Map.Entry<String, Object> count : ResultRows.counts(counts).entrySet()) {
            data = data.withValue(prefix + count.getKey(), count.getValue());
        }
        return data;
    }

    @SuppressWarnings("unchecked")
    static List<? extends Record> castRecords(List<?> rows) {
        return (List<? extends Record>) rows;
    }

    private static String sortName(ReportRequest request, String defaultSort) {
        String sort = request.text("sort");
        return sort == null ? defaultSort : sort.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<String, Object> row(String section, String bulletinId, String kb, String product, String severity, String state,
                                           Object since, Object until, Long failedAttempts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("section", section);
        row.put("bulletin_id", bulletinId);
        row.put("kb", kb);
        row.put("product", product);
        row.put("severity", severity);
        row.put("state", state);
        row.put("since", since);
        row.put("until", until);
        row.put("failed_attempts", failedAttempts);
        return row;
    }
}
