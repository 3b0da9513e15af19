package org.patchlake.web.http;

import io.javalin.http.Context;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one place date and time parameters of every route are read and bounded, so none reaches a query or a date
 * calculation it would overflow (year 2299 as an as-of date, year +999999999 as an audit range end, a remediation
 * starting in year 999999999). Each error is a 400 naming the parameter, the value and the range:
 * <ul>
 * <li>report and audit dates ({@code from}, {@code to}, {@code asOf}): 2000-01-01 to tomorrow (UTC, so every viewer's
 * today is inside);</li>
 * <li>times that must lie ahead (token and exception expiry, remediation start and deadline): after now and at most a
 * given span ahead.</li>
 * </ul>
 * "Now" is the server clock when the request arrived ({@link #stamp}), not the machine's.
 */
public final class TimeParameters {
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    private static final String NOW = "patchlake.now";

    private TimeParameters() {
    }

    /** Remembers the server clock's time for this request (before every handler). */
    public static void stamp(Context ctx, Instant now) {
        ctx.attribute(NOW, now);
    }

    /** The server clock's time when this request arrived. */
    public static Instant now(Context ctx) {
        Instant now = ctx.attribute(NOW);
        return now != null ? now : Instant.now();
    }

    /** A report or audit date {@code YYYY-MM-DD} from 2000-01-01 to tomorrow (UTC). */
    public static LocalDate date(String name, String value, Instant now) {
        LocalDate date;
        try {
            date = value.length() == 10 ? LocalDate.parse(value) : null;
        } catch (DateTimeException e) {
            date = null;
        }
        if (date == null) {
            throw new BadParameterException(name, name + " is not a date (YYYY-MM-DD): '" + Params.abbreviate(value) + "'");
        }
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(latest)) {
            throw new BadParameterException(name, name + " " + date + " is outside " + EARLIEST_DATE + " .. " + latest
                    + (date.isAfter(latest) ? " (it lies in the future)" : ""));
        }
        return date;
    }

    /**
     * A time that must lie ahead: an ISO instant ({@code 2026-11-22T10:00:00Z}), a local date-time
     * ({@code 2026-11-22T10:00}, in {@code zone}) or a date (the end of that day in {@code zone}); after {@code now} and
     * at most {@code maxAhead} later.
     */
    public static Instant ahead(String name, String value, ZoneId zone, Instant now, Duration maxAhead) {
        Instant time = instant(name, value, zone);
        if (!time.isAfter(now)) {
            throw new BadParameterException(name, name + " " + time + " is not in the future (now " + now + ")");
        }
        Instant latest = now.plus(maxAhead);
        if (time.isAfter(latest)) {
            throw new BadParameterException(name, name + " " + time + " is more than " + maxAhead.toDays() + " days ahead (at most "
                    + latest + ")");
        }
        return time;
    }

    /** As {@link #ahead}, but a time already past is fine (e.g. "start at" meaning start now); not before 2000. */
    public static Instant notLaterThan(String name, String value, ZoneId zone, Instant now, Duration maxAhead) {
        Instant time = instant(name, value, zone);
        Instant latest = now.plus(maxAhead);
        if (time.isBefore(EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant()) || time.isAfter(latest)) {
            throw new BadParameterException(name, name + " " + time + " is outside " + EARLIEST_DATE + " .. " + latest);
        }
        return time;
    }

    private static Instant instant(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atTime(23, 59, 59).atZone(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new BadParameterException(name, name + " is not a date (2026-11-22), a local time (2026-11-22T10:00) or an "
                    + "ISO-8601 instant (2026-11-22T10:00:00Z): '" + Params.abbreviate(value) + "'");
        }
    }
}
