package org.patchlake.web.compliance;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * An SLA policy: for a severity (optionally a computer class or managed level) a list of phases, each an elapsed
 * time from the clock start and a target compliance %.
 */
public record SlaPolicy(long id, String name, String severity, String computerClass, Integer managedLevel,
                        String clockStart, List<Phase> phases, boolean measured, boolean active, String updatedBy,
                        Instant updatedAt) {
    public static final List<String> SEVERITIES = List.of("Any", "Critical", "Important", "Moderate", "Low");
    public static final List<String> CLOCK_STARTS = List.of("release", "approval");
    public static final List<String> COMPUTER_CLASSES = List.of("workstation", "notebook", "server", "business_critical_server");

    /** Elapsed time: a number and a unit, h (hours), d (days), w (weeks), mo (months), bd (business days). */
    public record Phase(String elapsed, double target) {
        public static final Pattern ELAPSED = Pattern.compile("[1-9][0-9]{0,4}(h|d|w|mo|bd)");

        public Phase {
            requireNonNull(elapsed, "elapsed is null");
            if (!ELAPSED.matcher(elapsed).matches()) {
                throw new IllegalArgumentException("phase elapsed must look like 72h, 30d, 4w, 6mo or 3bd, was '" + elapsed + "'");
            }
            if (!(target > 0 && target <= 100)) {
                throw new IllegalArgumentException("phase target must be in (0, 100] %, was " + target);
            }
        }
    }

    public SlaPolicy {
        requireNonNull(name, "name is null");
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be one of " + SEVERITIES + ", was '" + severity + "'");
        }
        if (computerClass != null && !COMPUTER_CLASSES.contains(computerClass)) {
            throw new IllegalArgumentException("computer class must be one of " + COMPUTER_CLASSES + ", was '" + computerClass + "'");
        }
        if (managedLevel != null && (managedLevel < 1 || managedLevel > 4)) {
            throw new IllegalArgumentException("managed level must be 1..4, was " + managedLevel);
        }
        if (!CLOCK_STARTS.contains(clockStart)) {
            throw new IllegalArgumentException("clock start must be one of " + CLOCK_STARTS + ", was '" + clockStart + "'");
        }
        phases = List.copyOf(phases);
        if (measured && phases.isEmpty()) {
            throw new IllegalArgumentException("a measured policy needs at least one phase");
        }
        requireNonNull(updatedBy, "updatedBy is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
