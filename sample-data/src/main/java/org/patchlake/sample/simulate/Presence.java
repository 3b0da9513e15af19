package org.patchlake.sample.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.patchlake.sample.fleet.FleetMember;
import org.patchlake.sample.fleet.ReportingProfile;

/**
 * Whether a fleet member is switched on and connected at a moment: servers and desktops always; notebooks on a
 * share of working days (decided per machine and day, the same on every run), during working hours; contractors'
 * machines until they leave.
 */
final class Presence {
    private static final int FIRST_HOUR = 7;
    private static final int LAST_HOUR = 19;
    private static final int LOOK_AHEAD_DAYS = 60;

    private Presence() {
    }

    static boolean online(FleetMember member, Instant now) {
        if (member.reportingProfile() == ReportingProfile.GONE) {
            return now.isBefore(member.goneAt());
        }
        if (member.reportingProfile() == ReportingProfile.ALWAYS) {
            return true;
        }
        ZonedDateTime time = now.atZone(ZoneOffset.UTC);
        int hour = time.getHour();
        return hour >= FIRST_HOUR && hour < LAST_HOUR && onlineOn(member, time.toLocalDate());
    }

    /** The first moment at or after {@code from} when the member is online; null if it never is again. */
    static Instant nextOnline(FleetMember member, Instant from) {
        if (online(member, from)) {
            return from;
        }
        if (member.reportingProfile() != ReportingProfile.OFTEN_OFFLINE) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        for (int i = 0; i < LOOK_AHEAD_DAYS; i++, day = day.plusDays(1)) {
            Instant opens = day.atTime(FIRST_HOUR, 0).toInstant(ZoneOffset.UTC);
            if (onlineOn(member, day) && opens.isAfter(from)) {
                return opens;
            }
        }
        return null;
    }

    private static boolean onlineOn(FleetMember member, LocalDate date) {
        long day = date.toEpochDay();
        long mixed = (member.hostname().hashCode() * 0x9E3779B97F4A7C15L) ^ (day * 0xBF58476D1CE4E5B9L);
        mixed ^= mixed >>> 31;
        double share = (mixed & 0xFFFF) / 65536.0;
        return share < member.reportingProfile().onlineShareOfDays();
    }
}
