package org.patchlake.reports.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One phase of an SLA policy: by the deadline (elapsed time, or business days, from the clock start) at least
 * {@code targetPercent} of the measured computers (applicable - exempt - unknown) must be compliant.
 */
public record SlaPhase(String label, Duration elapsed, int businessDays, double targetPercent) {
    public SlaPhase {
        Objects.requireNonNull(label, "label is null");
        if ((elapsed == null) == (businessDays <= 0)) {
            throw new IllegalArgumentException("phase " + label + ": give either an elapsed time or a number of business days");
        }
        if (elapsed != null && (elapsed.isNegative() || elapsed.isZero())) {
            throw new IllegalArgumentException("phase " + label + ": elapsed time must be positive");
        }
        if (!(targetPercent > 0 && targetPercent <= 100)) {
            throw new IllegalArgumentException("phase " + label + ": target must be in (0, 100], got " + targetPercent);
        }
    }

    public static SlaPhase within(Duration elapsed, double targetPercent) {
        return new SlaPhase(targetPercent + "% within " + describe(elapsed), elapsed, 0, targetPercent);
    }

    public static SlaPhase withinBusinessDays(int days, double targetPercent) {
        return new SlaPhase(targetPercent + "% within " + days + " business days", null, days, targetPercent);
    }

    public Instant deadline(Instant clockStart, BusinessCalendar calendar) {
        return elapsed != null ? clockStart.plus(elapsed) : calendar.plusBusinessDays(clockStart, businessDays);
    }

    private static String describe(Duration elapsed) {
        long hours = elapsed.toHours();
        if (hours % (24 * 7) == 0) {
            return hours / (24 * 7) + " weeks";
        }
        return hours % 24 == 0 && hours > 72 ? hours / 24 + " days" : hours + " hours";
    }
}
