package org.patchlake.core.state;

import java.io.Serializable;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The counts behind every compliance percentage (DESIGN.md): applicable = installed + pendingReboot +
 * required + failed + exempt + unknown. Compliance % = installed / (applicable - exempt - unknown);
 * strict % = installed / (applicable - exempt) (unknown counts as non-compliant). Never shown without its
 * counts: {@link #toString()} prints them all.
 */
public record ComplianceCounts(
        long applicable, long installed, long pendingReboot, long required, long failed, long exempt, long unknown)
        implements Serializable {

    public static final ComplianceCounts EMPTY = new ComplianceCounts(0, 0, 0, 0, 0, 0, 0);

    public ComplianceCounts {
        if (installed < 0 || pendingReboot < 0 || required < 0 || failed < 0 || exempt < 0 || unknown < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (applicable != installed + pendingReboot + required + failed + exempt + unknown) {
            throw new IllegalArgumentException("applicable " + applicable + " is not the sum of installed " + installed
                    + ", pending reboot " + pendingReboot + ", required " + required + ", failed " + failed
                    + ", exempt " + exempt + ", unknown " + unknown);
        }
    }

    /** Builds counts from the six states. */
    public static ComplianceCounts of(long installed, long pendingReboot, long required, long failed, long exempt, long unknown) {
        return new ComplianceCounts(installed + pendingReboot + required + failed + exempt + unknown,
                installed, pendingReboot, required, failed, exempt, unknown);
    }

    /** Installed pending reboot + required + failed: the computers still exposed. */
    public long vulnerable() {
        return pendingReboot + required + failed;
    }

    /** applicable - exempt - unknown. */
    public long denominator() {
        return applicable - exempt - unknown;
    }

    /** applicable - exempt. */
    public long strictDenominator() {
        return applicable - exempt;
    }

    /** installed / (applicable - exempt - unknown) in percent; empty when the denominator is 0. */
    public OptionalDouble percent() {
        return ratio(installed, denominator());
    }

    /** installed / (applicable - exempt) in percent; empty when the denominator is 0. */
    public OptionalDouble strictPercent() {
        return ratio(installed, strictDenominator());
    }

    public ComplianceCounts plus(ComplianceCounts other) {
        return of(installed + other.installed, pendingReboot + other.pendingReboot, required + other.required,
                failed + other.failed, exempt + other.exempt, unknown + other.unknown);
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * numerator / denominator);
    }

    @Override
    public String toString() {
        return "applicable " + applicable + " (installed " + installed + ", pending reboot " + pendingReboot
                + ", required " + required + ", failed " + failed + ", exempt " + exempt + ", unknown " + unknown
                + "); compliance " + format(installed, denominator(), percent())
                + ", strict " + format(installed, strictDenominator(), strictPercent());
    }

    private static String format(long numerator, long denominator, OptionalDouble percent) {
        return numerator + "/" + denominator + " = "
                + (percent.isPresent() ? String.format(Locale.ROOT, "%.1f%%", percent.getAsDouble()) : "n/a");
    }

    /** Mutable accumulator for hot loops; not thread-safe. */
    public static final class Tally {
        private long installed;
        private long pendingReboot;
        private long required;
        private long failed;
        private long exempt;
        private long unknown;

        /** Counts one applicable state; NOT_APPLICABLE is ignored. */
        public void add(UpdateState state) {
            switch (state) {
                case INSTALLED -> installed++;
                case INSTALLED_PENDING_REBOOT -> pendingReboot++;
                case REQUIRED -> required++;
                case FAILED -> failed++;
                case EXEMPT -> exempt++;
                case UNKNOWN -> unknown++;
                case NOT_APPLICABLE -> { }
                default -> throw new IllegalStateException("unhandled state " + state);
            }
        }

        public ComplianceCounts counts() {
            return of(installed, pendingReboot, required, failed, exempt, unknown);
        }
    }
}
