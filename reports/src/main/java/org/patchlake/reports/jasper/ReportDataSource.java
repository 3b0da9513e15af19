package org.patchlake.reports.jasper;

import static java.util.Objects.requireNonNull;

import org.patchlake.reports.query.QueryLayer;

/**
 * Where reports get their rows: the query layer. Templates are filled from its results rather than
 * running SQL themselves, so scope is applied once, inside the query layer's SQL, and every report, the web
 * pages and the API show the same numbers from the same snapshot (whose time the result carries).
 */
public final class ReportDataSource {
    private final ComplianceReportData compliance;
    private final OperationsReportData operations;
    private final DetectionReportData detection;

    public ReportDataSource(QueryLayer queries) {
        requireNonNull(queries, "queries is null");
        this.compliance = new ComplianceReportData(queries);
        this.operations = new OperationsReportData(queries);
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
