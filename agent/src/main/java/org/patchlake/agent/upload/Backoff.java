package org.patchlake.agent.upload;

import java.time.Duration;

/**
 * Retry pacing inside one request: {@code attempts} tries, waiting {@code initialDelay}, then twice as long each
 * time, capped at {@code maxDelay}. The sleeper is injected so tests and the fleet simulator never sleep.
 */
public record Backoff(int attempts, Duration initialDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits; interruptible. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper REAL_SLEEP = duration -> Thread.sleep(duration.toMillis());
    public static final Sleeper NO_SLEEP = duration -> { };

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 but was " + attempts);
        }
    }

    public static Backoff standard() {
        return new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(30), REAL_SLEEP);
    }

    Duration delayBefore(int attempt) {
        long factor = 1L << Math.min(20, attempt - 2);
        Duration delay = initialDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
