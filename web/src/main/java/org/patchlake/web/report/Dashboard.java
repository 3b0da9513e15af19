package org.patchlake.web.report;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The headline parts of reports 1, 4, 5, 7 and 8 for the dashboard, within the viewer's scope. */
public record Dashboard(SnapshotInfo snapshot, Counts compliance, List<RegionCounts> regions, SlaSummary sla,
                        DeliverySummary delivery, List<SeverityRequired> vulnerabilities, AgentHealth agents,
                        List<TrendPoint> trend, List<BulletinRisk> topRisks) {
    public record RegionCounts(String region, Counts counts) {
    }

    /**
     * Bulletin x phase statuses, with the definition they were judged by ("bulletins released 2026-03-18 to
     * 2026-06-15 · policies: ..."), printed next to the figure.
     */
    public record SlaSummary(long met, long missed, long onTrack, long atRisk, String definition) {
        public SlaSummary {
            requireNonNull(definition, "definition is null");
        }

        public Ratio attainment() {
            return new Ratio(met, met + missed);
        }
    }

    /** Delivery attempts in the last 30 days. */
    public record DeliverySummary(long succeeded, long succeededRebootRequired, long failed, long notCompleted) {
        public long total() {
            return succeeded + succeededRebootRequired + failed + notCompleted;
        }

        public Ratio successRate() {
            return new Ratio(succeeded + succeededRebootRequired, total());
        }
    }

    /** Required (computer x update) pairs of a severity, and how many of those have a published exploit. */
    public record SeverityRequired(String severity, long required, long exploited) {
    }

    public record AgentHealth(long computers, long reporting, long notReporting, long withScanErrors) {
        public Ratio reportingShare() {
            return new Ratio(reporting, computers);
        }
    }

    public record TrendPoint(LocalDate day, Counts counts) {
    }

    public record BulletinRisk(String bulletinId, String title, String severity, boolean exploited, long vulnerable) {
    }

    public Dashboard {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(compliance, "compliance is null");
        regions = List.copyOf(regions);
        requireNonNull(sla, "sla is null");
        requireNonNull(delivery, "delivery is null");
        vulnerabilities = List.copyOf(vulnerabilities);
        requireNonNull(agents, "agents is null");
        trend = List.copyOf(trend);
        topRisks = List.copyOf(topRisks);
    }
}
