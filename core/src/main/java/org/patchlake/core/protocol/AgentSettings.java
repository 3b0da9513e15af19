package org.patchlake.core.protocol;

/**
 * How often the agent works. Sent at enrollment and with every policy set.
 *
 * @param scanIntervalMinutes    full inventory scan interval, default 240
 * @param checkInIntervalMinutes policy check-in interval, default 60
 * @param stalenessDays          after this many days without inventory the server reports the computer's
 *                               updates as UNKNOWN (informational for the agent), default 14
 */
public record AgentSettings(int scanIntervalMinutes, int checkInIntervalMinutes, int stalenessDays) {
    public static final AgentSettings DEFAULTS = new AgentSettings(240, 60, 14);

    public AgentSettings {
        Checks.atLeast(scanIntervalMinutes, 1, "scanIntervalMinutes");
        Checks.atLeast(checkInIntervalMinutes, 1, "checkInIntervalMinutes");
        Checks.atLeast(stalenessDays, 1, "stalenessDays");
    }
}
