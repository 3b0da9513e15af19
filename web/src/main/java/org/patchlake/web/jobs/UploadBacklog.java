package org.patchlake.web.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Agent uploads this server acknowledged that no successful ETL run has folded in yet. An upload is <em>waiting</em>
 * from its acknowledgement until the next run seals landing, then <em>in flight</em> until that run ends: a
 * successful run clears it, a failed one puts it back with the waiting ones. Only the oldest time of each group is
 * kept, which is all the scheduler (start a run soon) and the staleness gauge (how long has the oldest waited)
 * need. Times are monotonic ({@link System#nanoTime()}), so a server on a simulated clock still measures real waits.
 */
public final class UploadBacklog {
    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final Runnable onAcknowledged;
    private long oldestWaiting = NONE;
    private long oldestInFlight = NONE;
    private long acknowledged;

    /** @param onAcknowledged called after every acknowledgement (the scheduler wakes up) */
    public UploadBacklog(LongSupplier nanoTime, Runnable onAcknowledged) {
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.onAcknowledged = requireNonNull(onAcknowledged, "onAcknowledged is null");
    }

    /** An agent upload was acknowledged (it is durable in landing). */
    public void acknowledged() {
        synchronized (this) {
            acknowledged++;
            if (oldestWaiting == NONE) {
                oldestWaiting = nanoTime.getAsLong();
            }
        }
        onAcknowledged.run();
    }

    /** A run is about to seal landing: every upload acknowledged so far is in it. */
    synchronized void sealed() {
        oldestInFlight = earliest(oldestInFlight, oldestWaiting);
        oldestWaiting = NONE;
    }

    /** The run that sealed ended; a failed run leaves its uploads unprocessed. */
    synchronized void runEnded(boolean succeeded) {
        if (!succeeded) {
            oldestWaiting = earliest(oldestWaiting, oldestInFlight);
        }
        oldestInFlight = NONE;
    }

    /** Uploads were acknowledged since the last run sealed landing. */
    public synchronized boolean waiting() {
        return oldestWaiting != NONE;
    }

    /** How many uploads were acknowledged since the server started. */
    public synchronized long acknowledgedTotal() {
        return acknowledged;
    }

    /** How long the oldest acknowledged upload that no finished run folded in has waited; empty when there is none. */
    public synchronized Optional<Duration> oldestUnprocessedAge() {
        long oldest = earliest(oldestWaiting, oldestInFlight);
        return oldest == NONE ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - oldest)));
    }

    private static long earliest(long a, long b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        return a - b < 0 ? a : b;
    }
}
