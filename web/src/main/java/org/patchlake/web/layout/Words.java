package org.patchlake.web.layout;

import java.util.Map;

/**
 * The words a page shows for a value the warehouse stores as a code: update states, SLA statuses, computer classes,
 * delivery outcomes. Pages show the words; the API and the exports keep the codes, which scripts compare against.
 */
public final class Words {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("INSTALLED", "Installed"),
            Map.entry("INSTALLED_PENDING_REBOOT", "Installed, restart pending"),
            Map.entry("REQUIRED", "Required, not installed"),
            Map.entry("FAILED", "Failed"),
            Map.entry("UNKNOWN", "Unknown (not reporting)"),
            Map.entry("EXEMPT", "Exempt"),
            Map.entry("NOT_APPLICABLE", "Not applicable"),
            Map.entry("MET", "Met"),
            Map.entry("MISSED", "Missed"),
            Map.entry("ON_TRACK", "On track"),
            Map.entry("AT_RISK", "At risk"),
            Map.entry("workstation", "Workstation"),
            Map.entry("notebook", "Notebook"),
            Map.entry("server", "Server"),
            Map.entry("business_critical_server", "Business-critical server"),
            Map.entry("succeeded_reboot_required", "Succeeded, restart required"),
            Map.entry("failed_will_retry", "Failed, will retry"),
            Map.entry("succeeded", "Succeeded"),
            Map.entry("failed", "Failed"),
            Map.entry("in_progress", "In progress"));

    private Words() {
    }

    /** The words for a stored code; any other value as it is. */
    public static String of(String value) {
        return value == null ? null : WORDS.getOrDefault(value, value);
    }
}
