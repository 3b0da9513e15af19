package org.patchlake.web.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.patchlake.web.metrics.Metrics;

import java.time.Duration;
import java.util.EnumMap;
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
 * dropped when a new snapshot is published ({@link #retainOnly}) or age out. A Caffeine {@link AsyncCache} bounded by
 * a weight (table cells; Caffeine's eviction keeps what is used often and recently). Concurrent requests for the same key wait for one computation instead of all
 * running the same query (single flight). Results not yet cached are computed in one of two {@link Lane}s, each
 * admitting a few computations at a time with a bounded queue: a drill-down (one bulletin, one computer) never
 * waits behind whole reports being computed, and when a lane's queue is full the request is answered 503 with
 * Retry-After at once instead of piling up. Cached results never wait.
 */
public final class SnapshotCache {
    private static final String HELP_HITS = "Report results served from the snapshot cache";
    private static final String HELP_MISSES = "Report results computed (not in the snapshot cache)";

    /** Where a computation queues: whole reports and dashboards, or drill-downs and form choices. */
    public enum Lane { REPORTS, DRILL_DOWNS }

    /** How a lane admits computations: at most {@code permits} at once, {@code maxQueued} waiting, none longer than {@code maxWait}. */
    public record Admission(int permits, int maxQueued, Duration maxWait) {
        public Admission {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be positive, was " + permits);
            }
            if (maxQueued < 0) {
                throw new IllegalArgumentException("maxQueued must not be negative, was " + maxQueued);
            }
            requireNonNull(maxWait, "maxWait is null");
        }
    }

    /** A computed value and its weight (table cells), weighed by the caller that computed it. */
    private record Weighed(Object value, long weight) {
    }

    private final long maxWeight;
    private final Metrics metrics;
    private final Map<Lane, AdmissionLane> lanes = new EnumMap<>(Lane.class);
    private final AsyncCache<String, Weighed> entries;

    /** Both lanes with the same admission: {@code concurrentComputations} at a time, waiting at most {@code maxWait}. */
    public SnapshotCache(long maxWeight, int concurrentComputations, Duration maxWait, Metrics metrics) {
        this(maxWeight, new Admission(concurrentComputations, Integer.MAX_VALUE, maxWait),
                new Admission(concurrentComputations, Integer.MAX_VALUE, maxWait), metrics);
    }

    public SnapshotCache(long maxWeight, Admission reports, Admission drillDowns, Metrics metrics) {
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be positive, was " + maxWeight);
        }
        this.maxWeight = maxWeight;
        this.metrics = requireNonNull(metrics, "metrics is null");
        // Maintenance (eviction) on the calling thread: the budget holds when get returns, and no pool thread is needed.
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((String key, Weighed weighed) -> (int) Math.min(Integer.MAX_VALUE, weighed.weight()))
                .executor(Runnable::run)
                .buildAsync();
        lanes.put(Lane.REPORTS, new AdmissionLane("reports", reports, metrics));
        lanes.put(Lane.DRILL_DOWNS, new AdmissionLane("drill-downs", drillDowns, metrics));
        metrics.gauge("patchlake_report_cache_weight", "Table cells held by the report cache", this::weight);
    }

    /** {@link #get(Lane, String, String, String, Supplier, ToLongFunction)} in the reports lane. */
    public <T> T get(String kind, String snapshotId, String key, Supplier<T> compute, ToLongFunction<T> weigh) {
        return get(Lane.REPORTS, kind, snapshotId, key, compute, weigh);
    }

    /**
     * The cached value for {@code snapshotId} + {@code key}, or computes it once on the calling thread, in its lane
     * (other callers of the same key wait). A failed computation is not cached. {@code weigh} gives the value's weight;
     * values heavier than a tenth of the budget, or weighed negative (computed on another snapshot than the key names),
     * are returned but not kept.
     */
    public <T> T get(Lane lane, String kind, String snapshotId, String key, Supplier<T> compute, ToLongFunction<T> weigh) {
        String fullKey = snapshotId + "|" + kind + "|" + key;
        CompletableFuture<Weighed> mine = new CompletableFuture<>();
        CompletableFuture<Weighed> existing = entries.asMap().putIfAbsent(fullKey, mine);
        if (existing != null) {
            metrics.increment("patchlake_report_cache_hits_total", HELP_HITS, "kind", kind);
            return join(existing);
        }
        metrics.increment("patchlake_report_cache_misses_total", HELP_MISSES, "kind", kind);
        T value;
        try {
            value = lanes.get(lane).run(kind, compute);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // Caffeine drops a failed future
            throw e;
        }
        long valueWeight = weigh.applyAsLong(value);
        boolean keep = valueWeight >= 0 && valueWeight <= maxWeight / 10;
        mine.complete(new Weighed(value, Math.max(1, valueWeight)));
        if (!keep) {
            entries.asMap().remove(fullKey, mine);
        }
        return value;
    }

    /** Forgets entries of snapshots other than {@code currentSnapshotId} (called when a new snapshot is published). */
    public void retainOnly(String currentSnapshotId) {
        String prefix = currentSnapshotId + "|";
        entries.asMap().entrySet().removeIf(entry -> !entry.getKey().startsWith(prefix) && entry.getValue().isDone());
    }

    public int size() {
        entries.synchronous().cleanUp();
        return (int) entries.synchronous().estimatedSize();
    }

    private double weight() {
        return entries.synchronous().policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private static <T> T join(CompletableFuture<Weighed> value) {
        try {
            return (T) value.get().value();
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
