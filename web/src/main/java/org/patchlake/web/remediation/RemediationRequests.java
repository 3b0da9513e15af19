package org.patchlake.web.remediation;

import org.patchlake.core.protocol.MaintenanceWindow;
import org.patchlake.core.protocol.ProtocolViolation;
import org.patchlake.core.protocol.RebootBehaviour;
import org.patchlake.core.protocol.RebootSettings;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.Params;
import org.patchlake.web.http.TimeParameters;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a remediation request from named fields (a form or a JSON object), naming the field in every error.
 * Fields: idempotencyKey, source (bulletin | computer | failed-delivery), bulletinId, computerId, region, site,
 * policyId, report, name, schedule (now | at | window), startAt, windowDays (MON,TUE,...), windowStart (HH:mm),
 * windowMinutes, windowZone, deadline, reboot (never | end-of-cycle | scheduled), rebootAt (HH:mm),
 * noticeMinutes, maxRetries, pilotPercent, pilotPauseHours, expectedTargets. Times without a zone are in
 * the viewer's time zone.
 */
public final class RemediationRequests {
    public static final List<String> SCHEDULES = List.of("now", "at", "window");
    public static final List<String> REBOOTS = List.of("never", "end-of-cycle", "scheduled");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");

    private RemediationRequests() {
    }

    public static RemediationSource source(Function<String, String> field) {
        String kind = text(field, "source");
        if (kind == null) {
            throw new BadParameterException("source", "source is required (bulletin, computer or failed-delivery)");
        }
        RemediationSource.Kind parsed = RemediationSource.Kind.fromKey(kind).orElseThrow(() -> new BadParameterException("source",
                "source must be bulletin, computer or failed-delivery, was '" + abbreviate(kind) + "'"));
        return new RemediationSource(parsed, text(field, "bulletinId"), text(field, "computerId"), text(field, "region"),
                text(field, "site"), text(field, "policyId"), text(field, "report"));
    }

    /** A remediation starts and ends at most this far ahead. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    /** The request; times without a zone are in {@code zone}, and start and deadline lie at most a year after {@code now}. */
    public static RemediationRequest parse(Function<String, String> field, ZoneId zone, Instant now) {
        String key = text(field, "idempotencyKey");
        if (key == null) {
            throw new BadParameterException("idempotencyKey", "idempotencyKey is required (any unique text of 8-100 letters, digits, . _ : -)");
        }
        if (!KEY.matcher(key).matches()) {
            throw new BadParameterException("idempotencyKey", "idempotencyKey must be 8-100 letters, digits, . _ : - ; was '" + abbreviate(key) + "'");
        }
        RemediationSource source = source(field);
        String name = text(field, "name");
        if (name != null && name.length() > 200) {
            throw new BadParameterException("name", "name is longer than 200 characters");
        }
        String schedule = oneOf(field, "schedule", SCHEDULES, "now");
        Instant startAt = null;
        MaintenanceWindow window = null;
        if (schedule.equals("at")) {
            startAt = time(field, "startAt", zone, now);
            if (startAt == null) {
                throw new BadParameterException("startAt", "startAt is required when schedule is 'at'");
            }
        } else if (schedule.equals("window")) {
            window = window(field, zone);
            startAt = time(field, "startAt", zone, now);
        }
        String deadlineText = text(field, "deadline");
        Instant deadline = deadlineText == null ? null : TimeParameters.ahead("deadline", deadlineText, zone, now, MAX_AHEAD);
        if (deadline != null && startAt != null && deadline.isBefore(startAt)) {
            throw new BadParameterException("deadline", "deadline " + deadline + " is before the start " + startAt);
        }
        int notice = integer(field, "noticeMinutes", 0, 1440, 15);
        String reboot = oneOf(field, "reboot", REBOOTS, "end-of-cycle");
        RebootSettings settings = switch (reboot) {
            case "never" -> new RebootSettings(RebootBehaviour.NEVER, null, notice, null);
            case "scheduled" -> {
                LocalTime at = localTime(field, "rebootAt");
                if (at == null) {
                    throw new BadParameterException("rebootAt", "rebootAt (HH:mm) is required when reboot is 'scheduled'");
                }
                yield new RebootSettings(RebootBehaviour.SCHEDULED, at, notice, null);
            }
            default -> new RebootSettings(RebootBehaviour.END_OF_CYCLE, null, notice, null);
        };
        int retries = integer(field, "maxRetries", 1, 10, 3);
        int pilot = integer(field, "pilotPercent", 0, 100, 0);
        int pause = integer(field, "pilotPauseHours", 1, 24 * 30, 24);
        String expected = text(field, "expectedTargets");
        Integer expectedTargets = expected == null ? null : integer(field, "expectedTargets", 0, Integer.MAX_VALUE, 0);
        return new RemediationRequest(key, source, name, startAt, window, deadline, settings, retries, pilot, Duration.ofHours(pause),
                expectedTargets);
    }

    private static MaintenanceWindow window(Function<String, String> field, ZoneId zone) {
        String days = text(field, "windowDays");
        if (days == null) {
            throw new BadParameterException("windowDays", "windowDays is required when schedule is 'window' (e.g. SAT,SUN)");
        }
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split("[,\\s]+")) {
            if (!day.isBlank()) {
                parsed.add(day(day.trim()));
            }
        }
        LocalTime start = localTime(field, "windowStart");
        if (start == null) {
            throw new BadParameterException("windowStart", "windowStart (HH:mm) is required when schedule is 'window'");
        }
        int minutes = integer(field, "windowMinutes", 1, 7 * 24 * 60, 240);
        String zoneId = text(field, "windowZone");
        try {
            return new MaintenanceWindow(parsed, start, minutes, zoneId == null ? zone.getId() : ZoneId.of(zoneId).getId());
        } catch (DateTimeException e) {
            throw new BadParameterException("windowZone", "windowZone is not a time zone id: '" + abbreviate(zoneId) + "'");
        } catch (ProtocolViolation e) {
            throw new BadParameterException("windowDays", e.getMessage());
        }
    }

    private static DayOfWeek day(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        throw new BadParameterException("windowDays", "windowDays has '" + abbreviate(text) + "', not a day (MON..SUN)");
    }

    static String text(Function<String, String> field, String name) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 2000) {
            throw new BadParameterException(name, name + " is longer than 2000 characters");
        }
        return value.trim();
    }

    private static String oneOf(Function<String, String> field, String name, List<String> allowed, String fallback) {
        String value = text(field, name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw new BadParameterException(name, name + " must be one of " + allowed + ", was '" + abbreviate(value) + "'");
        }
        return value;
    }

    static int integer(Function<String, String> field, String name, int min, int max, int fallback) {
        String value = text(field, name);
        return value == null ? fallback : Params.integer(name, value, min, max);
    }

    private static LocalTime localTime(Function<String, String> field, String name) {
        String value = text(field, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " is not a time of day (HH:mm): '" + abbreviate(value) + "'");
        }
    }

    /**
     * A start time: an ISO instant ({@code 2026-11-22T10:00:00Z}) or a local date-time ({@code 2026-11-22T10:00}) in
     * {@code zone}; one already past means at once, one more than {@link #MAX_AHEAD} ahead is refused.
     */
    static Instant time(Function<String, String> field, String name, ZoneId zone, Instant now) {
        String value = text(field, name);
        return value == null ? null : TimeParameters.notLaterThan(name, value, zone, now, MAX_AHEAD);
    }

    static String abbreviate(String value) {
        return value == null ? "" : value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
