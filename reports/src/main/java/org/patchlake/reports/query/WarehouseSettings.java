package org.patchlake.reports.query;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the query layer opens snapshots.
 *
 * @param pollInterval     how often a lease re-reads {@code WH/CURRENT}
 * @param threads          DuckDB worker threads per snapshot database
 * @param memoryLimit      DuckDB memory limit ({@code "4GB"}), or null for DuckDB's default (80 % of RAM)
 * @param cacheDirectory   where each snapshot's DuckDB database file is built once and kept (reused after a
 *                         restart); null builds it in memory at every open (tests, small warehouses)
 * @param backgroundSwitch build a newly published snapshot on a background thread and keep answering from the
 *                         previous one until it is ready (false: the lease that notices the switch builds it)
 */
public record WarehouseSettings(Duration pollInterval, int threads, String memoryLimit, Path cacheDirectory,
                                boolean backgroundSwitch, Clock clock) {
    public WarehouseSettings {
        Objects.requireNonNull(pollInterval, "pollInterval is null");
        Objects.requireNonNull(clock, "clock is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (memoryLimit != null && !memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memoryLimit is not a size like 4GB: '" + memoryLimit + "'");
        }
    }

    /** In-memory, switching in the calling thread: tests and small warehouses. */
    public static WarehouseSettings inMemory(Duration pollInterval, int threads, Clock clock) {
        return new WarehouseSettings(pollInterval, threads, null, null, false, clock);
    }

    /**
     * The server default: one database file per snapshot in {@code <WH>-query-cache} beside the warehouse,
     * built in the background when ETL publishes, all cores, DuckDB's default memory limit.
     */
    public static WarehouseSettings serving(Path warehouse) {
        Path absolute = warehouse.toAbsolutePath().normalize();
        Path cache = absolute.resolveSibling(absolute.getFileName() + "-query-cache");
        return new WarehouseSettings(Duration.ofSeconds(2), Math.max(1, Runtime.getRuntime().availableProcessors()),
                null, cache, true, Clock.systemUTC());
    }

    public WarehouseSettings withMemoryLimit(String limit) {
        return new WarehouseSettings(pollInterval, threads, limit, cacheDirectory, backgroundSwitch, clock);
    }

    public WarehouseSettings withCacheDirectory(Path directory) {
        return new WarehouseSettings(pollInterval, threads, memoryLimit, directory, backgroundSwitch, clock);
    }
}
