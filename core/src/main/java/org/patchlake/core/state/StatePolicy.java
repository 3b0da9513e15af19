package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;

/**
 * The tunable parts of state derivation.
 *
 * @param allowedAttempts failed install attempts after which an update is FAILED (default 3)
 * @param staleness       how old the last inventory may be before states are UNKNOWN (default 14 days)
 */
public record StatePolicy(int allowedAttempts, Duration staleness) implements Serializable {
    public static final int DEFAULT_ALLOWED_ATTEMPTS = 3;
    public static final Duration DEFAULT_STALENESS = Duration.ofDays(14);

    public StatePolicy {
        requireNonNull(staleness, "staleness is null");
        if (allowedAttempts < 1) {
            throw new IllegalArgumentException("allowedAttempts must be at least 1, was " + allowedAttempts);
        }
        if (staleness.isNegative() || staleness.isZero()) {
            throw new IllegalArgumentException("staleness must be positive, was " + staleness);
        }
    }

    public static StatePolicy defaults() {
        return new StatePolicy(DEFAULT_ALLOWED_ATTEMPTS, DEFAULT_STALENESS);
    }
}
