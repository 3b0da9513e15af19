package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.patchlake.reports.query.CatalogQueries;
import org.patchlake.reports.query.CatalogQueries.ExceptionRow;
import org.patchlake.reports.query.DeliveryQueries.PolicyDelivery;
import org.patchlake.reports.query.FleetQueries.AgentComputer;
import org.patchlake.reports.query.FleetQueries.AgentHealth;
import org.patchlake.reports.query.FleetQueries.UnresolvedComputer;
import org.patchlake.reports.query.FleetQueries.VulnerabilityTrendPoint;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.sla.SlaPhase;
import org.patchlake.reports.sla.SlaPolicies;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.reports.sla.SlaQueries.Grouping;
import org.patchlake.reports.sla.SlaRows.SlaAttainment;
import org.patchlake.reports.sla.SlaRows.SlaSummary;
import org.patchlake.reports.sla.SlaRows.TimeToPatch;
import org.patchlake.reports.sla.SlaQueries;
import org.patchlake.reports.sla.SlaReleaseWindow;

/** Report data of reports 4 to 9, 11 and the executive summary's SLA and fleet figures, from the query layer. */
final class OperationsReportData {
    private static final int ROLLOUT_CURVES = 4;

    private final QueryLayer queries;

    private final java.util.function.Supplier<List<SlaPolicy>> slaPolicies;

    OperationsReportData(QueryLayer queries, java.util.function.Supplier<List<SlaPolicy>> slaPolicies) {
        this.queries = requireNonNull(queries, "queries is null");
        this.slaPolicies = slaPolicies;
    }

    /** The bulletins SLA figures judge: the request's release dates, else {@link SlaReleaseWindow}'s days up to the data's day. */
    QueryFilter slaWindow(ReportRequest request) {
        return SlaReleaseWindow.applyTo(request.filter(), LocalDate.ofInstant(snapshotNow(), ZoneOffset.UTC));
    }

    ReportData sla(ReportRequest request) {
        List<SlaPolicy> policies = policies(request);
        QueryFilter window = slaWindow(request);
        int days = request.integer("days", 14);
        // like the executive summary: time to patch and the rollout curves run beside the attainment query
        java.util.concurrent.ExecutorService parallel = java.util.concurrent.Executors.newFixedThreadPool(ROLLOUT_CURVES, runnable -> {
            Thread thread = new Thread(runnable, "sla-report-query");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<List<TimeToPatch>> timeToPatch = CompletableFuture.supplyAsync(() -> queries.sla()
                    .timeToPatch(request.scope(), window, Grouping.SEVERITY, days).rows(), parallel);
            QueryResult<SlaAttainment> attainment = queries.sla().attainment(request.scope(), window, policies, null);
            List<CompletableFuture<List<Map<String, Object>>>> curves = new ArrayList<>();
            attainment.rows().stream().map(SlaAttainment::bulletinId).distinct().limit(ROLLOUT_CURVES).forEach(bulletinId ->
                    curves.add(CompletableFuture.supplyAsync(() -> {
                        List<Map<String, Object>> points = new ArrayList<>();
                        for (var point : queries.sla().rolloutCurve(request.scope(), bulletinId, request.filter(), SlaQueries.defaultPoints()).rows()) {
                            points.add(Map.of("series", bulletinId, "hours", (double) point.hoursSinceRelease(),
                                    "compliance", point.denominator() == 0 ? 0.0 : (double) point.compliant() / point.denominator()));
                        }
                        return points;
                    }, parallel)));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SlaAttainment row : attainment.rows()) {
                Map<String, Object> map = ResultRows.of(row);
                map.put("region", row.region() == null ? "all in scope" : row.region());
                map.put("target", row.targetPercent() / 100.0);
                rows.add(map);
            }
            List<Map<String, Object>> rollout = new ArrayList<>();
            for (CompletableFuture<List<Map<String, Object>>> curve : curves) {
                rollout.addAll(ComplianceReportData.join(curve));
            }
            for (SlaPolicy policy : policies) {
                for (SlaPhase phase : policy.phases()) {
                    double hours = phase.elapsed() != null ? phase.elapsed().toHours() : phase.businessDays() * 24.0;
                    rollout.add(Map.of("series", "target " + policy.name(), "hours", hours, "compliance", phase.targetPercent() / 100.0));
                }
            }
            return ComplianceReportData.data(request, attainment, rows)
                    .withDataset("severity_summary", severitySummary(attainment, ComplianceReportData.join(timeToPatch)))
                    .withDataset("rollout", rollout)
                    .withValue("within_days", (long) days)
                    .withValue("sla_definition", SlaReleaseWindow.describe(window, policies));
        } finally {
            parallel.shutdownNow();
        }
    }

