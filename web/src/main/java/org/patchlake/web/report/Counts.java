package org.patchlake.web.report;

/**
 * The computer counts behind every compliance percentage (DESIGN.md): applicable = installed + pendingReboot +
 * required + failed + exempt + unknown. Compliance % = installed / (applicable - exempt - unknown); strict =
 * installed / (applicable - exempt).
 */
public record Counts(long applicable, long installed, long pendingReboot, long required, long failed, long exempt,
                     long unknown) {
    public Counts {
        if (installed + pendingReboot + required + failed + exempt + unknown != applicable) {
            throw new IllegalArgumentException("counts do not add up to applicable " + applicable + ": installed " + installed
                    + ", pending reboot " + pendingReboot + ", required " + required + ", failed " + failed
                    + ", exempt " + exempt + ", unknown " + unknown);
        }
    }

    public static Counts of(long installed, long pendingReboot, long required, long failed, long exempt, long unknown) {
        return new Counts(installed + pendingReboot + required + failed + exempt + unknown, installed, pendingReboot,
                required, failed, exempt, unknown);
    }

    public Counts plus(Counts other) {
        return of(installed + other.installed, pendingReboot + other.pendingReboot, required + other.required,
                failed + other.failed, exempt + other.exempt, unknown + other.unknown);
    }

    public Ratio compliance() {
        return new Ratio(installed, applicable - exempt - unknown);
    }

    public Ratio strict() {
        return new Ratio(installed, applicable - exempt);
    }

    /** Vulnerable computers: pending reboot, required or failed. */
    public long vulnerable() {
        return pendingReboot + required + failed;
    }
}
