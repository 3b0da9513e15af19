package org.patchlake.sample.simulate;

import java.time.Duration;

/** What a finished simulation did. */
public record SimulationSummary(int agents, long ticks, long enrolled, long scans, long inventoriesQueued,
                                long installAttempts, long restarts, long messagesSent, long messagesRejected,
                                long agentFailures, String lastFailure, Duration elapsed) {
}
