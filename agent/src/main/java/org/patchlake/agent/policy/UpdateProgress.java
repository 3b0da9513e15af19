package org.patchlake.agent.policy;

import java.time.Instant;
import org.patchlake.core.protocol.DeliveryOutcome;

/**
 * Where one update of one policy stands on this computer: attempts made, when the last one ran, whether the
 * agent is done with it, and whether it waits for a restart the policy has not yet done.
 */
public record UpdateProgress(int attempts, Instant lastAttemptAt, boolean finished, DeliveryOutcome lastOutcome,
                             boolean awaitingRestart) {

    public static final UpdateProgress NONE = new UpdateProgress(0, null, false, null, false);

    public UpdateProgress afterAttempt(Instant at, DeliveryOutcome outcome, boolean finishedNow, boolean restartNeeded) {
        return new UpdateProgress(attempts + 1, at, finishedNow, outcome, restartNeeded);
    }

    public UpdateProgress restartHandled() {
        return new UpdateProgress(attempts, lastAttemptAt, finished, lastOutcome, false);
    }
}
