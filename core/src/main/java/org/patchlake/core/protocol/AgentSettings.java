package org.patchlake.core.protocol;

/**
 * How often the agent works. Sent at enrollment and with every policy set.
 *
 * @param scanIntervalMinutes    full inventory scan interval, default 240
 * @param checkInIntervalMinutes policy check-in interval, default 60
 * @param stalenessDays          after this many days without inventory the server reports the computer's
 *                               updates as UNKNOWN (informational for the agent), default 14
 * @param offlineScanFile        where agents find an offline scan file ({@code wsusscn2.cab}) to ask the Windows
 *                               Update Agent against instead of Windows Update / WSUS, as the agent sees the path
 *                               (a local path or a UNC share the computer account can read); null (the default):
 *                               search online. An agent started with {@code --offline-scan-file} uses its own.
 *                               Additive in protocol v1.
 */
public record AgentSettings(int scanIntervalMinutes, int checkInIntervalMinutes, int stalenessDays, String offlineScanFile) {
    public static final AgentSettings DEFAULTS = new AgentSettings(240, 60, 14, null);

    public AgentSettings {
        Checks.atLeast(scanIntervalMinutes, 1, "scanIntervalMinutes");
        Checks.atLeast(checkInIntervalMinutes, 1, "checkInIntervalMinutes");
        Checks.atLeast(stalenessDays, 1, "stalenessDays");
        offlineScanFile = offlineScanFile == null || offlineScanFile.isBlank() ? null
            : Checks.optionalText(offlineScanFile.strip(), "offlineScanFile");
    }

    /** Settings without an offline scan file (the agent searches Windows Update online). */
    public AgentSettings(int scanIntervalMinutes, int checkInIntervalMinutes, int stalenessDays) {
        this(scanIntervalMinutes, checkInIntervalMinutes, stalenessDays, null);
    }
}
