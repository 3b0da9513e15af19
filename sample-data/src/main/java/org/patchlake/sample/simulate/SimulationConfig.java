package org.patchlake.sample.simulate;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One simulation run.
 *
 * @param server          the Patchlake server the agents talk to
 * @param tokensBySite    an enrollment token for every site of the fleet
 * @param stateDirectory  each agent keeps its state and spool under stateDirectory/hostname
 * @param start           simulated start (the fleet's as-of time)
 * @param end             simulated end
 * @param wakeInterval    how often an online agent wakes for its timed work: the server's check-in interval (the
 *                        agent checks in at every wake and scans when its scan interval is up)
 * @param resolution      wake times are rounded up to this grid; agents due in the same slot tick in parallel
 * @param threads         agents ticked in parallel
 */
public record SimulationConfig(URI server, Map<String, String> tokensBySite, Path stateDirectory, Instant start,
                               Instant end, Duration wakeInterval, Duration resolution, int threads) {

    public SimulationConfig {
        requireNonNull(server, "server is null");
        tokensBySite = Map.copyOf(tokensBySite);
        requireNonNull(stateDirectory, "stateDirectory is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(wakeInterval, "wakeInterval is null");
        requireNonNull(resolution, "resolution is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("simulation end " + end + " is not after its start " + start);
        }
        if (wakeInterval.isNegative() || wakeInterval.isZero() || resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("wakeInterval and resolution must be positive but were " + wakeInterval
                + " and " + resolution);
        }
        if (resolution.compareTo(wakeInterval) > 0) {
            throw new IllegalArgumentException("resolution " + resolution + " is coarser than the wake interval " + wakeInterval);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
        }
    }
}
