package org.patchlake.agent.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.patchlake.core.protocol.RebootBehaviour;

/** A restart the agent asked for, with the notice the user was given (kept in the agent's state for audit). */
public record RestartRecord(String policyId, RebootBehaviour behaviour, Instant requestedAt, int noticeMinutes,
                            String noticeMessage) {
    public RestartRecord {
        requireNonNull(policyId, "policyId is null");
        requireNonNull(behaviour, "behaviour is null");
        requireNonNull(requestedAt, "requestedAt is null");
        requireNonNull(noticeMessage, "noticeMessage is null");
    }
}
