package org.patchlake.web.remediation;

import org.patchlake.core.protocol.MaintenanceWindow;
import org.patchlake.core.protocol.RebootSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a remediation policy does, as confirmed (stored as JSON in {@code remediation_policies.definition}).
 *
 * @param scheduleStart     installs start no earlier than this (now, or the chosen time)
 * @param maintenanceWindow installs run only inside it (null = any time after the start)
 * @param deadline          after it, install even outside the window (null = none)
 * @param maxRetries        attempts per update before it counts as failed
 * @param pilotPercent      share of targets in the pilot ring (0 = no rings)
 * @param pilotPause        how long the rest waits after the pilot starts
 * @param snapshotId        the warehouse snapshot the targets were frozen from
 * @param replacements      superseded updates of the row and the update installed instead
 */
public record RemediationDefinition(String name, RemediationSource source, String snapshotId, Instant scheduleStart,
                                    MaintenanceWindow maintenanceWindow, Instant deadline, RebootSettings reboot, int maxRetries,
                                    int pilotPercent, Duration pilotPause, List<String> kbs, List<Replacement> replacements) {
    public record Replacement(String requiredKb, String product, String installKb) {
    }

    public RemediationDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(scheduleStart, "scheduleStart is null");
        requireNonNull(reboot, "reboot is null");
        requireNonNull(pilotPause, "pilotPause is null");
        kbs = List.copyOf(kbs);
        replacements = List.copyOf(replacements);
    }

    /** When a target of the ring may start. */
    public Instant startOf(int ring) {
        return ring == RemediationTarget.MAIN && pilotPercent > 0 ? scheduleStart.plus(pilotPause) : scheduleStart;
    }
}
