package org.patchlake.web.cache;

import org.patchlake.web.metrics.Metrics;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Results computed from one published snapshot, keyed by snapshot id (with the version of the operational settings
 * reports read: custom severity, SLA policies) and what was asked (report, parameters, scope). A snapshot never
 * changes, so an entry stays right as long as its key names the current snapshot and settings; older entries are
 * dropped when a new snapshot is published ({@link #retainOnly}) or age out. Bounded by a weight (table cells) in
 * least-recently-used order. Concurrent requests for the same key wait for one computation instead of all
 * running the same query (single flight).
 */
public final class SnapshotCache {
    private static final String HELP_HITS = "Report results served from the snapshot cache";
    private static final String HELP_MISSES = "Report results computed (not in the snapshot cache)";

    private record Entry(CompletableFuture<Object> value, long weight) {
    }

    private final long maxWeight;
    private final Metrics metrics;
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;

    public SnapshotCache(long maxWeight, Metrics metrics) {
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be positive, was " + maxWeight);
        }
        this.maxWeight = maxWeight;
        this.metrics = requireNonNull(metrics, "metrics is null");
        metrics.gauge("patchlake_report_cache_weight", "Table cells held by the report cache", this::weight);
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
            value = compute.get();
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
