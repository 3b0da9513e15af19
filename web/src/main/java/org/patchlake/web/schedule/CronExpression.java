package org.patchlake.web.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A cron expression of five fields (minute hour day-of-month month day-of-week) with {@code *}, values, ranges
 * {@code a-b}, lists {@code a,b}, steps {@code * /n} and {@code a-b/n}, month names {@code JAN-DEC} and day names
 * {@code SUN-SAT} (0 and 7 are Sunday), and the macros {@code @hourly @daily @weekly @monthly @yearly}.
 * As in Vixie cron, when both day fields are restricted a day matches if either does.
 *
 * <p>{@link #next} works on the wall clock of a time zone. A time the clock skips (spring forward) fires once at
 * the end of the gap; a time the clock passes twice (fall back) fires once, at its first occurrence.
 */
public final class CronExpression {
    private static final String[] FIELD_NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MINIMUM = {0, 0, 1, 1, 0};
    private static final int[] MAXIMUM = {59, 23, 31, 12, 7};
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    /** A leap day on a given weekday can be 28 years away; past that the expression never fires. */
    private static final int SEARCH_DAYS = 366 * 29;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, BitSet[] fields, boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        this.daysOfWeek = fields[4];
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /** Parses an expression; the message of the {@link IllegalArgumentException} names the field at fault. */
    public static CronExpression parse(String expression) {
        requireNonNull(expression, "expression is null");
        String text = expression.trim().replaceAll("\\s+", " ");
        String expanded = MACROS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        if (expanded.startsWith("@")) {
            throw new IllegalArgumentException("unknown macro '" + text + "' (use @hourly, @daily, @weekly, @monthly or @yearly)");
        }
        String[] parts = expanded.isEmpty() ? new String[0] : expanded.split(" ");
        if (parts.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month day-of-week), '"
                    + text + "' has " + parts.length);
        }
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = field(i, parts[i]);
        }
        if (fields[4].get(7)) {
            fields[4].clear(7);
            fields[4].set(0);
        }
        CronExpression cron = new CronExpression(text, fields, parts[2].equals("*"), parts[4].equals("*"));
        if (cron.next(Instant.parse("2000-01-01T00:00:00Z"), ZoneId.of("UTC")).isEmpty()) {
            throw new IllegalArgumentException("day-of-month '" + parts[2] + "' never occurs in month '" + parts[3] + "'");
        }
        return cron;
    }

    private static BitSet field(int index, String text) {
        BitSet values = new BitSet();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw error(index, text, "has an empty list item");
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(index, text, item.substring(slash + 1));
                if (step < 1) {
                    throw error(index, text, "has step " + step + " (must be at least 1)");
                }
            }
            int low;
            int high;
            if (range.equals("*")) {
                low = MINIMUM[index];
                high = index == 4 ? 6 : MAXIMUM[index];
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", -1);
                if (bounds.length != 2) {
                    throw error(index, text, "has a range that is not a-b: '" + range + "'");
                }
                low = value(index, text, bounds[0]);
                high = value(index, text, bounds[1]);
                if (low > high) {
                    throw error(index, text, "has a range that runs backwards: '" + range + "'");
                }
            } else {
                low = value(index, text, range);
                high = slash >= 0 ? (index == 4 ? 6 : MAXIMUM[index]) : low;
            }
            for (int v = low; v <= high; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int value(int index, String text, String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        int value;
        if (index == 3 && MONTHS.contains(upper)) {
            value = MONTHS.indexOf(upper) + 1;
        } else if (index == 4 && DAYS.contains(upper)) {
            value = DAYS.indexOf(upper);
        } else {
            value = number(index, text, token);
        }
        if (value < MINIMUM[index] || value > MAXIMUM[index]) {
            throw error(index, text, "value " + value + " is outside " + MINIMUM[index] + "-" + MAXIMUM[index]);
        }
        return value;
    }

    private static int number(int index, String text, String token) {
        if (!token.matches("[0-9]{1,4}")) {
            throw error(index, text, "'" + token + "' is not a number" + (index == 3 ? " or month name" : index == 4 ? " or day name" : ""));
        }
        return Integer.parseInt(token);
    }

    private static IllegalArgumentException error(int index, String text, String problem) {
        return new IllegalArgumentException(FIELD_NAMES[index] + " field '" + text + "' " + problem);
    }

    /** The first firing time strictly after {@code after}, on the wall clock of {@code zone}; empty if it never fires. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        requireNonNull(after, "after is null");
        requireNonNull(zone, "zone is null");
        ZoneRules rules = zone.getRules();
        LocalDateTime start = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            LocalTime from = i == 0 ? start.toLocalTime() : LocalTime.MIDNIGHT;
            for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int firstMinute = hour == from.getHour() && i == 0 ? from.getMinute() : 0;
                for (int minute = minutes.nextSetBit(firstMinute); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    Instant candidate = instant(day.atTime(hour, minute), rules);
                    if (candidate.isAfter(after)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Wall-clock time to instant: a skipped time fires when the gap ends; a repeated time at its first occurrence. */
    private static Instant instant(LocalDateTime local, ZoneRules rules) {
        List<java.time.ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    boolean matchesDay(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(day.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dayOfMonth && dayOfWeek;
        }
        return dayOfMonth || dayOfWeek;
    }

    /** The expression as written (whitespace normalised). */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
