package org.patchlake.reports.sla;

import java.time.LocalDate;

/**
 * The bulletins whose SLA phases the executive summary (PDF and web) and the dashboard judge when no period is
 * given: those released in the last {@link #DAYS} days up to the data's day. A phase of a years-old bulletin,
 * judged from its release, says nothing about how the fleet patches now.
 */
public final class SlaReleaseWindow {
    /** Days of releases judged, the data's day included. */
    public static final int DAYS = 90;

    private SlaReleaseWindow() {
    }

    /** The first release day judged when {@code lastDay} is the last. */
    public static LocalDate firstDay(LocalDate lastDay) {
        return lastDay.minusDays(DAYS - 1);
    }
}
