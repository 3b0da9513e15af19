package org.patchlake.core.protocol;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/agent/v1/inventory} (gzip JSON): the result of one scan.
 *
 * @param messageId        chosen by the agent, unique per message; a resend with the same id is stored once
 * @param computerId       the enrolled computer id (must equal the X-Patchlake-Computer header)
 * @param scannedAt        when the scan finished
 * @param os               operating system identity
 * @param installedUpdates every installed update found (full scan) or the changes (delta)
 * @param pendingReboot    pending-restart state
 * @param lastBootAt       last boot time, null when unknown
 * @param agentVersion     agent version
 * @param scanDurationMs   scan duration in milliseconds (required, >= 0)
 * @param scanErrors       errors met during the scan (empty when none)
 * @param ruleResults      detection-rule results (empty when none were evaluated)
 * @param full             true for a full scan, false for a delta against the previous full scan (required)
 * @param windowsUpdate    the Windows Update Agent's own list of missing updates (a second opinion), or null when
 *                         the agent did not ask (older agents, or no Windows Update Agent)
 */
public record InventoryReport(
        String messageId,
        String computerId,
        Instant scannedAt,
        OsIdentity os,
        List<InstalledUpdate> installedUpdates,
        PendingReboot pendingReboot,
        Instant lastBootAt,
        String agentVersion,
        Long scanDurationMs,
        List<ScanError> scanErrors,
        List<RuleResult> ruleResults,
        Boolean full,
        WindowsUpdateVerdict windowsUpdate) {

    public static final int MAX_INSTALLED_UPDATES = 20_000;
    public static final int MAX_RULE_RESULTS = 100_000;

    public InventoryReport {
        messageId = Checks.identifier(messageId, "messageId");
        computerId = Checks.identifier(computerId, "computerId");
        Checks.required(scannedAt, "scannedAt");
        Checks.required(os, "os");
        installedUpdates = Checks.list(installedUpdates, "installedUpdates");
        if (installedUpdates.size() > MAX_INSTALLED_UPDATES) {
            throw new ProtocolViolation("installedUpdates", "has more than " + MAX_INSTALLED_UPDATES + " entries");
        }
        Checks.required(pendingReboot, "pendingReboot");
        agentVersion = Checks.text(agentVersion, "agentVersion");
        Checks.required(scanDurationMs, "scanDurationMs");
        Checks.atLeast(scanDurationMs, 0, "scanDurationMs");
        scanErrors = Checks.optionalList(scanErrors, "scanErrors");
        ruleResults = Checks.optionalList(ruleResults, "ruleResults");
        if (ruleResults.size() > MAX_RULE_RESULTS) {
            throw new ProtocolViolation("ruleResults", "has more than " + MAX_RULE_RESULTS + " entries");
        }
        Checks.required(full, "full");
    }

    /** A report without Windows Update's second opinion (older agents, or none available on the endpoint). */
    public InventoryReport(String messageId, String computerId, Instant scannedAt, OsIdentity os,
            List<InstalledUpdate> installedUpdates, PendingReboot pendingReboot, Instant lastBootAt, String agentVersion,
            Long scanDurationMs, List<ScanError> scanErrors, List<RuleResult> ruleResults, Boolean full) {
        this(messageId, computerId, scannedAt, os, installedUpdates, pendingReboot, lastBootAt, agentVersion, scanDurationMs,
                scanErrors, ruleResults, full, null);
    }

    /** The same report with Windows Update's second opinion attached. */
    public InventoryReport withWindowsUpdate(WindowsUpdateVerdict verdict) {
        return new InventoryReport(messageId, computerId, scannedAt, os, installedUpdates, pendingReboot, lastBootAt,
                agentVersion, scanDurationMs, scanErrors, ruleResults, full, verdict);
    }
}
