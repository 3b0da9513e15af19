package org.patchlake.agent.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.patchlake.core.protocol.MaintenanceWindow;

/**
 * When a maintenance window is open. A window starts on each listed day at its local start time (in its zone, so
 * it follows daylight saving time) and lasts its duration, possibly past midnight or into the next days.
 */
public final class MaintenanceWindows {

    private MaintenanceWindows() {
    }

    /** The end of the window occurrence that contains {@code now}; empty when the window is closed. */
    public static Optional<Instant> openUntil(MaintenanceWindow window, Instant now) {
        LocalDate today = now.atZone(window.zone()).toLocalDate();
        long spanDays = window.durationMinutes() / (24 * 60) + 1;
        Instant latestEnd = null;
        for (long back = 0; back <= spanDays; back++) {
            LocalDate day = today.minusDays(back);
            if (!window.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = day.atTime(window.start()).atZone(window.zone());
            Instant end = start.plusMinutes(window.durationMinutes()).toInstant();
            if (!now.isBefore(start.toInstant()) && now.isBefore(end) && (latestEnd == null || end.isAfter(latestEnd))) {
                latestEnd = end;
            }
        }
        return Optional.ofNullable(latestEnd);
    }

    /** The next start of the window at or after {@code now} (within the next 8 days). */
    public static Optional<Instant> nextStart(MaintenanceWindow window, Instant now) {
        LocalDate today = now.atZone(window.zone()).toLocalDate();
        for (long ahead = 0; ahead <= 8; ahead++) {
            LocalDate day = today.plusDays(ahead);
            if (window.days().contains(day.getDayOfWeek())) {
                Instant start = day.atTime(window.start()).atZone(window.zone()).toInstant();
                if (!start.isBefore(now)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }
}
