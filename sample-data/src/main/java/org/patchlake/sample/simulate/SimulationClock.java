package org.patchlake.sample.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The fast-forward clock of a simulation: time moves only when the simulator sets it. */
public final class SimulationClock extends Clock {
    private volatile Instant now;

    public SimulationClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("simulated time cannot go back from " + now + " to " + instant);
        }
        this.now = instant;
    }

    @Override
    public Instant instant() {
        return now;
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
