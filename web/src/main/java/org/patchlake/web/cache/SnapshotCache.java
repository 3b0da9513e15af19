package org.patchlake.web.cache;

import org.patchlake.web.metrics.Metrics;

import org.patchlake.web.http.WebException;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Results computed from one published snapshot, keyed by snapshot id (with the version of the operational settings
 * reports read: custom severity, SLA policies) and what was asked (report, parameters, scope). A snapshot never
 * changes, so an entry stays right as long as its key names the current snapshot and settings; older entries are
 * dropped when a new snapshot is published ({@link #retainOnly}) or age out. Bounded by a weight (table cells) in
 * least-recently-used order. Concurrent requests for the same key wait for one computation instead of all
 * running the same query (single flight), and at most {@code concurrentComputations} different results are computed
 * at a time (the others queue in arrival order): fifty viewers opening fifty different drill-downs at once would
 * otherwise run fifty warehouse queries on a few cores, every one of them slow, and cached pages with them.
 */
public final class SnapshotCache {
    private static final String HELP_HITS = "Report results served from the snapshot cache";
    private static final String HELP_MISSES = "Report results computed (not in the snapshot cache)";

    private record Entry(CompletableFuture<Object> value, long weight) {
    }

    private final long maxWeight;
    private final Metrics metrics;
    private final Semaphore computing;
    private final Duration maxWait;
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;

    /**
     * @param concurrentComputations how many results may be computed at the same time
     * @param maxWait                how long a request waits for its turn before it is answered 503 (busy)
     */
    public SnapshotCache(long maxWeight, int concurrentComputations, Duration maxWait, Metrics metrics) {
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be positive, was " + maxWeight);
        }
        if (concurrentComputations < 1) {
            throw new IllegalArgumentException("concurrentComputations must be positive, was " + concurrentComputations);
        }
        this.maxWeight = maxWeight;
        this.computing = new Semaphore(concurrentComputations, true);
        this.maxWait = requireNonNull(maxWait, "maxWait is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        metrics.gauge("patchlake_report_cache_weight", "Table cells held by the report cache", this::weight);
        metrics.gauge("patchlake_report_computations_waiting", "Report computations waiting for their turn",
                computing::getQueueLength);
    }

    /**
     * The cached value for {@code snapshotId} + {@code key}, or computes it once (other callers of the same key
     * wait). A failed computation is not cached. {@code weigh} gives the value's weight; values heavier than a
     * tenth of the budget, or weighed negative (computed on another snapshot than the key names), are returned but
     * not kept.
     */
    public <T> T get(String kind, String snapshotId, String key, Supplier<T> compute, ToLongFunction<T> weigh) {
        String fullKey;
        CompletableFuture<Object> mine = null;
        Entry entry;
        synchronized (this) {
            fullKey = snapshotId + "|" + kind + "|" + key;
            entry = entries.get(fullKey);
            if (entry == null) {
                mine = new CompletableFuture<>();
                entry = new Entry(mine, 0);
                entries.put(fullKey, entry);
            }
        }
        if (mine == null) {
            metrics.increment("patchlake_report_cache_hits_total", HELP_HITS, "kind", kind);
            return join(entry.value());
        }
        metrics.increment("patchlake_report_cache_misses_total", HELP_MISSES, "kind", kind);
        T value;
        try {
            value = computeInTurn(kind, compute);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(fullKey, entry);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(value);
        long valueWeight = weigh.applyAsLong(value);
        synchronized (this) {
            if (valueWeight < 0 || valueWeight > maxWeight / 10 || entries.get(fullKey) != entry) {
                entries.remove(fullKey, entry);
            } else {
                entries.put(fullKey, new Entry(mine, Math.max(1, valueWeight)));
                weight += Math.max(1, valueWeight);
                evict();
            }
        }
        return value;
    }

    private <T> T computeInTurn(String kind, Supplier<T> compute) {
        boolean acquired;
        try {
            acquired = computing.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebException(503, "busy", "interrupted while waiting to compute " + kind);
        }
        if (!acquired) {
            metrics.increment("patchlake_report_busy_total", "Report requests refused after waiting for their turn", "kind", kind);
            throw new WebException(503, "busy", "the server is busy computing other reports (waited " + maxWait.toSeconds()
                    + " s for " + kind + "); try again shortly");
        }
        try {
            return compute.get();
        } finally {
            computing.release();
        }
    }

    private void evict() {
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (weight > maxWeight && oldest.hasNext()) {
            Entry entry = oldest.next().getValue();
            if (entry.value().isDone()) {
                weight -= entry.weight();
                oldest.remove();
            }
        }
    }

    /** Forgets entries of snapshots other than {@code currentSnapshotId} (called when a new snapshot is published). */
    public synchronized void retainOnly(String currentSnapshotId) {
        String prefix = currentSnapshotId + "|";
        Iterator<Map.Entry<String, Entry>> all = entries.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<String, Entry> next = all.next();
            if (!next.getKey().startsWith(prefix) && next.getValue().value().isDone()) {
                weight -= next.getValue().weight();
                all.remove();
            }
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private synchronized double weight() {
        return weight;
    }

    @SuppressWarnings("unchecked")
    private static <T> T join(CompletableFuture<Object> value) {
        try {
            return (T) value.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a report being computed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }
}
