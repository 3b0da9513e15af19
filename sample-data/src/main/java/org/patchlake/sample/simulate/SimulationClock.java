package org.patchlake.sample.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fast-forward clock of a simulation: time moves only when the simulator sets it. The demo's server runs on
 * it too, so everything it stamps (receipt times, policies, the audit log) lives in the simulated weeks; after
 * the fast-forward, {@link #runOnFromHere()} lets time go on at the wall clock's pace from where it stopped.
 */
public final class SimulationClock extends Clock {
    private volatile Instant now;
    private volatile long runningSinceNanos = -1;

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
        runningSinceNanos = System.nanoTime();
    }

    @Override
    public Instant instant() {
        long since = runningSinceNanos;
        return since < 0 ? now : now.plus(Duration.ofNanos(System.nanoTime() - since));
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
