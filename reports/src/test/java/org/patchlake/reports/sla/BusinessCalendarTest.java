package org.patchlake.reports.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private final BusinessCalendar weekendsOnly = BusinessCalendar.saturdaySunday(Set.of());

    @Test
    void three_business_days_from_a_friday_skip_the_weekend() {
        // Friday 2026-12-18 10:00 -> Mon 21, Tue 22, Wed 23
        assertThat(weekendsOnly.plusBusinessDays(Instant.parse("2026-12-18T10:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-12-23T10:00:00Z"));
    }

    @Test
    void a_listed_holiday_is_skipped_like_a_weekend_day() {
        BusinessCalendar withHoliday = BusinessCalendar.saturdaySunday(Set.of(LocalDate.of(2026, 12, 22)));
        // Friday 10:00 -> Mon 21, (Tue 22 holiday), Wed 23, Thu 24
        assertThat(withHoliday.plusBusinessDays(Instant.parse("2026-12-18T10:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-12-24T10:00:00Z"));
        assertThat(withHoliday.isBusinessDay(LocalDate.of(2026, 12, 22))).isFalse();
    }

    @Test
    void a_start_on_a_weekend_starts_counting_at_monday_midnight() {
        // Saturday 2026-12-19 15:00 -> clock starts Mon 21 00:00 -> Tue, Wed, Thu 00:00
        assertThat(weekendsOnly.plusBusinessDays(Instant.parse("2026-12-19T15:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
    }

    @Test
    void within_a_week_business_days_are_calendar_days() {
        assertThat(weekendsOnly.plusBusinessDays(Instant.parse("2026-11-02T00:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-11-05T00:00:00Z"));
        assertThat(weekendsOnly.plusBusinessDays(Instant.parse("2026-11-02T00:00:00Z"), 0))
                .isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void negative_days_and_an_all_weekend_week_are_rejected() {
        assertThatThrownBy(() -> weekendsOnly.plusBusinessDays(Instant.EPOCH, -1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new BusinessCalendar(Set.of(java.time.DayOfWeek.values()), Set.of()))
                .hasMessageContaining("at least one business day");
    }
}
