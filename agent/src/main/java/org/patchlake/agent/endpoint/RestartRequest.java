package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/** Restart at {@code requestedAt + delay}; {@code reason} is shown to a logged-on user during the delay. */
public record RestartRequest(Instant requestedAt, Duration delay, String reason) {
    public RestartRequest {
        requireNonNull(requestedAt, "requestedAt is null");
        requireNonNull(delay, "delay is null");
        requireNonNull(reason, "reason is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("restart delay is negative: " + delay);
        }
    }
}
