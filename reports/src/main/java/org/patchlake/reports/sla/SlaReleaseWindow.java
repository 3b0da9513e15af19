package org.patchlake.reports.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.patchlake.reports.query.QueryFilter;

/**
 * Which bulletins every SLA figure judges (dashboard, SLA Phase Attainment page and export, Executive Summary page
 * and export): those released in the period given, else in the last {@link #DAYS} days up to the data's day (or
 * the as-of day). A phase of a years-old bulletin, judged from its release, says nothing about how the fleet
 * patches now. The window narrows the statement through the filter fragment's {@code released} line, so every
 * surface runs the same SQL with the same bounds.
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

    /**
     * The filter with both release bounds: a missing {@code to} is {@code lastDay} (the data's or the as-of day), a
     * missing {@code from} is {@link #DAYS} days before the {@code to}.
     */
    public static QueryFilter applyTo(QueryFilter filter, LocalDate lastDay) {
        Objects.requireNonNull(filter, "filter is null");
        Objects.requireNonNull(lastDay, "lastDay is null");
        LocalDate to = filter.to() != null ? filter.to() : filter.from() != null && filter.from().isAfter(lastDay) ? filter.from() : lastDay;
        return filter.between(filter.from() != null ? filter.from() : firstDay(to), to);
    }

    /** The definition printed next to an SLA figure: "bulletins released 2026-03-18 to 2026-06-15 · policies: a, b". */
    public static String describe(QueryFilter window, List<SlaPolicy> policies) {
        Objects.requireNonNull(window, "window is null");
        String released = "bulletins released " + window.from() + " to " + window.to();
        String names = policies.stream().map(SlaPolicy::name).distinct().collect(Collectors.joining(", "));
        return released + " · policies: " + (names.isEmpty() ? "none active" : names);
    }
}
