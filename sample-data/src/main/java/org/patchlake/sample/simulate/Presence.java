package org.patchlake.sample.simulate;

import java.time.Instant;
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
        long day = time.toLocalDate().toEpochDay();
        int hour = time.getHour();
        if (hour < 7 || hour >= 19) {
            return false;
        }
        long mixed = (member.hostname().hashCode() * 0x9E3779B97F4A7C15L) ^ (day * 0xBF58476D1CE4E5B9L);
        mixed ^= mixed >>> 31;
        double share = (mixed & 0xFFFF) / 65536.0;
        return share < member.reportingProfile().onlineShareOfDays();
    }
}
