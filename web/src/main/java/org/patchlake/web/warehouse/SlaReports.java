package org.patchlake.web.warehouse;

import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.query.Sorts;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.reports.sla.SlaQueries;
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
import java.util.List;
import java.util.function.Supplier;

import static org.patchlake.web.warehouse.Cells.cells;
import static org.patchlake.web.warehouse.WarehouseReports.filter;
import static org.patchlake.web.warehouse.WarehouseReports.headline;
import static org.patchlake.web.warehouse.WarehouseReports.limit;
import static org.patchlake.web.warehouse.WarehouseReports.snapshot;

/** Reports 4 (SLA phase attainment) and 12 (executive summary: compliance, SLA attainment, trend, top risks). */
final class SlaReports {
    private final QueryLayer queries;
    private final Supplier<List<SlaPolicy>> slaPolicies;
    private final ComplianceReports compliance;

    SlaReports(QueryLayer queries, Supplier<List<SlaPolicy>> slaPolicies, ComplianceReports compliance) {
        this.queries = queries;
        this.slaPolicies = slaPolicies;
        this.compliance = compliance;
    }

    QueryResult<SlaRows.SlaAttainment> attainment(ReportParameters p, Scope scope) {
        Instant asOf = p.asOf() == null ? null : p.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return queries.sla().attainment(scope, filter(p), slaPolicies.get(), asOf);
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
        return new ReportResult(report.title(), snapshot(result), List.of(), List.of(
                new ReportTable("Attainment by severity and phase", List.of(ReportColumn.text("severity", "Severity"),
                        ReportColumn.text("policy", "Policy"), ReportColumn.text("phase", "Phase"), ReportColumn.number("met", "Met"),
                        ReportColumn.number("missed", "Missed"), ReportColumn.number("on_track", "On track"),
                        ReportColumn.number("at_risk", "At risk"), ReportColumn.ratio("attainment", "Met / decided")), summary),
                new ReportTable("Bulletin x phase", List.of(ReportColumn.linked("bulletin_id", "Bulletin", Link.BULLETIN),
                        ReportColumn.text("title", "Title"), ReportColumn.text("severity", "Severity"), ReportColumn.text("policy", "Policy"),
                        ReportColumn.text("phase", "Phase"), ReportColumn.number("target", "Target %"), ReportColumn.timestamp("deadline", "Deadline"),
                        ReportColumn.text("region", "Region"), ReportColumn.ratio("at_deadline", "Compliant at deadline"),
                        ReportColumn.ratio("now", "Compliant now"), ReportColumn.number("exempt", "Exempt"),
                        ReportColumn.number("unknown", "Unknown"), ReportColumn.text("status", "Status")), rows, result.rows().size(), null)));
    }

    ReportResult executive(Report report, ReportParameters p, Scope scope) {
        QueryResult<BulletinCompliance> bulletins = queries.compliance().byBulletin(scope, filter(p), Sorts.BulletinSort.MOST_VULNERABLE);
        Counts total = Cells.sum(bulletins.rows().stream().map(BulletinCompliance::counts).toList());
        ReportResult regions = compliance.regional(Report.REGIONAL_COMPLIANCE, new ReportParameters(null, null, null, p.from(), p.to(), null, null,
                null, null, ReportParameters.DEFAULT_LIMIT), scope);
        List<SlaRows.SlaSummary> sla = SlaQueries.summary(attainment(p, scope));
        long met = sla.stream().mapToLong(SlaRows.SlaSummary::met).sum();
        long missed = sla.stream().mapToLong(SlaRows.SlaSummary::missed).sum();
        List<Figure> figures = new ArrayList<>(headline(total, bulletins.rows().size(), "Bulletins"));
        figures.add(new Figure("SLA phases met / decided", new Ratio(met, met + missed)));
        return new ReportResult(report.title(), snapshot(bulletins), figures, List.of(regions.tables().get(0), compliance.trendTable(scope, p,
                LocalDate.ofInstant(bulletins.dataAsOf(), ZoneOffset.UTC)), compliance.bulletinTable("Top risks", bulletins.rows(), 10,
                bulletins.rows().size()).withChart(null)));
    }
}
