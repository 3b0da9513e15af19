package org.patchlake.web.cache;

import org.patchlake.web.http.BusyException;
import org.patchlake.web.metrics.Metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One lane of computations that are admitted a few at a time: at most {@code permits} run at once, at most
 * {@code maxQueued} wait (in arrival order) and none waits longer than {@code maxWait}. A request that finds the queue
 * full is answered 503 with Retry-After at once instead of joining a wait it would lose anyway.
 */
final class AdmissionLane {
    private final String name;
    private final SnapshotCache.Admission limits;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Metrics metrics;

    AdmissionLane(String name, SnapshotCache.Admission limits, Metrics metrics) {
        this.name = requireNonNull(name, "name is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.running = new Semaphore(limits.permits(), true);
        metrics.gauge("patchlake_report_computations_waiting", "Report computations waiting for their turn, per lane",
                waiting::get, "lane", name);
        metrics.gauge("patchlake_report_computations_running", "Report computations running, per lane",
                () -> limits.permits() - running.availablePermits(), "lane", name);
    }

    <T> T run(String kind, Supplier<T> compute) {
        if (!running.tryAcquire()) {
            if (waiting.incrementAndGet() > limits.maxQueued()) {
                waiting.decrementAndGet();
                throw busy(kind, "queue_full", String.format(Locale.ROOT, "the server is busy: the %s queue is full (%d waiting); "
                        + "try again in %d s", name, limits.maxQueued(), retryAfter().toSeconds()));
            }
            boolean acquired;
            try {
                acquired = running.tryAcquire(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy(kind, "interrupted", "interrupted while waiting to compute " + kind);
            } finally {
                waiting.decrementAndGet();
            }
            if (!acquired) {
                throw busy(kind, "waited", String.format(Locale.ROOT, "the server is busy computing other %s (waited %.1f s for %s); "
                        + "try again in %d s", name, limits.maxWait().toMillis() / 1000.0, kind, retryAfter().toSeconds()));
            }
        }
        try {
            return compute.get();
        } finally {
            running.release();
        }
    }

    private BusyException busy(String kind, String reason, String message) {
        metrics.increment("patchlake_report_busy_total", "Report requests refused as busy, per lane and reason", "lane", name,
                "reason", reason, "kind", kind);
        return new BusyException(message, retryAfter());
    }

    /** How long a refused request should wait before asking again: about half the longest wait, 1 to 30 s. */
    private Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, Math.min(30, limits.maxWait().toSeconds() / 2 + 1)));
    }
}
