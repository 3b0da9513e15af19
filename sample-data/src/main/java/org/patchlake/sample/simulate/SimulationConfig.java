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
 * @param end             simulated end; at most the wall clock's now (uploads from the future would be nonsense)
 * @param step            how far the simulated clock moves per round; every online agent ticks once a round
 * @param threads         agents ticked in parallel
 */
public record SimulationConfig(URI server, Map<String, String> tokensBySite, Path stateDirectory, Instant start,
                               Instant end, Duration step, int threads) {

    public SimulationConfig {
        requireNonNull(server, "server is null");
        tokensBySite = Map.copyOf(tokensBySite);
        requireNonNull(stateDirectory, "stateDirectory is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(step, "step is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("simulation end " + end + " is not after its start " + start);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive but was " + step);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
        }
    }
}
