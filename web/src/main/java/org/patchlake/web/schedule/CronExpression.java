package org.patchlake.web.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Unix cron expression of five fields (minute hour day-of-month month day-of-week), parsed and matched by
 * cron-utils' {@code CronType.UNIX} definition: {@code *}, values, ranges, lists, steps, {@code JAN-DEC},
 * {@code SUN-SAT} (0 and 7 are Sunday); when both day fields are restricted a day matches if either does. The macros
 * {@code @hourly @daily @weekly @monthly @yearly} (which that definition does not read) are expanded here first.
 *
 * <p>{@link #next} works on the wall clock of a time zone: the library finds the next matching wall-clock time and
 * this class maps it to an instant. A time the clock skips (spring forward) fires once at the end of the gap; a time
 * the clock passes twice (fall back) fires once, at its first occurrence.
 */
public final class CronExpression {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final List<String> FIELD_NAMES = List.of("minute", "hour", "day-of-month", "month", "day-of-week");
    private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    private final String text;
    private final ExecutionTime executionTime;

    private CronExpression(String text, ExecutionTime executionTime) {
        this.text = text;
        this.executionTime = executionTime;
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
        CronExpression cron = new CronExpression(text, ExecutionTime.forCron(cron(parts)));
        if (cron.next(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC).isEmpty()) {
            throw new IllegalArgumentException("day-of-month '" + parts[2] + "' never occurs in month '" + parts[3] + "'");
        }
        return cron;
    }

    /** The library's reading; on an error, each field is read alone to name the one at fault. */
    private static Cron cron(String[] parts) {
        try {
            return PARSER.parse(String.join(" ", parts));
        } catch (IllegalArgumentException whole) {
            for (int i = 0; i < parts.length; i++) {
                String[] alone = {"*", "*", "*", "*", "*"};
                alone[i] = parts[i];
                try {
                    PARSER.parse(String.join(" ", alone));
                } catch (IllegalArgumentException field) {
                    throw new IllegalArgumentException(FIELD_NAMES.get(i) + " field '" + parts[i] + "': " + reason(field), field);
                }
            }
            throw new IllegalArgumentException("cron expression '" + String.join(" ", parts) + "': " + reason(whole), whole);
        }
    }

    private static String reason(IllegalArgumentException e) {
        return String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "");
    }

    /** The first firing time strictly after {@code after}, on the wall clock of {@code zone}; empty if it never fires. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        requireNonNull(after, "after is null");
        requireNonNull(zone, "zone is null");
        ZoneRules rules = zone.getRules();
        // The library matches wall-clock times; read them in UTC so it sees each local minute exactly once.
        ZonedDateTime wall = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).minusNanos(1).atZone(ZoneOffset.UTC);
        while (true) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(wall);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            wall = next.get();
            Instant candidate = instant(wall.toLocalDateTime(), rules);
            if (candidate.isAfter(after)) {
                return Optional.of(candidate);
            }
        }
    }

    /** Wall-clock time to instant: a skipped time fires when the gap ends; a repeated time at its first occurrence. */
    private static Instant instant(LocalDateTime local, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
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
