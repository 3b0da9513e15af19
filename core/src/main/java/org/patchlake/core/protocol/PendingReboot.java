package org.patchlake.core.protocol;

import java.time.Instant;
import java.util.List;

/**
 * @param pending true when a restart is pending (required)
 * @param sources the signals that said so; empty when not pending
 * @param since   when the agent first saw it pending, null when unknown or not pending
 */
public record PendingReboot(Boolean pending, List<RebootSource> sources, Instant since) {
    public static final PendingReboot NONE = new PendingReboot(false, List.of(), null);

    public PendingReboot {
        Checks.required(pending, "pending");
        sources = Checks.optionalList(sources, "sources");
        if (pending && sources.isEmpty()) {
            throw new ProtocolViolation("sources", "must name at least one source when pending is true");
        }
        if (!pending && !sources.isEmpty()) {
            throw new ProtocolViolation("sources", "must be empty when pending is false");
        }
    }
}