    private static List<Map<String, Object>> severitySummary(QueryResult<SlaAttainment> attainment, List<TimeToPatch> timeToPatchRows) {
        Map<String, TimeToPatch> timeToPatch = new LinkedHashMap<>();
        for (TimeToPatch row : timeToPatchRows) {
            timeToPatch.put(row.group(), row);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SlaSummary summary : SlaQueries.summary(attainment)) {
            Map<String, Object> row = ResultRows.of(summary);
            TimeToPatch patch = timeToPatch.get(summary.severity());
            row.put("mean_hours_to_patch", patch == null ? null : patch.meanHoursToPatch());
            row.put("patched_within", patch == null ? null : patch.patchedWithin());
            row.put("eligible_within", patch == null ? null : patch.eligibleWithin());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The policies judged: without {@code policy}, the given ones (the server's active policies) or else the seeded
     * {@link SlaPolicies#CRITICAL_PHASED}; with it, the given policies of that name, else the seeded set of that name.
     */
    List<SlaPolicy> policies(ReportRequest request) {
        String name = request.text("policy");
        List<SlaPolicy> given = slaPolicies == null ? null : slaPolicies.get();
        if (name == null) {
            return given != null ? given : SlaPolicies.defaults().get(SlaPolicies.CRITICAL_PHASED);
        }
        if (given != null) {
            List<SlaPolicy> named = given.stream().filter(policy -> policy.name().equals(name)).toList();
            if (!named.isEmpty()) {
                return named;
            }
        }
        List<SlaPolicy> policies = SlaPolicies.defaults().get(name);
        if (policies == null) {
            throw new IllegalArgumentException("unknown SLA policy '" + name + "'; known: " + SlaPolicies.defaults().keySet());
        }
        return policies;
    }

    ReportData delivery(ReportRequest request) {
        Instant to = request.date("to") != null ? request.date("to").plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
        QueryResult<PolicyDelivery> policies = queries.deliveries().byPolicy(request.scope(), request.filter(),
                from(request, to), to == null ? snapshotNow().plusSeconds(1) : to);
        Instant end = to == null ? snapshotNow().plusSeconds(1) : to;
        long succeeded = 0, rebootRequired = 0, failed = 0, notCompleted = 0;
        for (PolicyDelivery policy : policies.rows()) {
            succeeded += policy.succeeded() - policy.succeededRebootRequired();
            rebootRequired += policy.succeededRebootRequired();
            failed += policy.failed();
            notCompleted += policy.notCompleted();
        }
        List<Map<String, Object>> outcomes = List.of(outcome("succeeded", succeeded), outcome("succeeded, reboot required", rebootRequired),
                outcome("failed", failed), outcome("not completed", notCompleted));
        return ComplianceReportData.data(request, policies, ResultRows.of(policies.rows()))
                .withDataset("outcomes", outcomes)
                .withDataset("return_codes", ResultRows.of(queries.deliveries()
                        .returnCodes(request.scope(), request.filter(), from(request, to), end, request.text("policy")).rows()));
    }

    private Instant from(ReportRequest request, Instant to) {
        if (request.date("from") != null) {
            return request.date("from").atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return (to == null ? snapshotNow() : to).minus(Duration.ofDays(30));
    }

    private Instant snapshotNow() {
        return queries.warehouse().currentSnapshot().dataAsOf();
    }

    private static Map<String, Object> outcome(String outcome, long computers) {
        return Map.of("outcome", outcome, "deliveries", computers);
    }

    ReportData reboot(ReportRequest request) {
        QueryResult<?> pending = queries.deliveries().pendingReboots(request.scope(), request.filter(), request.page());
        AgentHealth health = queries.fleet().agentHealth(request.scope(), request.filter(), 14).single();
        return ComplianceReportData.data(request, pending, ResultRows.of(ComplianceReportData.castRecords(pending.rows())))
                .withValue("computers_in_scope", health.computers())
                .withValue("computers_pending", queries.deliveries().pendingRebootCount(request.scope(), request.filter()).single().computers());
    }

    ReportData vulnerability(ReportRequest request) {
        QueryResult<?> counts = queries.fleet().vulnerabilities(request.scope(), request.filter());
        LocalDate to = request.date("to") != null ? request.date("to") : LocalDate.ofInstant(counts.dataAsOf(), ZoneOffset.UTC);
        LocalDate from = request.date("from") != null ? request.date("from") : to.minusDays(29);
        Map<String, Map<String, Object>> trend = new TreeMap<>();
        for (VulnerabilityTrendPoint point : queries.fleet().vulnerabilityTrend(request.scope(), request.filter(), from, to).rows()) {
            Map<String, Object> row = trend.computeIfAbsent(point.day() + "|" + point.severity(), key -> {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("day", point.day());
                created.put("severity", point.severity());
                created.put("vulnerable", 0L);
                return created;
            });
            row.put("vulnerable", (Long) row.get("vulnerable") + point.vulnerable());
        }
        return ComplianceReportData.data(request, counts, ResultRows.of(ComplianceReportData.castRecords(counts.rows())))
                .withDataset("trend", new ArrayList<>(trend.values()));
    }

    ReportData agentHealth(ReportRequest request) {
        int days = request.integer("days", 14);
        QueryResult<AgentHealth> health = queries.fleet().agentHealth(request.scope(), request.filter(), days);
        Instant now = health.dataAsOf();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AgentComputer computer : queries.fleet().agentComputers(request.scope(), request.filter(), days, false, request.page()).rows()) {
            rows.add(agentRow(computer.agentVersion() == null ? "no agent" : "not reporting", computer, now));
        }
        for (AgentComputer computer : queries.fleet().agentComputers(request.scope(), request.filter(), days, true, request.page()).rows()) {
            rows.add(agentRow("scan errors", computer, now));
        }
        for (UnresolvedComputer computer : queries.fleet().unresolvedOperatingSystems(request.scope(), request.filter(),
                request.page()).rows()) {
            rows.add(unresolvedRow(computer, now));
        }
        AgentHealth totals = health.single();
        Map<String, Object> values = ResultRows.of(totals);
        ReportData data = ComplianceReportData.data(request, health, rows)
                .withDataset("versions", ResultRows.of(queries.fleet().agentVersions(request.scope(), request.filter()).rows()))
                .withValue("reporting", totals.withAgent() - totals.notReporting());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            data = data.withValue(value.getKey(), value.getValue());
        }
        return data;
    }

    private static Map<String, Object> agentRow(String issue, AgentComputer computer, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issue", issue);
        row.putAll(ResultRows.of(computer));
        row.put("days_silent", computer.lastInventoryAt() == null ? null : Duration.between(computer.lastInventoryAt(), now).toDays());
        row.put("detail", computer.lastScanError());
        return row;
    }

    /** A computer whose OS was not resolved to catalog products: the reason is its detail. */
    private static Map<String, Object> unresolvedRow(UnresolvedComputer computer, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issue", "OS not resolved");
        row.put("computer_id", computer.computerId());
        row.put("hostname", computer.hostname());
        row.put("region", computer.region());
        row.put("site", computer.site());
        row.put("computer_class", computer.computerClass());
        row.put("agent_version", computer.agentVersion());
        row.put("last_inventory_at", computer.lastInventoryAt());
        row.put("days_silent", computer.lastInventoryAt() == null ? null : Duration.between(computer.lastInventoryAt(), now).toDays());
        row.put("scan_error_count", null);
        row.put("detail", computer.reason());
        return row;
    }

    ReportData bulletinDetails(ReportRequest request) {
        QueryResult<CatalogQueries.SupersededBulletin> superseded = queries.catalog().supersededBulletins(request.scope(), request.filter(),
                request.page());
        ReportData data = ComplianceReportData.pageData(request, superseded, ResultRows.of(superseded.rows()),
                CatalogQueries.bulletinsMatching(superseded));
        String bulletinId = request.text("bulletin");
        if (bulletinId == null) {
            return data.withDataset("updates", List.of()).withValue("bulletin_heading", null).withValue("bulletin_text", null);
        }
        var bulletin = queries.catalog().bulletin(bulletinId).single();
        return data.withDataset("updates", ResultRows.of(bulletin.updates()))
                .withValue("bulletin_heading", bulletin.bulletinId() + " · " + bulletin.title())
                .withValue("bulletin_text", "Severity " + bulletin.severity() + " · impact " + bulletin.impact() + " · released " + bulletin.released()
                        + (bulletin.revised() == null ? "" : " · revised " + bulletin.revised()) + " · " + bulletin.cveCount() + " CVEs · exploit published: "
                        + (bulletin.exploited() ? "yes" : "no") + " · superseded: " + (bulletin.superseded() ? "yes" : "no"));
    }

    ReportData exceptions(ReportRequest request) {
        int days = request.integer("days", 14);
        // one page of rows and the counts of all of them: a long list is not fetched only to be cut
        QueryResult<ExceptionRow> exceptions = queries.catalog().exceptions(request.scope(), request.filter(), days, request.page());
        CatalogQueries.ExceptionCounts counts = queries.catalog().exceptionCounts(request.scope(), request.filter(), days).single();
        Instant now = exceptions.dataAsOf();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExceptionRow exception : exceptions.rows()) {
            Map<String, Object> row = ResultRows.of(exception);
            row.put("status", exception.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("days_left", exception.expiresAt() == null ? null : Duration.between(now, exception.expiresAt()).toDays());
            rows.add(row);
        }
        return ComplianceReportData.pageData(request, exceptions, rows, counts.total())
                .withValue("active", counts.active()).withValue("expiring", counts.expiring()).withValue("expired", counts.expired())
                .withValue("expiring_days", (long) days);
    }

    /**
     * The executive summary's SLA and fleet figures, queried now, added to the report's data by the returned function.
     * SLA attainment and time to patch count the bulletins released in {@code slaFilter}'s window (the report's period),
     * not every bulletin since 2008: a phase of a years-old bulletin, judged from its release, says nothing about how
     * the fleet patches now.
     */
    UnaryOperator<ReportData> executiveValues(ReportRequest request, QueryFilter slaFilter, Executor parallel) {
        CompletableFuture<List<TimeToPatch>> timeToPatch = CompletableFuture.supplyAsync(() -> queries.sla()
                .timeToPatch(request.scope(), slaFilter, Grouping.SEVERITY, request.integer("days", 14)).rows(), parallel);
        CompletableFuture<AgentHealth> agentHealth = CompletableFuture.supplyAsync(
                () -> queries.fleet().agentHealth(request.scope(), request.filter(), 14).single(), parallel);
        QueryResult<SlaAttainment> attainment = queries.sla().attainment(request.scope(), slaFilter, policies(request), null);
        AgentHealth health = ComplianceReportData.join(agentHealth);
        long met = 0, missed = 0, onTrack = 0, atRisk = 0;
        List<SlaSummary> summaries = SlaQueries.summary(attainment);
        for (SlaSummary summary : summaries) {
            met += summary.met();
            missed += summary.missed();
            onTrack += summary.onTrack();
            atRisk += summary.atRisk();
        }
        List<Map<String, Object>> sla = severitySummary(attainment, ComplianceReportData.join(timeToPatch));
        long[] statuses = {met, missed, onTrack, atRisk};
        return data -> data.withDataset("sla", sla)
                .withValue("computers_in_scope", health.computers())
                .withValue("computers_reporting", health.withAgent() - health.notReporting())
                .withValue("sla_met", statuses[0]).withValue("sla_missed", statuses[1])
                .withValue("sla_on_track", statuses[2]).withValue("sla_at_risk", statuses[3]);
    }
}
