package org.patchlake.web.warehouse;

import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Sorts;
import org.patchlake.reports.sla.SlaPhase;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.reports.sla.SlaQueries;
import org.patchlake.reports.sla.SlaReleaseWindow;
import org.patchlake.reports.sla.SlaRows;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Ratio;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportColumn.Link;
import org.patchlake.web.report.ReportColumn;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportTable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.patchlake.web.warehouse.Cells.cells;
import static org.patchlake.web.warehouse.WarehouseReports.filter;
import static org.patchlake.web.warehouse.WarehouseReports.headline;
import static org.patchlake.web.warehouse.WarehouseReports.limit;
import static org.patchlake.web.warehouse.WarehouseReports.snapshot;

/** Reports 4 (SLA phase attainment) and 12 (executive summary: compliance, SLA attainment, trend, top risks). */
final class SlaReports {
    private static final int ROLLOUT_POLICIES = 2;
    private static final int ROLLOUT_BULLETINS = 3;
    private final QueryLayer queries;
    private final Supplier<List<SlaPolicy>> slaPolicies;
    private final ComplianceReports compliance;

    SlaReports(QueryLayer queries, Supplier<List<SlaPolicy>> slaPolicies, ComplianceReports compliance) {
        this.queries = queries;
        this.slaPolicies = slaPolicies;
        this.compliance = compliance;
    }

    /** The SLA figures of every surface: the active policies over the bulletins of {@link #window}. */
    QueryResult<SlaRows.SlaAttainment> attainment(ReportParameters p, Scope scope) {
        Instant asOf = p.asOf() == null ? null : p.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return queries.sla().attainment(scope, window(p), slaPolicies.get(), asOf);
    }

    /** The bulletins judged: the parameters' release dates, else the window ending with the as-of or the data's day. */
    QueryFilter window(ReportParameters p) {
        LocalDate lastDay = p.asOf() != null ? p.asOf()
                : LocalDate.ofInstant(queries.warehouse().currentSnapshot().dataAsOf(), ZoneOffset.UTC);
        return SlaReleaseWindow.applyTo(filter(p), lastDay);
    }

    /** What an SLA figure was judged by, printed next to it. */
    String definition(ReportParameters p) {
        return SlaReleaseWindow.describe(window(p), slaPolicies.get());
    }

