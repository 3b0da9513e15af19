package org.patchlake.sample.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fast-forward clock of a simulation: time moves only when the simulator sets it. The demo's server runs on
 * it too, so everything it stamps (receipt times, policies, the audit log) lives in the simulated weeks; after
 * the fast-forward, {@link #runOnFromHere(long)} lets time go on from where it stopped, at the wall clock's pace or
 * a whole number of times faster.
 */
public final class SimulationClock extends Clock {
    private volatile Instant now;
    private volatile long runningSinceNanos = -1;
    private volatile long factor = 1;

    public SimulationClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        if (runningSinceNanos >= 0) {
            throw new IllegalStateException("the clock runs on by itself since " + now + "; it cannot be set to " + instant);
        }
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("simulated time cannot go back from " + now + " to " + instant);
        }
        this.now = instant;
    }

    /** From now on the clock advances with real time, starting at the simulated time it shows. */
    public void runOnFromHere() {
        runOnFromHere(1);
    }

    /**
     * From now on the clock advances {@code factor} times as fast as real time (60: one simulated hour per real minute),
     * starting at the simulated time it shows.
     */
    public synchronized void runOnFromHere(long factor) {
        if (factor < 1 || factor > 3600) {
            throw new IllegalArgumentException("the clock runs 1 to 3600 times real time, not " + factor);
        }
        if (runningSinceNanos >= 0) {
            throw new IllegalStateException("the clock runs on by itself since " + now);
        }
        this.factor = factor;
        runningSinceNanos = System.nanoTime();
    }

    /** How many times faster than real time the clock runs (1 while it is set by hand). */
    public long factor() {
        return factor;
    }

    /** The real time until the clock shows {@code at} (zero when it has passed; the clock must be running on). */
    public Duration realTimeUntil(Instant at) {
        if (runningSinceNanos < 0) {
            throw new IllegalStateException("the clock is set by hand; it does not reach " + at + " by itself");
        }
        Duration simulated = Duration.between(instant(), at);
        return simulated.isNegative() ? Duration.ZERO : simulated.dividedBy(factor);
    }

    @Override
    public Instant instant() {
        long since = runningSinceNanos;
        return since < 0 ? now : now.plus(Duration.ofNanos((System.nanoTime() - since) * factor));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation runs in UTC");
    }
}
