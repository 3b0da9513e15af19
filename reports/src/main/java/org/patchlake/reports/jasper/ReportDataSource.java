package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;
import org.patchlake.reports.query.QueryLayer;
import org.patchlake.reports.sla.SlaPolicies;
import org.patchlake.reports.sla.SlaPolicy;

/**
 * Where reports get their rows: the query layer. Templates are filled from its results rather than
 * running SQL themselves, so scope is applied once, inside the query layer's SQL, and every report, the web
 * pages and the API show the same numbers from the same snapshot (whose time the result carries).
 */
public final class ReportDataSource {
    private final ComplianceReportData compliance;
    private final OperationsReportData operations;
    private final DetectionReportData detection;

    /** SLA figures judge the reports module's seeded policies ({@link SlaPolicies#defaults()}, chosen by {@code policy}). */
    public ReportDataSource(QueryLayer queries) {
        this(queries, null);
    }

    /**
     * @param slaPolicies the policies SLA figures judge when the request names none (the web server's active policies,
     *                    read on each report, so an export shows what the page shows); null: the seeded
     *                    {@link SlaPolicies#CRITICAL_PHASED}
     */
    public ReportDataSource(QueryLayer queries, Supplier<List<SlaPolicy>> slaPolicies) {
        requireNonNull(queries, "queries is null");
        this.compliance = new ComplianceReportData(queries);
        this.operations = new OperationsReportData(queries, slaPolicies);
        this.detection = new DetectionReportData(queries);
    }

    public ReportData load(ReportRequest request) {
        return switch (request.template()) {
            case COMPLIANCE_BY_BULLETIN -> compliance.byBulletin(request);
            case BULLETIN_COMPUTERS -> compliance.bulletinComputers(request);
            case COMPUTER_DETAIL -> compliance.computer(request);
            case COMPLIANCE_BY_COMPUTER -> compliance.byComputer(request);
            case COMPLIANCE_BY_UPDATE -> compliance.byUpdate(request);
            case REGIONAL_COMPLIANCE -> compliance.regional(request);
            case EXECUTIVE_SUMMARY -> compliance.executiveSummary(request, operations);
            case SLA_PHASE_ATTAINMENT -> operations.sla(request);
            case DELIVERY_SUMMARY -> operations.delivery(request);
            case REBOOT_STATUS -> operations.reboot(request);
            case VULNERABILITY_SUMMARY -> operations.vulnerability(request);
            case AGENT_HEALTH -> operations.agentHealth(request);
            case BULLETIN_DETAILS -> operations.bulletinDetails(request);
            case EXCEPTIONS -> operations.exceptions(request);
            case DETECTION_AGREEMENT -> detection.detectionAgreement(request);
        };
    }
}
