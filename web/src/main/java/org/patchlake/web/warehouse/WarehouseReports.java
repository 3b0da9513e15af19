package org.patchlake.web.warehouse;

import org.patchlake.reports.query.QueryFilter;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.query.QueryResult;
import org.patchlake.reports.query.Scope;
import org.patchlake.reports.sla.SlaPolicy;
import org.patchlake.web.report.Counts;
import org.patchlake.web.report.Report;
import org.patchlake.web.report.ReportParameters;
import org.patchlake.web.report.ReportResult;
import org.patchlake.web.report.ReportResult.Figure;
import org.patchlake.web.report.SnapshotInfo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The reports of DESIGN.md as report tables, over the reports module's query layer: dispatches to the
 * compliance, SLA and fleet reports, and holds what they share (snapshot stamp, filter, headline figures).
 */
final class WarehouseReports {
    private final ComplianceReports compliance;
    private final SlaReports sla;
    private final FleetReports fleet;
    private final DetectionReports detection;

    WarehouseReports(QueryLayer queries, Supplier<List<SlaPolicy>> slaPolicies, Supplier<Map<String, String>> customSeverities) {
        this.compliance = new ComplianceReports(queries, customSeverities);
        this.sla = new SlaReports(queries, slaPolicies, compliance);
        this.fleet = new FleetReports(queries);
        this.detection = new DetectionReports(queries);
    }

    ComplianceReports compliance() {
        return compliance;
    }

    SlaReports sla() {
        return sla;
    }

    DetectionReports detection() {
        return detection;
    }

    static SnapshotInfo snapshot(QueryResult<?> result) {
        return new SnapshotInfo(result.snapshotId(), result.publishedAt(), result.dataAsOf());
    }

    static QueryFilter filter(ReportParameters p) {
        return new QueryFilter(p.severity() == null ? Set.of() : Set.of(p.severity()),
                p.computerClass() == null ? Set.of() : Set.of(p.computerClass()), Set.of(), Set.of(), p.from(), p.to());
    }

    static <T> List<T> limit(List<T> rows, int limit) {
        return rows.size() <= limit ? rows : rows.subList(0, limit);
    }

    static List<Figure> headline(Counts total, long items, String itemLabel) {
        return List.of(new Figure("Compliance", total.compliance()), new Figure("Strict compliance (unknown = not compliant)", total.strict()),
                new Figure("Applicable computer x bulletin pairs", total.applicable()), new Figure("Vulnerable", total.vulnerable()),
                new Figure("Exempt", total.exempt()), new Figure("Unknown", total.unknown()), new Figure(itemLabel, items));
    }

    ReportResult run(Report report, ReportParameters p, Scope scope) {
        return switch (report) {
            case COMPLIANCE_BY_BULLETIN -> compliance.byBulletin(report, p, scope);
            case COMPLIANCE_BY_COMPUTER -> compliance.byComputer(report, p, scope);
            case COMPLIANCE_BY_UPDATE -> compliance.byUpdate(report, p, scope);
            case SLA_ATTAINMENT -> sla.sla(report, p, scope);
            case DELIVERY_SUMMARY -> fleet.delivery(report, p, scope);
            case REBOOT_STATUS -> fleet.reboots(report, p, scope);
            case VULNERABILITY_SUMMARY -> fleet.vulnerabilities(report, p, scope);
            case AGENT_HEALTH -> fleet.agents(report, p, scope);
            case BULLETIN_DETAILS -> compliance.bulletins(report, p, scope);
            case REGIONAL_COMPLIANCE -> compliance.regional(report, p, scope);
            case EXCEPTIONS -> fleet.exceptions(report, p, scope);
            case EXECUTIVE_SUMMARY -> sla.executive(report, p, scope);
            case DETECTION_AGREEMENT -> detection.report(report, p, scope);
        };
    }
}
