package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Row types of the compliance reports (1, 2, 3, 10) and their drill-downs. */
public final class ComplianceRows {
    private ComplianceRows() {
    }

    public record BulletinCompliance(String bulletinId, String title, String severity, LocalDate released,
                                     boolean exploited, ComplianceCounts counts) {
        public BulletinCompliance {
            Objects.requireNonNull(bulletinId, "bulletinId is null");
            Objects.requireNonNull(counts, "counts is null");
        }
    }

    public record BulletinComputer(String computerId, String hostname, String region, String site, String computerClass,
                                   String state, Instant firstApplicableAt, Instant compliantAt) {
        public BulletinComputer {
            Objects.requireNonNull(computerId, "computerId is null");
            Objects.requireNonNull(state, "state is null");
        }
    }

    /**
     * {@code installKbs}: what to install (the KBs of the computer's install plan that fix the rows counted), plan order.
     * {@code computersMatching}: how many computers the scope and filters give on all pages together (the same on
     * every row; a page of {@code limit} rows shows part of it).
     */
    public record ComputerCompliance(String computerId, String hostname, String region, String site, String computerClass,
                                     Integer managedLevel, Instant lastInventoryAt, boolean pendingReboot,
                                     ComplianceCounts counts, List<String> installKbs, long computersMatching) {
        public ComputerCompliance {
            Objects.requireNonNull(computerId, "computerId is null");
            Objects.requireNonNull(counts, "counts is null");
            installKbs = List.copyOf(installKbs);
        }

        /** "KB5094127, KB5093998" (empty when nothing is to install). */
        public String toInstall() {
            return String.join(", ", installKbs);
        }

        public int toInstallCount() {
            return installKbs.size();
        }
    }

    public record UpdateCompliance(String updateId, String kb, String product, String bulletinId, String severity,
                                   ComplianceCounts counts) {
        public UpdateCompliance {
            Objects.requireNonNull(updateId, "updateId is null");
            Objects.requireNonNull(counts, "counts is null");
        }
    }

    public record DailyCompliance(LocalDate day, ComplianceCounts counts) {
        public DailyCompliance {
            Objects.requireNonNull(day, "day is null");
            Objects.requireNonNull(counts, "counts is null");
        }
    }

    /** A compliance figure for one group (a region, a site) of a roll-up. */
    public record GroupCompliance(String group, long computers, ComplianceCounts counts) {
        public GroupCompliance {
            Objects.requireNonNull(group, "group is null");
            Objects.requireNonNull(counts, "counts is null");
        }
    }
}
