package org.patchlake.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The agent's configuration, read once in {@link AgentCommand} from its flags.
 *
 * @param server          ingest base URL (http://host:port)
 * @param enrollmentToken token for the first enrollment; unused once enrolled
 * @param stateDirectory  credentials, state, spool and package cache
 * @param simulateMachine a machine JSON to simulate instead of the real Windows computer, or null
 * @param rulesFile       detection rules to evaluate at every scan, or null
 * @param spoolLimitBytes past this the spool compacts inventories
 * @param retryDelay      wait between attempts of a failed install
 * @param fullUploadEvery an unchanged inventory is still uploaded this often
 * @param installTimeout  an installer running longer is killed
 * @param scanJitter      fraction of the scan interval added or removed at random (0.1 = ±10 %)
 * @param fsync           force state and spool writes to disk (always, except in the fleet simulator)
 * @param offlineScanFile the offline scan file (wsusscn2.cab) to ask the Windows Update Agent against, or null for
 *                        the server's setting (and without one, an online search)
 */
public record AgentConfig(URI server, String enrollmentToken, Path stateDirectory, Path simulateMachine, Path rulesFile,
                          long spoolLimitBytes, Duration retryDelay, Duration fullUploadEvery, Duration installTimeout,
                          double scanJitter, boolean fsync, Path offlineScanFile) {

    public static final String VERSION = "0.1.0";

    public AgentConfig {
        requireNonNull(server, "server is null");
        requireNonNull(stateDirectory, "stateDirectory is null");
        requireNonNull(retryDelay, "retryDelay is null");
        requireNonNull(fullUploadEvery, "fullUploadEvery is null");
        requireNonNull(installTimeout, "installTimeout is null");
        if (scanJitter < 0 || scanJitter >= 1) {
            throw new IllegalArgumentException("scanJitter must be in [0, 1) but was " + scanJitter);
        }
    }

    /** A configuration without an offline scan file of its own. */
    public AgentConfig(URI server, String enrollmentToken, Path stateDirectory, Path simulateMachine, Path rulesFile,
                       long spoolLimitBytes, Duration retryDelay, Duration fullUploadEvery, Duration installTimeout,
                       double scanJitter, boolean fsync) {
        this(server, enrollmentToken, stateDirectory, simulateMachine, rulesFile, spoolLimitBytes, retryDelay,
            fullUploadEvery, installTimeout, scanJitter, fsync, null);
    }

    public static AgentConfig defaults(URI server, String enrollmentToken, Path stateDirectory) {
        return new AgentConfig(server, enrollmentToken, stateDirectory, null, null, 64L * 1024 * 1024,
            Duration.ofMinutes(30), Duration.ofDays(1), Duration.ofHours(2), 0.1, true);
    }

    public AgentConfig withSimulateMachine(Path machine) {
        return new AgentConfig(server, enrollmentToken, stateDirectory, machine, rulesFile, spoolLimitBytes, retryDelay,
            fullUploadEvery, installTimeout, scanJitter, fsync, offlineScanFile);
    }

    public AgentConfig withRulesFile(Path rules) {
        return new AgentConfig(server, enrollmentToken, stateDirectory, simulateMachine, rules, spoolLimitBytes, retryDelay,
            fullUploadEvery, installTimeout, scanJitter, fsync, offlineScanFile);
    }

    public AgentConfig withSpoolLimitBytes(long limit) {
        return new AgentConfig(server, enrollmentToken, stateDirectory, simulateMachine, rulesFile, limit, retryDelay,
            fullUploadEvery, installTimeout, scanJitter, fsync, offlineScanFile);
    }

    public AgentConfig withOfflineScanFile(Path scanFile) {
        return new AgentConfig(server, enrollmentToken, stateDirectory, simulateMachine, rulesFile, spoolLimitBytes, retryDelay,
            fullUploadEvery, installTimeout, scanJitter, fsync, scanFile);
    }

    /**
     * The same configuration with state and spool writes not forced to disk: for the fleet simulator, which runs
     * thousands of agents on one machine and restarts none of them mid-write. Never for a real endpoint.
     */
    public AgentConfig withoutFsync() {
        return new AgentConfig(server, enrollmentToken, stateDirectory, simulateMachine, rulesFile, spoolLimitBytes,
            retryDelay, fullUploadEvery, installTimeout, scanJitter, false, offlineScanFile);
    }
}
