package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /** {@code installKb}: for a REQUIRED or FAILED update, the KB of the computer's install plan that fixes it. */
    public record ComputerUpdate(String updateId, String kb, String bulletinId, String product, String state,
                                 Instant stateSince, Instant firstApplicableAt, Instant installedAt, String installedViaKb,
                                 long failedAttempts, String title, String severity, boolean exploited,
                                 String restartBehaviour, String installKb) {
        public ComputerUpdate {
            Objects.requireNonNull(updateId, "updateId is null");
            Objects.requireNonNull(state, "state is null");
        }
    }

    /**
     * One update of a computer's install plan: its KB, release date, how many of the computer's REQUIRED or FAILED
     * updates installing it fixes, and their products.
     */
    public record PlannedInstall(String kb, LocalDate released, long fixes, List<String> products) {
        public PlannedInstall {
            Objects.requireNonNull(kb, "kb is null");
            products = List.copyOf(products);
        }
    }

    /**
     * What to install on a computer: the fewest updates that fix all its REQUIRED or FAILED updates, the one fixing most
     * first (core's InstallPlanner, run by the ETL). {@code planned} is false for a snapshot published before the ETL
     * planned (then nothing is listed).
     */
    public record InstallPlan(String computerId, boolean planned, List<PlannedInstall> installs) {
        public InstallPlan {
            Objects.requireNonNull(computerId, "computerId is null");
            installs = List.copyOf(installs);
        }

        /** How many REQUIRED or FAILED updates the plan fixes. */
        public long fixes() {
            return installs.stream().mapToLong(PlannedInstall::fixes).sum();
        }

        public List<String> kbs() {
            return installs.stream().map(PlannedInstall::kb).toList();
        }

        /** "install KB5094127 and KB5093998 to fix these 37", "nothing to install" (the words of {@code evaluate}). */
        public String summary() {
            if (installs.isEmpty()) {
                return "nothing to install";
            }
            List<String> kbs = kbs();
            String joined = kbs.size() == 1 ? kbs.get(0)
                    : String.join(", ", kbs.subList(0, kbs.size() - 1)) + " and " + kbs.get(kbs.size() - 1);
            return "install " + joined + " to fix " + (fixes() == 1 ? "this 1" : "these " + fixes());
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
