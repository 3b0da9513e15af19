package org.patchlake.reports.sla;

import java.util.List;
import java.util.Objects;

/**
 * An SLA policy for the bulletins of one severity, optionally only for computers of one class and/or one
 * managed level (null = any). The clock starts at the bulletin's release date, 00:00 UTC (the warehouse has
 * no approval dates yet). A managed level with no policy is not measured.
 */
public record SlaPolicy(String name, String severity, String computerClass, Integer managedLevel, List<SlaPhase> phases) {
    public SlaPolicy {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(severity, "severity is null");
        phases = List.copyOf(Objects.requireNonNull(phases, "phases is null"));
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("SLA policy " + name + " has no phases");
        }
        if (managedLevel != null && (managedLevel < 1 || managedLevel > 4)) {
            throw new IllegalArgumentException("SLA policy " + name + ": managed level must be 1-4, got " + managedLevel);
        }
    }
}
