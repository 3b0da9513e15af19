package org.patchlake.core.protocol;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * When installs may run: on {@code days}, from {@code start} for {@code durationMinutes}, in {@code timeZone}
 * (an IANA zone id such as {@code Europe/Berlin}; the window follows the zone's daylight saving time).
 * A window may cross midnight (start 22:00, 240 minutes).
 */
public record MaintenanceWindow(Set<DayOfWeek> days, LocalTime start, int durationMinutes, String timeZone) {
    public MaintenanceWindow {
        days = Checks.optionalSet(days, "days");
        if (days.isEmpty()) {
            throw new ProtocolViolation("days", "is empty");
        }
        Checks.required(start, "start");
        Checks.atLeast(durationMinutes, 1, "durationMinutes");
        if (durationMinutes > 7 * 24 * 60) {
            throw new ProtocolViolation("durationMinutes", "must be at most one week but was " + durationMinutes);
        }
        Checks.text(timeZone, "timeZone");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ProtocolViolation("timeZone", "is not a time zone id: '" + Checks.shorten(timeZone) + "'");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
