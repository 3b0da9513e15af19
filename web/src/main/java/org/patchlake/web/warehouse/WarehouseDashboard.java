package org.patchlake.web.warehouse;

import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.DailyCompliance;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.DeliveryQueries;
import org.patchlake.reports.query.FleetQueries;
import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.sla.SlaQueries;
import org.patchlake.reports.sla.SlaRows;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Dashboard;
import org.patchlake.web.report.ReportParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's headline parts of reports 1, 4, 5, 7 and 8 from the query layer. */
final class WarehouseDashboard {
    private final QueryLayer queries;
    private final WarehouseReports reports;

    WarehouseDashboard(QueryLayer queries, WarehouseReports reports) {
        this.queries = queries;
        this.reports = reports;
    }

    Dashboard build(Scope scope) {
        QueryResult<BulletinCompliance> bulletins = queries.compliance().byBulletin(scope, QueryFilter.none(),
                org.patchlake.reports.query.Sorts.BulletinSort.MOST_VULNERABLE);
        Counts total = Cells.sum(bulletins.rows().stream().map(BulletinCompliance::counts).toList());
        List<Dashboard.RegionCounts> regions = new ArrayList<>();
        for (GroupCompliance g : queries.fleet().regions(scope, QueryFilter.none()).rows()) {
            regions.add(new Dashboard.RegionCounts(g.group(), Cells.counts(g.counts())));
        }
        // SLA phases by the one definition of every SLA surface (the active policies, the release window)
        ReportParameters defaults = new ReportParameters(null, null, null, null, null, null, null, null, null, ReportParameters.DEFAULT_LIMIT);
        List<SlaRows.SlaSummary> sla = SlaQueries.summary(reports.sla().attainment(defaults, scope));
        Dashboard.SlaSummary slaSummary = new Dashboard.SlaSummary(sla.stream().mapToLong(SlaRows.SlaSummary::met).sum(),
                sla.stream().mapToLong(SlaRows.SlaSummary::missed).sum(), sla.stream().mapToLong(SlaRows.SlaSummary::onTrack).sum(),
                sla.stream().mapToLong(SlaRows.SlaSummary::atRisk).sum(), reports.sla().definition(defaults));
        Instant to = bulletins.dataAsOf();
        long succeeded = 0;
        long rebootRequired = 0;
        long failed = 0;
        long notCompleted = 0;
        for (DeliveryQueries.PolicyDelivery d : queries.deliveries().byPolicy(scope, QueryFilter.none(),
                to.minus(DeliveryQueries.DEFAULT_WINDOW), to).rows()) {
            succeeded += d.succeeded() - d.succeededRebootRequired();
            rebootRequired += d.succeededRebootRequired();
            failed += d.failed();
            notCompleted += d.notCompleted();
        }
        Map<String, long[]> bySeverity = new LinkedHashMap<>();
        for (FleetQueries.VulnerabilityCount v : queries.fleet().vulnerabilities(scope, QueryFilter.none()).rows()) {
            long[] sums = bySeverity.computeIfAbsent(v.severity(), s -> new long[2]);
            sums[0] += v.vulnerableUpdates();
            if (v.exploited()) {
                sums[1] += v.vulnerableUpdates();
            }
        }
        List<Dashboard.SeverityRequired> vulnerabilities = new ArrayList<>();
        bySeverity.forEach((severity, sums) -> vulnerabilities.add(new Dashboard.SeverityRequired(severity, sums[0], sums[1])));
        FleetQueries.AgentHealth health = queries.fleet().agentHealth(scope, QueryFilter.none(), FleetReports.DEFAULT_NOT_REPORTING_DAYS).single();
        LocalDate today = WarehouseReportService.day(to);
        List<Dashboard.TrendPoint> trend = new ArrayList<>();
        for (DailyCompliance d : queries.compliance().trend(scope, QueryFilter.none(), today.minusDays(30), today).rows()) {
            trend.add(new Dashboard.TrendPoint(d.day(), Cells.counts(d.counts())));
        }
        List<Dashboard.BulletinRisk> risks = new ArrayList<>();
        for (BulletinCompliance b : bulletins.rows().subList(0, Math.min(5, bulletins.rows().size()))) {
            if (b.counts().vulnerable() > 0) {
                risks.add(new Dashboard.BulletinRisk(b.bulletinId(), b.title() == null ? "" : b.title(), b.severity(), b.exploited(),
                        b.counts().vulnerable()));
            }
        }
        return new Dashboard(WarehouseReports.snapshot(bulletins), total, regions, slaSummary,
                new Dashboard.DeliverySummary(succeeded, rebootRequired, failed, notCompleted), vulnerabilities,
                new Dashboard.AgentHealth(health.computers(), health.computers() - health.notReporting(), health.notReporting(),
                        health.withScanErrors()), trend, risks);
    }
}
