package org.patchlake.reports.jasper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made result rows for each report: a small fleet in two regions, numbers chosen to be checked by eye. */
final class ReportFixtures {
    static final Instant SNAPSHOT = Instant.parse("2026-11-21T06:00:00Z");
    static final Instant GENERATED = Instant.parse("2026-11-21T09:30:00Z");

    private ReportFixtures() {
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    static Map<String, Object> counts(Map<String, Object> row, long installed, long pendingReboot, long required, long failed,
                                      long exempt, long unknown) {
        row.put("applicable", installed + pendingReboot + required + failed + exempt + unknown);
        row.put("installed", installed);
        row.put("pending_reboot", pendingReboot);
        row.put("required", required);
        row.put("failed", failed);
        row.put("exempt", exempt);
        row.put("unknown", unknown);
        return row;
    }

    static Map<String, String> parameters(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return parameters;
    }

    static ReportData complianceByBulletin() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(counts(row("bulletin_id", "KB5034441", "title", "Windows Recovery Environment security update for Windows 10 Version 22H2",
                "severity", "Important", "released", LocalDate.of(2024, 1, 9), "exploited", false), 80, 5, 10, 2, 1, 2));
        rows.add(counts(row("bulletin_id", "MS08-067", "title", "Vulnerability in Server Service Could Allow Remote Code Execution",
                "severity", "Critical", "released", LocalDate.of(2008, 10, 23), "exploited", true), 118, 0, 1, 0, 0, 1));
        rows.add(counts(row("bulletin_id", "KB5048652", "title", "2024-12 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems — ä ö ü €",
                "severity", "Critical", "released", LocalDate.of(2024, 12, 10), "exploited", true), 40, 12, 60, 5, 0, 3));
        rows.add(counts(row("bulletin_id", "KB0000001", "title", "Bulletin where every computer is exempt or unknown",
                "severity", "Low", "released", LocalDate.of(2024, 6, 11), "exploited", false), 0, 0, 0, 0, 3, 2));
        return ReportData.of(SNAPSHOT, parameters("severity", "all", "as of", "2026-11-21"), "all regions", rows);
    }

