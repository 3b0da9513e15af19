package org.patchlake.ingest.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * The times an agent message may carry: not before {@link #EARLIEST} (2000-01-01) and not more than the allowed
 * clock skew past the server's time. A timestamp far in the future would make every later real scan of the computer
 * look older than it and be ignored, so it is refused where it arrives. Dates ({@code installedOn}) are checked
 * against the UTC day of the latest instant, which also covers agents in time zones ahead of UTC.
 */
public record TimeWindow(Instant earliest, Instant latest) {
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** The key of the window in a Jackson reader's attributes: set for agent messages, absent for stored data. */
    static final Class<TimeWindow> ATTRIBUTE = TimeWindow.class;

    public TimeWindow {
        requireNonNull(earliest, "earliest is null");
        requireNonNull(latest, "latest is null");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest " + latest + " is before earliest " + earliest);
        }
    }

    /** From 2000-01-01 to {@code now + ahead}. */
    public static TimeWindow upTo(Instant now, Duration ahead) {
        return new TimeWindow(EARLIEST, now.plus(ahead));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(earliest) && !instant.isAfter(latest);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(earliestDate()) && !date.isAfter(latestDate());
    }

    LocalDate earliestDate() {
        return LocalDate.ofInstant(earliest, ZoneOffset.UTC);
    }

    LocalDate latestDate() {
        return LocalDate.ofInstant(latest, ZoneOffset.UTC);
    }

    /** Why {@code value} is refused, for the error message. */
    String refusal(Object value) {
        return value + " is outside the accepted time range (" + earliest + " .. " + latest
                + ": not before 2000, at most the allowed skew past server time)";
    }
}
