package org.patchlake.sample.fleet;

/**
 * How a machine reports: always on (desktops, servers), often offline (notebooks travel and sleep), or gone
 * (a contractor's machine that leaves and never reports again, at {@code FleetMember.goneAt}).
 */
public enum ReportingProfile {
    ALWAYS(1.0),
    OFTEN_OFFLINE(0.55),
    GONE(1.0);

    private final double onlineShareOfDays;

    ReportingProfile(double onlineShareOfDays) {
        this.onlineShareOfDays = onlineShareOfDays;
    }

    /** The share of days on which the machine is switched on and connected. */
    public double onlineShareOfDays() {
        return onlineShareOfDays;
    }
}
