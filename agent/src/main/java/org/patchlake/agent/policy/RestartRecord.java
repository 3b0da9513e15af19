package org.patchlake.agent.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.patchlake.core.protocol.RebootBehaviour;

/**
 * A restart the agent asked for, with the notice the user was given and what the OS answered ({@code outcome}:
 * SCHEDULED, ALREADY_PENDING or FAILED, with {@code detail}; null in records written before the answer was kept).
 * Kept in the agent's state for audit.
 */
public record RestartRecord(String policyId, RebootBehaviour behaviour, Instant requestedAt, int noticeMinutes,
                            String noticeMessage, String outcome, String detail) {
    public RestartRecord {
        requireNonNull(policyId, "policyId is null");
        requireNonNull(behaviour, "behaviour is null");
        requireNonNull(requestedAt, "requestedAt is null");
        requireNonNull(noticeMessage, "noticeMessage is null");
    }

    public RestartRecord(String policyId, RebootBehaviour behaviour, Instant requestedAt, int noticeMinutes,
                         String noticeMessage) {
        this(policyId, behaviour, requestedAt, noticeMinutes, noticeMessage, null, null);
    }
}
