package org.patchlake.agent.policy;

import java.time.Instant;
import org.patchlake.core.protocol.DeliveryOutcome;

/**
 * Where one update of one policy stands on this computer: attempts made, when the last one ran, whether the
 * agent is done with it, whether it waits for a restart the policy has not yet done, and when the last request for
 * that restart failed (null when none did; the next request waits for the retry delay).
 */
public record UpdateProgress(int attempts, Instant lastAttemptAt, boolean finished, DeliveryOutcome lastOutcome,
                             boolean awaitingRestart, Instant restartFailedAt) {

    public static final UpdateProgress NONE = new UpdateProgress(0, null, false, null, false, null);

    public UpdateProgress(int attempts, Instant lastAttemptAt, boolean finished, DeliveryOutcome lastOutcome,
                          boolean awaitingRestart) {
        this(attempts, lastAttemptAt, finished, lastOutcome, awaitingRestart, null);
    }

    public UpdateProgress afterAttempt(Instant at, DeliveryOutcome outcome, boolean finishedNow, boolean restartNeeded) {
        return new UpdateProgress(attempts + 1, at, finishedNow, outcome, restartNeeded, null);
    }

    public UpdateProgress restartHandled() {
        return new UpdateProgress(attempts, lastAttemptAt, finished, lastOutcome, false, null);
    }

    public UpdateProgress restartFailed(Instant at) {
        return new UpdateProgress(attempts, lastAttemptAt, finished, lastOutcome, awaitingRestart, at);
    }
}
