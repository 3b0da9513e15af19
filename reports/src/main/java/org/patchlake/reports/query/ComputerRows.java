package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import java.time.Instant;
import java.util.Objects;

/** Row types of report 2's drill-down into one computer. */
public final class ComputerRows {
    private ComputerRows() {
    }

    public record ComputerDetail(String computerId, String hostname, String domain, String region, String site, String ou,
                                 String computerClass, Integer managedLevel, String osName, String osVersion, String osBuild,
                                 String architecture, String agentVersion, Instant enrolledAt, Instant lastInventoryAt,
                                 Instant lastBootAt, boolean pendingReboot, Instant pendingRebootSince, boolean reporting,
                                 long scanErrorCount, String lastScanError, Instant lastScanAt, Long lastScanDurationMs,
                                 Long lastScanErrorCount, ComplianceCounts bulletins) {
        public ComputerDetail {
            Objects.requireNonNull(computerId, "computerId is null");
            Objects.requireNonNull(bulletins, "bulletins is null");
        }
    }

    public record ComputerUpdate(String updateId, String kb, String bulletinId, String product, String state,
                                 Instant stateSince, Instant firstApplicableAt, Instant installedAt, String installedViaKb,
                                 long failedAttempts, String title, String severity, boolean exploited,
                                 String restartBehaviour) {
        public ComputerUpdate {
            Objects.requireNonNull(updateId, "updateId is null");
            Objects.requireNonNull(state, "state is null");
        }
    }

    public record HistoryEntry(String updateId, String bulletinId, String state, Instant validFrom, Instant validTo,
                               boolean regression) {
        public HistoryEntry {
            Objects.requireNonNull(updateId, "updateId is null");
            Objects.requireNonNull(state, "state is null");
        }
    }

    public record DeliveryAttempt(String policyId, String updateId, String kb, long attempt, Instant startedAt,
                                  Instant endedAt, Long returnCode, String outcome, String meaning) {
        public DeliveryAttempt {
            Objects.requireNonNull(outcome, "outcome is null");
        }
    }
}
