package org.patchlake.reports.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Row types of report 4 (SLA phase attainment), the rollout curve and time to patch. */
public final class SlaRows {
    private SlaRows() {
    }

    /**
     * One bulletin x policy phase, for one region or (region null) all regions in scope. Counts are computers:
     * denominator = applicable - exempt - unknown (current state); compliantAtDeadline / compliantNow count
     * computers whose compliant_at is at or before the deadline / the as-of time. projectedCompliant is set
     * for deadlines still ahead.
     */
    public record SlaAttainment(String bulletinId, String title, String severity, LocalDate released, String policy,
                                String phase, double targetPercent, Instant clockStart, Instant deadline, String region,
                                long applicable, long exempt, long unknown, long compliantAtDeadline, long compliantNow,
                                Double projectedCompliant, SlaStatus status) {
        public SlaAttainment {
            Objects.requireNonNull(bulletinId, "bulletinId is null");
            Objects.requireNonNull(deadline, "deadline is null");
            Objects.requireNonNull(status, "status is null");
        }

        public long denominator() {
            return applicable - exempt - unknown;
        }

        public boolean allRegions() {
            return region == null;
        }
    }

    /** Per severity and policy phase: how many bulletins have each status (over all regions in scope). */
    public record SlaSummary(String severity, String policy, String phase, long met, long missed, long onTrack, long atRisk) {
        public SlaSummary {
            Objects.requireNonNull(severity, "severity is null");
            Objects.requireNonNull(phase, "phase is null");
        }

        public long bulletins() {
            return met + missed + onTrack + atRisk;
        }
    }

    public record RolloutPoint(long hoursSinceRelease, long compliant, long applicable, long exempt, long unknown) {
        public long denominator() {
            return applicable - exempt - unknown;
        }
    }

    /**
     * Time to patch for one group. meanHoursToPatch over the patched computers (null when none);
     * patchedWithin of eligibleWithin computers (those whose N-day window has ended) were patched within N days.
     */
    public record TimeToPatch(String group, int days, long applicable, long exempt, long unknown, long patched,
                              Double meanHoursToPatch, long eligibleWithin, long patchedWithin) {
        public TimeToPatch {
            Objects.requireNonNull(group, "group is null");
        }

        public long denominator() {
            return applicable - exempt - unknown;
        }
    }
}
