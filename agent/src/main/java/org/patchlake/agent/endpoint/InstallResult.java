package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** What one installer run returned: its exit code (unsigned 32-bit in a long), when it ran, and a short detail. */
public record InstallResult(long returnCode, Instant startedAt, Instant endedAt, String detail) {
    public InstallResult {
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(detail, "detail is null");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
        }
    }
}
