package org.patchlake.reports.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Business days for SLA deadlines: every day that is neither a weekend day nor a listed holiday (UTC dates).
 * Adding n business days to a start keeps the time of day and moves n business days forward; a start on a
 * non-business day first moves to the beginning (00:00) of the next business day. So Friday 10:00 + 3 = the
 * next Wednesday 10:00, and a Saturday release + 3 = Thursday 00:00 (Monday, Tuesday, Wednesday elapsed).
 */
public record BusinessCalendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
    public BusinessCalendar {
        weekend = Set.copyOf(Objects.requireNonNull(weekend, "weekend is null"));
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays is null"));
        if (weekend.size() == 7) {
            throw new IllegalArgumentException("a week needs at least one business day");
        }
    }

    public static BusinessCalendar saturdaySunday(Set<LocalDate> holidays) {
        return new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
    }

    public boolean isBusinessDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    public Instant plusBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("business days must not be negative, got " + days);
        }
        LocalDateTime at = LocalDateTime.ofInstant(Objects.requireNonNull(start, "start is null"), ZoneOffset.UTC);
        if (!isBusinessDay(at.toLocalDate())) {
            LocalDate day = at.toLocalDate().plusDays(1);
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
            at = day.atStartOfDay();
        }
        for (int added = 0; added < days; ) {
            at = at.plusDays(1);
            if (isBusinessDay(at.toLocalDate())) {
                added++;
            }
        }
        return at.toInstant(ZoneOffset.UTC);
    }
}