    ReportResult sla(Report report, ReportParameters p, Scope scope) {
        QueryResult<SlaRows.SlaAttainment> result = attainment(p, scope);
        List<List<Object>> rows = new ArrayList<>();
        for (SlaRows.SlaAttainment a : limit(result.rows(), p.limit())) {
            rows.add(cells(a.bulletinId(), a.title(), a.severity(), a.policy(), a.phase(), a.targetPercent(), a.deadline(),
                    a.region() == null ? "all" : a.region(), new Ratio(a.compliantAtDeadline(), Math.max(0, a.denominator())),
                    new Ratio(a.compliantNow(), Math.max(0, a.denominator())), a.exempt(), a.unknown(), a.status().name()));
        }
        List<List<Object>> summary = new ArrayList<>();
        for (SlaRows.SlaSummary s : SlaQueries.summary(result)) {
            summary.add(cells(s.severity(), s.policy(), s.phase(), s.met(), s.missed(), s.onTrack(), s.atRisk(),
                    new Ratio(s.met(), s.met() + s.missed())));
        }
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable("Attainment by severity and phase", List.of(ReportColumn.text("severity", "Severity"),
                        ReportColumn.text("policy", "Policy"), ReportColumn.text("phase", "Phase"), ReportColumn.number("met", "Met"),
                        ReportColumn.number("missed", "Missed"), ReportColumn.number("on_track", "On track"),
                        ReportColumn.number("at_risk", "At risk"), ReportColumn.ratio("attainment", "Met / decided")), summary));
        tables.add(new ReportTable("Bulletin x phase", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.text("policy", "Policy"),
                        ReportColumn.text("phase", "Phase"), ReportColumn.number("target", "Target %"), ReportColumn.timestamp("deadline", "Deadline"),
                        ReportColumn.text("region", "Region"), ReportColumn.ratio("at_deadline", "Compliant at deadline"),
                        ReportColumn.ratio("now", "Compliant now"), ReportColumn.number("exempt", "Exempt"),
                        ReportColumn.number("unknown", "Unknown"), ReportColumn.text("status", "Status")), rows, result.rows().size(), null));
        tables.addAll(1, rolloutTables(result, p, scope));
        long met = result.rows().isEmpty() ? 0 : SlaQueries.summary(result).stream().mapToLong(SlaRows.SlaSummary::met).sum();
        long missed = SlaQueries.summary(result).stream().mapToLong(SlaRows.SlaSummary::missed).sum();
        return new ReportResult(report.title(), snapshot(result), List.of(new Figure("SLA phases met / decided (" + definition(p) + ")",
                new Ratio(met, met + missed))), tables);
    }

    /**
     * The rollout curves: for each policy that measures every computer of a severity (no class or level selector), at
     * most {@value #ROLLOUT_POLICIES} of them, the compliance of its {@value #ROLLOUT_BULLETINS} most recently released
     * bulletins by days since release, beside the policy's phase targets (the target in force from each deadline on).
     */
    List<ReportTable> rolloutTables(QueryResult<SlaRows.SlaAttainment> attainment, ReportParameters p, Scope scope) {
        Map<String, List<SlaRows.SlaAttainment>> bulletinsByPolicy = new LinkedHashMap<>();
        List<SlaRows.SlaAttainment> newestFirst = new ArrayList<>(attainment.rows());
        newestFirst.sort(Comparator.comparing(SlaRows.SlaAttainment::released, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(SlaRows.SlaAttainment::bulletinId));
        for (SlaRows.SlaAttainment row : newestFirst) {
            List<SlaRows.SlaAttainment> bulletins = bulletinsByPolicy.computeIfAbsent(row.policy(), k -> new ArrayList<>());
            if (row.allRegions() && bulletins.size() < ROLLOUT_BULLETINS
                    && bulletins.stream().noneMatch(b -> b.bulletinId().equals(row.bulletinId()))) {
                bulletins.add(row);
            }
        }
        List<ReportTable> tables = new ArrayList<>();
        for (SlaPolicy policy : slaPolicies.get()) {
            List<SlaRows.SlaAttainment> bulletins = bulletinsByPolicy.getOrDefault(policy.name(), List.of());
            if (tables.size() == ROLLOUT_POLICIES || bulletins.isEmpty() || policy.phases().isEmpty()
                    || policy.computerClass() != null || policy.managedLevel() != null) {
                continue;
            }
            tables.add(rolloutTable(policy, bulletins, p, scope));
        }
        return tables;
    }

    private ReportTable rolloutTable(SlaPolicy policy, List<SlaRows.SlaAttainment> bulletins, ReportParameters p, Scope scope) {
        List<double[]> targets = new ArrayList<>();
        for (SlaPhase phase : policy.phases()) {
            targets.add(new double[] {phaseDays(phase), phase.targetPercent()});
        }
        targets.sort(Comparator.comparingDouble(t -> t[0]));
        double horizon = Math.max(28, targets.get(targets.size() - 1)[0]);
        TreeSet<Long> days = new TreeSet<>();
        for (long hours : SlaQueries.defaultPoints()) {
            days.add(hours / 24);
        }
        targets.forEach(t -> days.add((long) Math.ceil(t[0])));
        days.removeIf(day -> day > horizon);
        List<Long> hours = days.stream().map(day -> day * 24).toList();
        List<Map<Long, Ratio>> curves = new ArrayList<>();
        for (SlaRows.SlaAttainment bulletin : bulletins) {
            Map<Long, Ratio> curve = new HashMap<>();
            for (SlaRows.RolloutPoint point : queries.sla().rolloutCurve(scope, bulletin.bulletinId(), filter(p), hours).rows()) {
                curve.put(point.hoursSinceRelease() / 24, new Ratio(point.compliant(), Math.max(0, point.denominator())));
            }
            curves.add(curve);
        }
        List<ReportColumn> columns = new ArrayList<>(List.of(ReportColumn.number("day", "Days since release"),
                ReportColumn.number(ReportTable.Chart.TARGET_COLUMN, "Phase target %")));
        List<String> series = new ArrayList<>();
        for (int i = 0; i < bulletins.size(); i++) {
            SlaRows.SlaAttainment bulletin = bulletins.get(i);
            columns.add(ReportColumn.ratio("bulletin_" + i, bulletin.bulletinId() + " (released " + bulletin.released() + ")"));
            series.add("bulletin_" + i);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (long day : days) {
            Double target = null;
            for (double[] t : targets) {
                if (t[0] <= day) {
                    target = t[1];
                }
            }
            List<Object> row = new ArrayList<>(List.of(day));
            row.add(target);
            boolean any = false;
            for (Map<Long, Ratio> curve : curves) {
                row.add(curve.get(day));
                any |= curve.containsKey(day);
            }
            // rows with a computed point, plus the days where a phase target starts (the chart's target steps): not
            // dozens of rows of dashes for the days after data-as-of
            boolean phaseStart = targets.stream().anyMatch(t -> (long) Math.ceil(t[0]) == day);
            if (any || target != null && phaseStart) {
                rows.add(row);
            }
        }
        return new ReportTable("Rollout against " + policy.name() + " (compliance by days since release)", columns, rows)
                .withChart(new ReportTable.Chart(ReportTable.Chart.Kind.ROLLOUT, "day", series));
    }

    /** The days from release to a phase's deadline (business days as calendar weeks: 5 to 7). */
    static double phaseDays(SlaPhase phase) {
        return phase.elapsed() != null ? phase.elapsed().toHours() / 24.0 : Math.ceil(phase.businessDays() * 7 / 5.0);
    }

    ReportResult executive(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> bulletins = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.MOST_VULNERABLE);
        Counts total = Cells.sum(bulletins.rows().stream().map(BulletinCompliance::counts).toList());
        ReportResult regions = compliance.regional(Report.REGIONAL_COMPLIANCE, new ReportParameters(null, null, null, p.from(), p.to(), null, null,
                null, null, ReportParameters.DEFAULT_LIMIT), scope);
        // SLA phases by the same definition as the dashboard, the SLA page and the PDF
        List<SlaRows.SlaSummary> sla = SlaQueries.summary(attainment(p, scope));
        long met = sla.stream().mapToLong(SlaRows.SlaSummary::met).sum();
        long missed = sla.stream().mapToLong(SlaRows.SlaSummary::missed).sum();
        List<Figure> figures = new ArrayList<>(headline(total, bulletins.rows().size(), "Bulletins"));
        figures.add(new Figure("SLA phases met / decided (" + definition(p) + ")", new Ratio(met, met + missed)));
        return new ReportResult(report.title(), snapshot(bulletins), figures, List.of(regions.tables().get(0), compliance.trendTable(scope, p,
                LocalDate.ofInstant(bulletins.dataAsOf(), ZoneOffset.UTC)), compliance.bulletinTable("Top risks", bulletins.rows(), 10,
                bulletins.rows().size()).withChart(null)));
    }
}
