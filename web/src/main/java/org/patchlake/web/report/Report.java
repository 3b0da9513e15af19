package org.patchlake.web.report;

import org.patchlake.web.auth.Permission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.patchlake.web.report.ReportParameter.*;

/** The reports of DESIGN.md, each with its URL id, the permission it needs and the parameters it takes. */
public enum Report {
    COMPLIANCE_BY_BULLETIN("compliance-by-bulletin", "Compliance by Bulletin",
            "Applicable, installed and vulnerable computers per bulletin; drill down to the computers and to one computer.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, SEVERITY, FROM, TO, COMPUTER_CLASS, LIMIT)),
    COMPLIANCE_BY_COMPUTER("compliance-by-computer", "Compliance by Computer",
            "Per computer: required updates, last scan, pending reboot.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, SEVERITY, COMPUTER_CLASS, LIMIT)),
    COMPLIANCE_BY_UPDATE("compliance-by-update", "Compliance by Update",
            "Per update (KB x product): applicable and installed computers.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, SEVERITY, FROM, TO, LIMIT)),
    SLA_ATTAINMENT("sla-attainment", "SLA Phase Attainment",
            "Per severity, bulletin and region: phase deadlines, compliance reached, status.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, SEVERITY, FROM, TO, AS_OF, LIMIT)),
    DELIVERY_SUMMARY("delivery-summary", "Software Update Delivery Summary",
            "Per policy: succeeded, failed, not completed; failures by return code with meaning.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, FROM, TO, LIMIT)),
    REBOOT_STATUS("reboot-status", "Reboot Status",
            "Computers pending restart and for how long.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, COMPUTER_CLASS, LIMIT)),
    VULNERABILITY_SUMMARY("vulnerability-summary", "Vulnerability Analysis Summary",
            "Required updates by severity and exploit status, with the trend.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, FROM, TO, LIMIT)),
    AGENT_HEALTH("agent-health", "Agent Rollout and Health",
            "Computers with and without an agent, not reporting in N days, agent versions, scan errors.",
            Permission.VIEW_AGENT_HEALTH, EnumSet.of(REGION, SITE, DAYS, LIMIT)),
    BULLETIN_DETAILS("bulletin-details", "Software Bulletin Details and Superseded Bulletins",
            "Bulletins with severity (vendor and custom), CVEs, exploit status, supersedence.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(SEVERITY, FROM, TO, LIMIT)),
    REGIONAL_COMPLIANCE("regional-compliance", "Regional Compliance",
            "Region, then site, then computer.",
            Permission.VIEW_SUMMARY_REPORTS, EnumSet.of(REGION, SITE, SEVERITY, LIMIT)),
    EXCEPTIONS("exceptions", "Exceptions",
            "Active, expiring and expired exceptions.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, LIMIT)),
    EXECUTIVE_SUMMARY("executive-summary", "Executive Summary",
            "Overall and per-region compliance, SLA attainment, trend, top risks.",
            Permission.VIEW_SUMMARY_REPORTS, EnumSet.of(REGION, FROM, TO)),
    DETECTION_AGREEMENT("detection-agreement", "Detection Agreement",
            "Where Windows Update's own verdict and Patchlake's differ, per region and computer; drill down to the KBs with each side's verdict.",
            Permission.VIEW_COMPLIANCE_REPORTS, EnumSet.of(REGION, SITE, COMPUTER_CLASS, LIMIT));

    private final String id;
    private final String title;
    private final String description;
    private final Permission permission;
    private final Set<ReportParameter> parameters;

    Report(String id, String title, String description, Permission permission, Set<ReportParameter> parameters) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.permission = permission;
        this.parameters = Set.copyOf(parameters);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Permission permission() {
        return permission;
    }

    public Set<ReportParameter> parameters() {
        return parameters;
    }

    public static Optional<Report> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
