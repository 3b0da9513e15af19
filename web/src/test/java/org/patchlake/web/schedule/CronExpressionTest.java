package org.patchlake.web.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronExpressionTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<String> firings(String expression, String after, ZoneId zone, int count) {
        CronExpression cron = CronExpression.parse(expression);
        List<String> result = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            at = cron.next(at, zone).orElseThrow();
            result.add(ZonedDateTime.ofInstant(at, zone).toOffsetDateTime().toString());
        }
        return result;
    }

    @Test
    void a_fixed_time_fires_once_a_day_strictly_after_the_given_instant() {
        assertThat(firings("30 7 * * *", "2026-11-20T07:30:00Z", UTC, 2))
                .containsExactly("2026-11-21T07:30Z", "2026-11-22T07:30Z");
        assertThat(firings("30 7 * * *", "2026-11-20T07:29:59Z", UTC, 1)).containsExactly("2026-11-20T07:30Z");
    }

    @Test
    void ranges_lists_and_steps_combine() {
        assertThat(firings("0,30 9-10 * * *", "2026-11-20T08:00:00Z", UTC, 5))
                .containsExactly("2026-11-20T09:00Z", "2026-11-20T09:30Z", "2026-11-20T10:00Z", "2026-11-20T10:30Z", "2026-11-21T09:00Z");
        assertThat(firings("*/20 */12 * * *", "2026-11-20T00:00:00Z", UTC, 4))
                .containsExactly("2026-11-20T00:20Z", "2026-11-20T00:40Z", "2026-11-20T12:00Z", "2026-11-20T12:20Z");
        assertThat(firings("5-50/15 3 * * *", "2026-11-20T00:00:00Z", UTC, 5))
                .containsExactly("2026-11-20T03:05Z", "2026-11-20T03:20Z", "2026-11-20T03:35Z", "2026-11-20T03:50Z", "2026-11-21T03:05Z");
        assertThat(firings("0 8/8 * * *", "2026-11-20T00:00:00Z", UTC, 3))
                .containsExactly("2026-11-20T08:00Z", "2026-11-20T16:00Z", "2026-11-21T08:00Z");
    }

    @Test
    void month_and_day_names_are_understood_in_any_case_and_seven_is_sunday() {
        // 2026-11-20 is a Friday.
        assertThat(firings("0 7 * * mon-fri", "2026-11-20T08:00:00Z", UTC, 2))
                .containsExactly("2026-11-23T07:00Z", "2026-11-24T07:00Z");
        assertThat(firings("0 7 * * 7", "2026-11-20T08:00:00Z", UTC, 1)).containsExactly("2026-11-22T07:00Z");
        assertThat(firings("0 7 * * SUN", "2026-11-20T08:00:00Z", UTC, 1)).containsExactly("2026-11-22T07:00Z");
        assertThat(firings("0 0 1 Jan,JUL *", "2026-11-20T08:00:00Z", UTC, 2))
                .containsExactly("2027-01-01T00:00Z", "2027-07-01T00:00Z");
    }

    @Test
    void when_both_day_fields_are_restricted_either_matches() {
        // the 1st of the month or any Monday
        assertThat(firings("0 6 1 * 1", "2026-11-28T00:00:00Z", UTC, 3))
                .containsExactly("2026-11-30T06:00Z", "2026-12-01T06:00Z", "2026-12-07T06:00Z");
    }

    @Test
    void macros_expand_to_their_five_fields() {
        assertThat(firings("@weekly", "2026-11-20T08:00:00Z", UTC, 1)).containsExactly("2026-11-22T00:00Z");
        assertThat(firings("@monthly", "2026-11-20T08:00:00Z", UTC, 1)).containsExactly("2026-12-01T00:00Z");
        assertThat(CronExpression.parse("  0   7 *  * * ").text()).isEqualTo("0 7 * * *");
    }

    @Test
    void a_leap_day_schedule_waits_for_the_next_leap_year() {
        assertThat(firings("0 9 29 2 *", "2026-11-20T00:00:00Z", UTC, 2))
                .containsExactly("2028-02-29T09:00Z", "2032-02-29T09:00Z");
    }

    @Test
    void the_wall_clock_of_the_zone_decides_including_the_offset_change() {
        // Berlin: CET (+01:00) until 2027-03-28 02:00, then CEST (+02:00).
        assertThat(firings("0 7 * * *", "2027-03-26T12:00:00Z", BERLIN, 3))
                .containsExactly("2027-03-27T07:00+01:00", "2027-03-28T07:00+02:00", "2027-03-29T07:00+02:00");
    }

    @Test
    void a_time_skipped_by_spring_forward_fires_once_when_the_gap_ends() {
        // New York 2027-03-14: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist that day.
        assertThat(firings("30 2 * * *", "2027-03-13T12:00:00Z", NEW_YORK, 3))
                .containsExactly("2027-03-14T03:00-04:00", "2027-03-15T02:30-04:00", "2027-03-16T02:30-04:00");
        // every 15 minutes: 01:45 EST is followed by 03:00 EDT, each instant once
        assertThat(instants("*/15 * * * *", "2027-03-14T06:40:00Z", NEW_YORK, 3))
                .containsExactly(Instant.parse("2027-03-14T06:45:00Z"), Instant.parse("2027-03-14T07:00:00Z"),
                        Instant.parse("2027-03-14T07:15:00Z"));
    }

    @Test
    void a_time_repeated_by_fall_back_fires_once_at_its_first_occurrence() {
        // New York 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
        assertThat(instants("30 1 * * *", "2026-10-31T12:00:00Z", NEW_YORK, 2))
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        // starting inside the second 01:xx hour does not fire the 01:30 that already passed
        assertThat(instants("30 1 * * *", "2026-11-01T06:10:00Z", NEW_YORK, 1))
                .containsExactly(Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void bad_expressions_are_refused_naming_the_field() {
        assertThatThrownBy(() -> CronExpression.parse("0 7 * *")).hasMessageContaining("5 fields").hasMessageContaining("has 4");
        assertThatThrownBy(() -> CronExpression.parse("60 7 * * *")).hasMessageContaining("minute field '60'")
                .hasMessageContaining("not in range [0, 59]");
        assertThatThrownBy(() -> CronExpression.parse("0 24 * * *")).hasMessageContaining("hour field '24'");
        assertThatThrownBy(() -> CronExpression.parse("0 7 0 * *")).hasMessageContaining("day-of-month field '0'");
        assertThatThrownBy(() -> CronExpression.parse("0 7 * FOO *")).hasMessageContaining("month field 'FOO'")
                .hasMessageContaining("Invalid chars");
        assertThatThrownBy(() -> CronExpression.parse("0 7 * * MON-FRIDAY")).hasMessageContaining("day-of-week field 'MON-FRIDAY'");
        assertThatThrownBy(() -> CronExpression.parse("0 7 * * 5-1")).hasMessageContaining("day-of-week field '5-1'")
                .hasMessageContaining("Invalid range");
        assertThatThrownBy(() -> CronExpression.parse("*/0 7 * * *")).hasMessageContaining("minute field '*/0'");
        assertThatThrownBy(() -> CronExpression.parse("0 7 1,,2 * *")).hasMessageContaining("day-of-month field '1,,2'");
        assertThatThrownBy(() -> CronExpression.parse("0 7 30 2 *")).hasMessageContaining("never occurs");
        assertThatThrownBy(() -> CronExpression.parse("@often")).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> CronExpression.parse("")).hasMessageContaining("has 0");
    }

    @Test
    void every_form_a_saved_schedule_could_hold_before_is_still_read() {
        for (String saved : List.of("30 7 * * *", "0,30 9-10 * * *", "*/20 */12 * * *", "5-50/15 3 * * *", "0 8/8 * * *",
                "0 7 * * mon-fri", "0 7 * * 7", "0 7 * * 0-6", "0 0 1 Jan,JUL *", "0 6 1 * 1", "0 9 29 2 *", "0 7 * * 1-5/2",
                "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually")) {
            assertThat(CronExpression.parse(saved).next(Instant.parse("2026-11-20T00:00:00Z"), BERLIN)).as(saved).isPresent();
        }
    }

    private static List<Instant> instants(String expression, String after, ZoneId zone, int count) {
        CronExpression cron = CronExpression.parse(expression);
        List<Instant> result = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            at = cron.next(at, zone).orElseThrow();
            result.add(at);
        }
        return result;
    }
}