    private static final String[][] COMPUTERS = {
        {"c-0001", "WS-AMS-0001", "EMEA", "Amsterdam", "workstation"},
        {"c-0002", "WS-AMS-0002", "EMEA", "Amsterdam", "notebook"},
        {"c-0003", "SRV-BER-0001", "EMEA", "Berlin", "server"},
        {"c-0004", "SRV-NYC-0001", "NA", "New York", "business_critical_server"},
        {"c-0005", "WS-NYC-0002", "NA", "New York", "workstation"},
        {"c-0006", "WS-CHI-0001", "NA", "Chicago", "notebook"},
    };
    private static final long[][] COMPUTER_COUNTS = {
        {40, 1, 2, 0, 0, 0}, {38, 0, 3, 1, 1, 0}, {20, 0, 0, 0, 0, 22}, {41, 2, 0, 0, 0, 0}, {35, 0, 6, 2, 0, 0}, {30, 0, 9, 0, 3, 1}};

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    static ReportData bulletinComputers() {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] states = {"REQUIRED", "FAILED", "INSTALLED_PENDING_REBOOT", "REQUIRED", "REQUIRED", "FAILED"};
        for (int i = 0; i < COMPUTERS.length; i++) {
            String[] c = COMPUTERS[i];
            rows.add(row("computer_id", c[0], "hostname", c[1], "region", c[2], "site", c[3], "computer_class", c[4], "state", states[i],
                    "state_since", at("2026-11-1" + i + "T08:00:00Z"), "first_applicable_at", at("2024-12-10T18:00:00Z"),
                    "last_inventory_at", at("2026-11-20T1" + i + ":15:00Z"), "failed_attempts", states[i].equals("FAILED") ? 3 : 0));
        }
        ReportData data = ReportData.of(SNAPSHOT, parameters("bulletin", "KB5048652", "state", "vulnerable"), "all regions", rows)
                .withValue("bulletin_id", "KB5048652")
                .withValue("bulletin_title", "2024-12 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems")
                .withValue("state_filter", "vulnerable (required, failed, pending reboot)");
        return withCounts(data, "count_", 40, 12, 60, 5, 0, 3);
    }

    static ReportData withCounts(ReportData data, String prefix, long installed, long pendingReboot, long required, long failed,
                                 long exempt, long unknown) {
        Map<String, Object> counts = counts(new LinkedHashMap<>(), installed, pendingReboot, required, failed, exempt, unknown);
        for (Map.Entry<String, Object> entry : counts.entrySet()) {
            data = data.withValue(prefix + entry.getKey(), entry.getValue());
        }
        return data;
    }

    static ReportData computerDetail() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("section", "Required updates", "bulletin_id", "KB5048652", "kb", "KB5048652",
                "product", "Windows 10 Version 22H2 for x64-based Systems", "severity", "Critical", "state", "FAILED",
                "since", at("2026-11-12T08:00:00Z"), "until", null, "failed_attempts", 3));
        rows.add(row("section", "Required updates", "bulletin_id", "KB5034441", "kb", "KB5034441",
                "product", "Windows 10 Version 22H2 for x64-based Systems", "severity", "Important", "state", "REQUIRED",
                "since", at("2024-01-10T06:00:00Z"), "until", null, "failed_attempts", 0));
        rows.add(row("section", "Install history", "bulletin_id", "KB5048652", "kb", "KB5048652",
                "product", "Windows 10 Version 22H2 for x64-based Systems", "severity", "Critical", "state", "REQUIRED",
                "since", at("2024-12-10T18:00:00Z"), "until", at("2026-11-12T08:00:00Z"), "failed_attempts", 0));
        rows.add(row("section", "Install history", "bulletin_id", "MS08-067", "kb", "KB958644",
                "product", "Windows XP Service Pack 3", "severity", "Critical", "state", "INSTALLED",
                "since", at("2008-10-30T12:00:00Z"), "until", null, "failed_attempts", 0));
        ReportData data = ReportData.of(SNAPSHOT, parameters("computer", "c-0002"), "all regions", rows)
                .withValue("computer_id", "c-0002").withValue("hostname", "WS-AMS-0002").withValue("region", "EMEA")
                .withValue("site", "Amsterdam").withValue("computer_class", "notebook").withValue("os_name", "Windows 10 Pro 22H2")
                .withValue("agent_version", "1.4.2").withValue("last_inventory_at", at("2026-11-20T21:15:00Z"))
                .withValue("last_boot_at", at("2026-11-18T07:00:00Z")).withValue("pending_reboot_since", at("2026-11-19T10:00:00Z"))
                .withValue("scan_error_count", 1).withValue("last_scan_error", "0x8024402C: proxy could not be resolved");
        return withCounts(data, "count_", 38, 0, 3, 1, 1, 0);
    }

    static ReportData complianceByComputer() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < COMPUTERS.length; i++) {
            String[] c = COMPUTERS[i];
            long[] n = COMPUTER_COUNTS[i];
            rows.add(counts(row("computer_id", c[0], "hostname", c[1], "region", c[2], "site", c[3], "computer_class", c[4],
                    "last_inventory_at", at("2026-11-2" + (i % 2) + "T10:00:00Z"), "reporting", n[5] == 0), n[0], n[1], n[2], n[3], n[4], n[5]));
        }
        return ReportData.of(SNAPSHOT, parameters("region", "all"), "all regions", rows);
    }

    static ReportData complianceByUpdate() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(counts(row("update_id", "KB5048652|Windows 10 Version 22H2 for x64-based Systems", "kb", "KB5048652", "bulletin_id", "KB5048652",
                "product", "Windows 10 Version 22H2 for x64-based Systems", "severity", "Critical", "restart_behaviour", "may_require"), 30, 10, 50, 5, 0, 2));
        rows.add(counts(row("update_id", "KB5048652|Windows 10 Version 22H2 for 32-bit Systems", "kb", "KB5048652", "bulletin_id", "KB5048652",
                "product", "Windows 10 Version 22H2 for 32-bit Systems", "severity", "Critical", "restart_behaviour", "may_require"), 10, 2, 10, 0, 0, 1));
        rows.add(counts(row("update_id", "KB958644|Windows Server 2003 Service Pack 2", "kb", "KB958644", "bulletin_id", "MS08-067",
                "product", "Windows Server 2003 Service Pack 2 (a long product name that wraps onto a second line in the table)", "severity", "Critical",
                "restart_behaviour", "always"), 118, 0, 1, 0, 0, 1));
        return ReportData.of(SNAPSHOT, parameters("severity", "Critical"), "all regions", rows);
    }

    static ReportData rebootStatus() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("computer_id", "c-0004", "hostname", "SRV-NYC-0001", "region", "NA", "site", "New York", "computer_class", "business_critical_server",
                "pending_reboot_since", at("2026-11-10T02:00:00Z"), "pending_hours", 268, "last_boot_at", at("2026-10-01T02:00:00Z"), "pending_updates", 2));
        rows.add(row("computer_id", "c-0002", "hostname", "WS-AMS-0002", "region", "EMEA", "site", "Amsterdam", "computer_class", "notebook",
                "pending_reboot_since", at("2026-11-19T10:00:00Z"), "pending_hours", 44, "last_boot_at", at("2026-11-18T07:00:00Z"), "pending_updates", 1));
        rows.add(row("computer_id", "c-0001", "hostname", "WS-AMS-0001", "region", "EMEA", "site", "Amsterdam", "computer_class", "workstation",
                "pending_reboot_since", at("2026-11-21T01:00:00Z"), "pending_hours", 5, "last_boot_at", at("2026-11-20T07:00:00Z"), "pending_updates", 1));
        return ReportData.of(SNAPSHOT, parameters(), "all regions", rows).withValue("computers_in_scope", 6).withValue("computers_pending", 3);
    }

    static ReportData bulletinDetails() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("bulletin_id", "MS08-067", "title", "Vulnerability in Server Service Could Allow Remote Code Execution", "vendor_severity", "Critical",
                "custom_severity", null, "impact", "Remote Code Execution", "released", LocalDate.of(2008, 10, 23), "revised", null, "cve_count", 1,
                "update_count", 12, "exploited", true, "superseded", false, "superseded_by", null));
        rows.add(row("bulletin_id", "KB5034441", "title", "Windows Recovery Environment security update for Windows 10 Version 22H2",
                "vendor_severity", "Important", "custom_severity", "Critical", "impact", "Security Feature Bypass", "released", LocalDate.of(2024, 1, 9),
                "revised", LocalDate.of(2024, 2, 13), "cve_count", 1, "update_count", 3, "exploited", false, "superseded", true, "superseded_by", "KB5057589"));
        return ReportData.of(SNAPSHOT, parameters("include superseded", "yes"), "catalog (not scoped)", rows);
    }

    static ReportData exceptions() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("status", "active", "exception_id", "e-1", "computer_id", "c-0003", "hostname", "SRV-BER-0001", "bulletin_id", "KB5034441",
                "owner", "j.doe@example.org", "reason", "WinRE partition too small; vendor fix planned for the next maintenance window",
                "created_at", at("2026-10-01T09:00:00Z"), "expires_at", at("2027-01-01T00:00:00Z"), "days_left", 40));
        rows.add(row("status", "expiring", "exception_id", "e-2", "computer_id", "c-0004", "hostname", "SRV-NYC-0001", "bulletin_id", "KB5048652",
                "owner", "a.smith@example.org", "reason", "Line-of-business application certification pending",
                "created_at", at("2026-09-01T09:00:00Z"), "expires_at", at("2026-11-25T00:00:00Z"), "days_left", 3));
        rows.add(row("status", "expired", "exception_id", "e-3", "computer_id", "c-0006", "hostname", "WS-CHI-0001", "bulletin_id", "MS08-067",
                "owner", "a.smith@example.org", "reason", "Lab machine", "created_at", at("2026-01-01T09:00:00Z"),
                "expires_at", at("2026-06-01T00:00:00Z"), "days_left", -173));
        return ReportData.of(SNAPSHOT, parameters("expiring within", "7 days"), "all regions", rows)
                .withValue("active", 1).withValue("expiring", 1).withValue("expired", 1).withValue("expiring_days", 7);
    }

    static ReportData slaPhaseAttainment() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Object[][] phases = {
            {"Critical", "KB5048652", "EMEA", "72 hours", 0.91, "2024-12-13T18:00:00Z", 60, 50, 0, 2, "MISSED"},
            {"Critical", "KB5048652", "EMEA", "4 weeks", 0.97, "2025-01-07T18:00:00Z", 60, 59, 0, 1, "MET"},
            {"Critical", "KB5048652", "NA", "72 hours", 0.91, "2024-12-13T18:00:00Z", 60, 56, 0, 0, "MET"},
            {"Critical", "KB5060000", "NA", "6 months", 0.99, "2027-03-10T18:00:00Z", 60, 30, 1, 0, "AT_RISK"},
            {"Important", "KB5034441", "EMEA", "4 weeks", 0.85, "2027-01-09T18:00:00Z", 100, 80, 1, 2, "ON_TRACK"},
        };
        for (Object[] p : phases) {
            rows.add(row("severity", p[0], "bulletin_id", p[1], "region", p[2], "clock_start", at("2024-12-10T18:00:00Z"), "phase", p[3],
                    "target", p[4], "deadline", at((String) p[5]), "applicable", p[6], "installed", p[7], "exempt", p[8], "unknown", p[9], "status", p[10]));
        }
        List<Map<String, Object>> severities = List.of(
                row("severity", "Critical", "bulletins", 2, "phases", 4, "met", 2, "missed", 1, "on_track", 0, "at_risk", 1,
                        "mean_hours_to_patch", 61.5, "patched_within", 150, "patched_total", 175),
                row("severity", "Important", "bulletins", 1, "phases", 1, "met", 0, "missed", 0, "on_track", 1, "at_risk", 0,
                        "mean_hours_to_patch", 140.0, "patched_within", 60, "patched_total", 80));
        List<Map<String, Object>> rollout = new ArrayList<>();
        double[] curve = {0, 0.35, 0.62, 0.80, 0.86, 0.93, 0.97, 0.98};
        double[] hours = {0, 24, 48, 72, 120, 336, 672, 1344};
        for (int i = 0; i < curve.length; i++) {
            rollout.add(row("series", "KB5048652", "hours", hours[i], "compliance", curve[i]));
            rollout.add(row("series", "KB5034441", "hours", hours[i], "compliance", curve[i] * 0.85));
        }
        rollout.add(row("series", "target Critical", "hours", 72.0, "compliance", 0.91));
        rollout.add(row("series", "target Critical", "hours", 672.0, "compliance", 0.97));
        rollout.add(row("series", "target Critical", "hours", 1344.0, "compliance", 0.99));
        return ReportData.of(SNAPSHOT, parameters("severity", "all", "policy", "default", "within days", "14"), "all regions", rows)
                .withDataset("severity_summary", severities).withDataset("rollout", rollout).withValue("within_days", 14);
    }

    static ReportData deliverySummary() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("policy_id", "p-0001", "policy_name", "KB5048652 to EMEA workstations", "created_at", at("2026-11-02T09:00:00Z"), "targets", 120,
                "succeeded", 90, "succeeded_reboot_required", 12, "failed_will_retry", 5, "failed", 6, "outside_window", 3, "cancelled", 0, "not_completed", 4));
        rows.add(row("policy_id", "p-0002", "policy_name", "Retry failed: MS08-067 on servers", "created_at", at("2026-11-15T09:00:00Z"), "targets", 10,
                "succeeded", 7, "succeeded_reboot_required", 0, "failed_will_retry", 0, "failed", 1, "outside_window", 0, "cancelled", 1, "not_completed", 1));
        List<Map<String, Object>> outcomes = List.of(row("outcome", "succeeded", "deliveries", 97), row("outcome", "succeeded_reboot_required", "deliveries", 12),
                row("outcome", "failed_will_retry", "deliveries", 5), row("outcome", "failed", "deliveries", 7), row("outcome", "outside_window", "deliveries", 3),
                row("outcome", "cancelled", "deliveries", 1), row("outcome", "not_completed", "deliveries", 5));
        List<Map<String, Object>> codes = List.of(
                row("return_code_hex", "0x00000000", "return_code", 0, "meaning", "Success", "outcome", "succeeded", "attempts", 97, "computers", 97),
                row("return_code_hex", "0x00000BC2", "return_code", 3010, "meaning", "Success, reboot required (ERROR_SUCCESS_REBOOT_REQUIRED)", "outcome", "succeeded_reboot_required", "attempts", 12, "computers", 12),
                row("return_code_hex", "0x00000643", "return_code", 1603, "meaning", "Fatal error during installation (ERROR_INSTALL_FAILURE)", "outcome", "failed", "attempts", 15, "computers", 7),
                row("return_code_hex", "0x80240017", "return_code", -2145124329L, "meaning", "Operation was not performed because there are no applicable updates (WU_E_NOT_APPLICABLE)", "outcome", "failed", "attempts", 2, "computers", 2));
        return ReportData.of(SNAPSHOT, parameters("from", "2026-10-22", "to", "2026-11-21"), "all regions", rows)
                .withDataset("outcomes", outcomes).withDataset("return_codes", codes);
    }

    static ReportData vulnerabilitySummary() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("severity", "Critical", "exploited", true, "bulletins", 3, "computers", 5, "required", 70, "failed", 5, "pending_reboot", 12, "applicable", 245));
        rows.add(row("severity", "Critical", "exploited", false, "bulletins", 4, "computers", 4, "required", 20, "failed", 1, "pending_reboot", 2, "applicable", 300));
        rows.add(row("severity", "Important", "exploited", false, "bulletins", 9, "computers", 6, "required", 44, "failed", 2, "pending_reboot", 5, "applicable", 540));
        rows.add(row("severity", "Moderate", "exploited", false, "bulletins", 2, "computers", 2, "required", 4, "failed", 0, "pending_reboot", 0, "applicable", 120));
        List<Map<String, Object>> trend = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            LocalDate date = LocalDate.of(2026, 10, 23).plusDays(day);
            trend.add(row("day", date, "severity", "Critical", "required", 140 - day * 2));
            trend.add(row("day", date, "severity", "Important", "required", 60 - day));
            trend.add(row("day", date, "severity", "Moderate", "required", 8 - day / 5));
        }
        return ReportData.of(SNAPSHOT, parameters("trend", "30 days"), "all regions", rows)
                .withDataset("trend", trend).withValue("computers_vulnerable", 6).withValue("computers_in_scope", 6);
    }

    static ReportData agentHealth() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("issue", "not reporting", "computer_id", "c-0003", "hostname", "SRV-BER-0001", "region", "EMEA", "site", "Berlin", "agent_version", "1.3.0",
                "last_inventory_at", at("2026-10-30T10:00:00Z"), "days_silent", 22, "scan_error_count", 0, "last_scan_error", null));
        rows.add(row("issue", "scan errors", "computer_id", "c-0002", "hostname", "WS-AMS-0002", "region", "EMEA", "site", "Amsterdam", "agent_version", "1.4.2",
                "last_inventory_at", at("2026-11-20T21:15:00Z"), "days_silent", 0, "scan_error_count", 1, "last_scan_error", "0x8024402C: proxy could not be resolved"));
        rows.add(row("issue", "no agent", "computer_id", "c-0099", "hostname", "KIOSK-CHI-0007", "region", "NA", "site", "Chicago", "agent_version", null,
                "last_inventory_at", null, "days_silent", null, "scan_error_count", null, "last_scan_error", null));
        List<Map<String, Object>> versions = List.of(row("agent_version", "1.4.2", "computers", 4), row("agent_version", "1.3.0", "computers", 2));
        return ReportData.of(SNAPSHOT, parameters("not reporting in", "14 days"), "all regions", rows).withDataset("versions", versions)
                .withValue("computers_total", 7).withValue("with_agent", 6).withValue("without_agent", 1).withValue("reporting", 5)
                .withValue("not_reporting", 1).withValue("with_scan_errors", 1).withValue("stale_days", 14);
    }

    static List<Map<String, Object>> regionRows() {
        return List.of(counts(row("region", "EMEA"), 98, 1, 5, 1, 1, 22), counts(row("region", "NA"), 106, 2, 15, 2, 3, 1));
    }

    static ReportData regionalCompliance() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < COMPUTERS.length; i++) {
            String[] c = COMPUTERS[i];
            long[] n = COMPUTER_COUNTS[i];
            rows.add(counts(row("region", c[2], "site", c[3], "computer_id", c[0], "hostname", c[1], "computer_class", c[4]), n[0], n[1], n[2], n[3], n[4], n[5]));
        }
        return ReportData.of(SNAPSHOT, parameters("region", "all"), "all regions", rows).withDataset("by_region", regionRows());
    }

    static ReportData executiveSummary() {
        List<Map<String, Object>> trend = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            trend.add(counts(row("day", LocalDate.of(2026, 10, 23).plusDays(day)), 150 + day * 2, 3, 60 - day * 2, 3, 4, 23));
        }
        List<Map<String, Object>> sla = List.of(
                row("severity", "Critical", "phases", 4, "met", 2, "missed", 1, "on_track", 0, "at_risk", 1, "mean_hours_to_patch", 61.5),
                row("severity", "Important", "phases", 1, "met", 0, "missed", 0, "on_track", 1, "at_risk", 0, "mean_hours_to_patch", 140.0));
        List<Map<String, Object>> risks = List.of(
                counts(row("bulletin_id", "KB5048652", "title", "2024-12 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems", "severity", "Critical",
                        "exploited", true, "vulnerable", 77), 40, 12, 60, 5, 0, 3),
                counts(row("bulletin_id", "MS08-067", "title", "Vulnerability in Server Service Could Allow Remote Code Execution", "severity", "Critical",
                        "exploited", true, "vulnerable", 1), 118, 0, 1, 0, 0, 1));
        ReportData data = ReportData.of(SNAPSHOT, parameters("as of", "2026-11-21", "trend", "30 days"), "all regions", regionRows())
                .withDataset("trend", trend).withDataset("by_region", regionRows()).withDataset("sla", sla).withDataset("top_risks", risks)
                .withValue("computers_in_scope", 6).withValue("computers_reporting", 5)
                .withValue("sla_met", 2).withValue("sla_missed", 1).withValue("sla_on_track", 1).withValue("sla_at_risk", 1);
        return withCounts(data, "total_", 204, 3, 20, 3, 4, 23);
    }

    static ReportData forTemplate(ReportTemplate template) {
        return switch (template) {
            case COMPLIANCE_BY_BULLETIN -> complianceByBulletin();
            case BULLETIN_COMPUTERS -> bulletinComputers();
            case COMPUTER_DETAIL -> computerDetail();
            case COMPLIANCE_BY_COMPUTER -> complianceByComputer();
            case COMPLIANCE_BY_UPDATE -> complianceByUpdate();
            case SLA_PHASE_ATTAINMENT -> slaPhaseAttainment();
            case DELIVERY_SUMMARY -> deliverySummary();
            case REBOOT_STATUS -> rebootStatus();
            case VULNERABILITY_SUMMARY -> vulnerabilitySummary();
            case AGENT_HEALTH -> agentHealth();
            case BULLETIN_DETAILS -> bulletinDetails();
            case REGIONAL_COMPLIANCE -> regionalCompliance();
            case EXCEPTIONS -> exceptions();
            case EXECUTIVE_SUMMARY -> executiveSummary();
        };
    }
}
