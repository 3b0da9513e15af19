package org.patchlake.sample.simulate;

import java.time.Duration;
import java.time.Instant;

/** Where a running simulation is: simulated time, and what the agents have done so far. */
public record SimulationProgress(Instant simulatedTime, int agents, long enrolled, long ticks, long scans,
                                 long inventoriesQueued, long installAttempts, long restarts, long requests,
                                 long messagesRejected, long agentFailures, String lastFailure, Duration elapsed) {

    @Override
    public String toString() {
        return String.format("simulate: %s  %,d/%,d enrolled, %,d ticks, %,d scans, %,d inventories, "
                + "%,d install attempts, %,d restarts, %,d requests, %,d rejected, %,d agent errors%s  (%.0f s)",
            simulatedTime, enrolled, agents, ticks, scans, inventoriesQueued, installAttempts, restarts, requests,
            messagesRejected, agentFailures, lastFailure.isEmpty() ? "" : " (last: " + lastFailure + ")",
            elapsed.toMillis() / 1000.0);
    }
}
