package org.patchlake.core.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The install dates wmic qfe shows, in the forms Windows versions write them: "3/2/2019" (month first, as
 * WMI stores it; day first when the first number is over 12), "20190321", "2019-03-21", "21.03.2019",
 * "21-3-2019", and on Vista the raw FILETIME in hex ("01d4dfd0fb4eb361", 100 ns ticks since 1601, UTC).
 */
final class WmicDates {
    private static final Pattern SLASHED = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2}).*$");
    private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4})$");
    private static final Pattern FILETIME_HEX = Pattern.compile("^[0-9a-fA-F]{16}$");
    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private WmicDates() {
    }

    static Optional<LocalDate> parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher slashed = SLASHED.matcher(value);
            if (slashed.matches()) {
                int first = Integer.parseInt(slashed.group(1));
                int second = Integer.parseInt(slashed.group(2));
                int year = Integer.parseInt(slashed.group(3));
                return Optional.of(first > 12 ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second));
            }
            Matcher compact = COMPACT.matcher(value);
            if (compact.matches()) {
                return Optional.of(date(compact.group(1), compact.group(2), compact.group(3)));
            }
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                return Optional.of(date(iso.group(1), iso.group(2), iso.group(3)));
            }
            Matcher dayFirst = DAY_FIRST.matcher(value);
            if (dayFirst.matches()) {
                return Optional.of(date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1)));
            }
            if (FILETIME_HEX.matcher(value).matches()) {
                long ticks = Long.parseUnsignedLong(value, 16);
                long seconds = ticks / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS;
                return Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static LocalDate date(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }
}
