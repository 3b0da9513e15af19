package org.patchlake.reports.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides a phase status from counts. Projection for a deadline still ahead: the rate at which computers became
 * compliant over the last {@code window} (72 hours by default, or since the clock start if that is shorter) is
 * extended linearly to the deadline, capped at the denominator. With no progress in the window the projection
 * is the current count. Nothing to measure (denominator 0) counts as MET / ON_TRACK.
 */
public record SlaEvaluator(Duration window) {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);

    public SlaEvaluator {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("projection window must be positive");
        }
    }

    public Instant windowStart(Instant clockStart, Instant asOf) {
        Instant start = asOf.minus(window);
        return start.isBefore(clockStart) ? clockStart : start;
    }

    public SlaStatus status(double targetPercent, long denominator, Instant deadline, Instant asOf,
                            long compliantAtDeadline, long compliantNow, long compliantAtWindowStart, Instant windowStart) {
        if (!deadline.isAfter(asOf)) {
            return reaches(compliantAtDeadline, denominator, targetPercent) ? SlaStatus.MET : SlaStatus.MISSED;
        }
        return reaches(projected(denominator, deadline, asOf, compliantNow, compliantAtWindowStart, windowStart), denominator, targetPercent)
                ? SlaStatus.ON_TRACK : SlaStatus.AT_RISK;
    }

    public double projected(long denominator, Instant deadline, Instant asOf, long compliantNow, long compliantAtWindowStart,
                            Instant windowStart) {
        double elapsedHours = Duration.between(windowStart, asOf).toSeconds() / 3600.0;
        double hoursLeft = Math.max(0, Duration.between(asOf, deadline).toSeconds() / 3600.0);
        double rate = elapsedHours <= 0 ? 0 : Math.max(0, compliantNow - compliantAtWindowStart) / elapsedHours;
        return Math.min(denominator, compliantNow + rate * hoursLeft);
    }

    private static boolean reaches(double compliant, long denominator, double targetPercent) {
        return denominator == 0 || compliant * 100.0 >= targetPercent * denominator - 1e-9;
    }
}
