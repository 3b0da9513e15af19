package org.patchlake.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.patchlake.core.protocol.MaintenanceWindow;

class MaintenanceWindowsTest {

    /** Mondays 22:00 Berlin time for four hours: crosses midnight. */
    private final MaintenanceWindow monday = new MaintenanceWindow(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), 240,
        "Europe/Berlin");

    @Test
    void a_window_is_open_from_its_local_start_for_its_duration_even_past_midnight() {
        assertThat(MaintenanceWindows.openUntil(monday, Instant.parse("2026-11-23T20:59:59Z"))).isEmpty();
        assertThat(MaintenanceWindows.openUntil(monday, Instant.parse("2026-11-23T21:00:00Z")))
            .contains(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(MaintenanceWindows.openUntil(monday, Instant.parse("2026-11-24T00:30:00Z")))
            .as("Tuesday 01:30 local, still Monday's window").contains(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(MaintenanceWindows.openUntil(monday, Instant.parse("2026-11-24T01:00:00Z"))).isEmpty();
        assertThat(MaintenanceWindows.openUntil(monday, Instant.parse("2026-11-24T21:30:00Z"))).as("Tuesday").isEmpty();
    }

    @Test
    void the_window_follows_daylight_saving_time_of_its_zone() {
        assertThat(MaintenanceWindows.openUntil(monday, Instant.parse("2026-07-06T20:00:00Z")))
            .as("22:00 CEST is 20:00 UTC").contains(Instant.parse("2026-07-07T00:00:00Z"));
        assertThat(MaintenanceWindows.nextStart(monday, Instant.parse("2026-11-24T12:00:00Z")))
            .contains(Instant.parse("2026-11-30T21:00:00Z"));
    }
}
