package org.patchlake.reports.jasper;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every Jasper template Patchlake ships: the reports of DESIGN.md and their drill-down levels.
 * The name is the report's name on the command line and in web routes ({@code /reports/<name>}).
 */
public enum ReportTemplate {
    COMPLIANCE_BY_BULLETIN("compliance-by-bulletin", "compliance-by-bulletin/ComplianceByBulletin.jrxml", "Compliance by Bulletin"),
    BULLETIN_COMPUTERS("bulletin-computers", "compliance-by-bulletin/BulletinComputers.jrxml", "Computers of a Bulletin"),
    COMPUTER_DETAIL("computer", "compliance-by-computer/ComputerDetail.jrxml", "Computer"),
    COMPLIANCE_BY_COMPUTER("compliance-by-computer", "compliance-by-computer/ComplianceByComputer.jrxml", "Compliance by Computer"),
    COMPLIANCE_BY_UPDATE("compliance-by-update", "compliance-by-update/ComplianceByUpdate.jrxml", "Compliance by Update"),
    SLA_PHASE_ATTAINMENT("sla-phase-attainment", "sla-phase-attainment/SlaPhaseAttainment.jrxml", "SLA Phase Attainment"),
    DELIVERY_SUMMARY("delivery-summary", "delivery-summary/DeliverySummary.jrxml", "Software Update Delivery Summary"),
    REBOOT_STATUS("reboot-status", "reboot-status/RebootStatus.jrxml", "Reboot Status"),
    VULNERABILITY_SUMMARY("vulnerability-summary", "vulnerability-summary/VulnerabilitySummary.jrxml", "Vulnerability Analysis Summary"),
    AGENT_HEALTH("agent-health", "agent-health/AgentHealth.jrxml", "Agent Rollout and Health"),
    BULLETIN_DETAILS("bulletin-details", "bulletin-details/BulletinDetails.jrxml", "Software Bulletin Details and Superseded Bulletins"),
    REGIONAL_COMPLIANCE("regional-compliance", "regional-compliance/RegionalCompliance.jrxml", "Regional Compliance"),
    EXCEPTIONS("exceptions", "exceptions/Exceptions.jrxml", "Exceptions"),
    EXECUTIVE_SUMMARY("executive-summary", "executive-summary/ExecutiveSummary.jrxml", "Executive Summary"),
    DETECTION_AGREEMENT("detection-agreement", "detection-agreement/DetectionAgreement.jrxml", "Detection Agreement");

    /** Class-path folder holding the templates (src/main/jasperreports). */
    public static final String TEMPLATE_ROOT = "jasperreports/";
    /** The one style template every report uses. */
    public static final String STYLE_TEMPLATE = TEMPLATE_ROOT + "PatchlakeStyles.jrtx";

    private final String reportName;
    private final String templatePath;
    private final String title;

    ReportTemplate(String reportName, String templatePath, String title) {
        this.reportName = reportName;
        this.templatePath = templatePath;
        this.title = title;
    }

    public String reportName() {
        return reportName;
    }

    public String resourcePath() {
        return TEMPLATE_ROOT + templatePath;
    }

    public String title() {
        return title;
    }

    public static ReportTemplate byName(String reportName) {
        for (ReportTemplate template : values()) {
            if (template.reportName.equals(reportName)) {
                return template;
            }
        }
        throw new IllegalArgumentException("unknown report '" + reportName + "'; known reports: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportTemplate::reportName).collect(Collectors.joining(", "));
    }
}
