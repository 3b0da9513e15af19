package org.patchlake.sample.simulate;

import java.time.Duration;

/**
 * What a finished simulation did, and what it cost: {@code agentCpu} is the CPU time of the agent ticks (the
 * simulated endpoints, agent logic and the HTTP client), {@code processCpu} that of the whole process over the run
 * (so, in the demo, the server's request handling, landing writes and garbage collection too).
 */
public record SimulationSummary(int agents, long ticks, long enrolled, long scans, long inventoriesQueued,
                                long installAttempts, long restarts, long requests, long messagesSent,
                                long messagesRejected, long agentFailures, String lastFailure, Duration elapsed,
                                Duration agentCpu, Duration processCpu) {

    /** One line of figures: per tick and per request costs. */
    public String costs() {
        double ticksOrOne = Math.max(1, ticks);
        double requestsOrOne = Math.max(1, requests);
        return String.format("%,d ticks, %,d HTTP requests in %.1f s: agent CPU %.1f s (%.0f µs per tick), "
                + "process CPU %.1f s (%.0f µs per request, everything included)",
            ticks, requests, elapsed.toMillis() / 1000.0, agentCpu.toMillis() / 1000.0,
            agentCpu.toNanos() / 1000.0 / ticksOrOne, processCpu.toMillis() / 1000.0,
            processCpu.toNanos() / 1000.0 / requestsOrOne);
    }
}
