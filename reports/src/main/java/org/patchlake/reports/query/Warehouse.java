package org.patchlake.reports.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published warehouse, read-only. Follows {@code WH/CURRENT}: at most once per {@code pollInterval}, a
 * lease checks whether ETL switched the pointer; if so the new snapshot is loaded into its own DuckDB database
 * (see {@link SnapshotOpener}) while queries keep running on the old one, and swapped in atomically when ready:
 * on a background thread with {@link WarehouseSettings#backgroundSwitch()}, else in the lease that noticed.
 * The old snapshot's database closes when its last lease closes. The first snapshot is opened by the first
 * lease (there is nothing older to answer from).
 */
public final class Warehouse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final Path root;
    private final SnapshotDirectory directory;
    private final SnapshotOpener opener;
    private final Duration pollInterval;
    private final Clock clock;
    private final ExecutorService builder;
    private final AtomicReference<OpenSnapshot> current = new AtomicReference<>();
    private final ReentrantLock switching = new ReentrantLock();
    private volatile Instant lastCheck = Instant.MIN;
    private volatile String building;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger compactions = new java.util.concurrent.atomic.AtomicInteger();

    /** In-memory snapshot databases, switched in the calling thread (tests, small warehouses). */
    public Warehouse(Path root, Duration pollInterval, int duckdbThreads, Clock clock) {
        this(root, WarehouseSettings.inMemory(pollInterval, duckdbThreads, clock));
    }

    public Warehouse(Path root, WarehouseSettings settings) {
        this.root = Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(settings, "settings is null");
        this.pollInterval = settings.pollInterval();
        this.clock = settings.clock();
        this.directory = new SnapshotDirectory(root);
        this.opener = new SnapshotOpener(SnapshotSchema.load(), settings);
        opener.forgetAbandonedBuilds();
        this.builder = settings.backgroundSwitch() ? Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshot-loader " + root.getFileName());
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** The server default ({@link WarehouseSettings#serving(Path)}): cached per-snapshot database files, background switch. */
    public static Warehouse open(Path root) {
        return new Warehouse(root, WarehouseSettings.serving(root));
    }

    public Path root() {
        return root;
    }

    /** A connection to the current snapshot; close it when the query (or report fill) is done. */
    public SnapshotLease lease() {
        if (closed) {
            throw new QueryException("warehouse " + root + " is closed");
        }
        if (current.get() == null) {
            switching.lock();
            try {
                switchIfChanged();
            } finally {
                switching.unlock();
            }
        } else if (!clock.instant().isBefore(lastCheck.plus(pollInterval))) {
            refresh();
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            OpenSnapshot snapshot = current.get();
            if (snapshot == null) {
                throw new QueryException("warehouse " + root + " has no published snapshot yet (" + root.resolve("CURRENT") + " is missing)");
            }
            try {
                Connection connection = snapshot.tryAcquire();
                if (connection != null) {
                    return new SnapshotLease(snapshot, connection);
                }
            } catch (SQLException e) {
                throw new QueryException("cannot connect to snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
            }
        }
        throw new QueryException("warehouse " + root + ": snapshot kept closing under the lease");
    }

    /** The snapshot queries use now (switching first if ETL published a newer one). */
    /** The snapshot CURRENT names, read from its manifest without opening it (tools, the benchmark). */
    public static SnapshotInfo describeCurrent(Path root) {
        SnapshotDirectory directory = new SnapshotDirectory(root);
        return directory.describe(directory.currentName()
                .orElseThrow(() -> new QueryException(root + ": nothing published yet (no CURRENT)")));
    }

    public SnapshotInfo currentSnapshot() {
        try (SnapshotLease lease = lease()) {
            return lease.snapshot();
        }
    }

    /**
     * Checks CURRENT now and switches when it names another snapshot. Only one caller switches; the others
     * carry on with the snapshot they have. Returns true when a switch happened.
     */
    public boolean refresh() {
        if (!switching.tryLock()) {
            return false;
        }
        try {
            return switchIfChanged();
        } finally {
            switching.unlock();
        }
    }

    /** Called with {@link #switching} held. */
    private boolean switchIfChanged() {
        lastCheck = clock.instant();
        String name = directory.currentName().orElse(null);
        OpenSnapshot old = current.get();
        if (name == null || (old != null && old.info().directory().getFileName().toString().equals(name)) || name.equals(building)) {
            return false;
        }
        SnapshotInfo info = directory.describe(name);
        if (old == null || builder == null) {
            install(new OpenSnapshot(info, opener.open(info)));
            return true;
        }
        building = name;
        builder.execute(() -> {
            try {
                OpenSnapshot fresh = new OpenSnapshot(info, opener.open(info));
                SnapshotLoad load = opener.lastLoad();
                switching.lock();
                try {
                    if (closed) {
                        fresh.retire();
                    } else {
                        install(fresh);
                    }
                } finally {
                    switching.unlock();
                }
                if (load != null && load.compactionDue() && !closed) {
                    // after the switch, so the snapshot is visible first; queued before any newer snapshot's load
                    builder.execute(() -> compact(info));
                }
            } catch (RuntimeException e) {
                log.error("warehouse {}: cannot load snapshot {}; still answering from the previous one: {}", root, name, e.getMessage(), e);
            } finally {
                building = null;
            }
        });
        return false;
    }

    private void compact(SnapshotInfo info) {
        if (closed) {
            return;
        }
        try {
            opener.compact(info);
            compactions.incrementAndGet();
        } catch (RuntimeException e) {
            log.error("warehouse {}: cannot compact the database of snapshot {}; the next load will try again: {}", root, info.id(), e.getMessage(), e);
        }
    }

    /** Databases compacted in the background since this warehouse was opened (tests, monitoring). */
    public int compactions() {
        return compactions.get();
    }

    private void install(OpenSnapshot fresh) {
        OpenSnapshot old = current.getAndSet(fresh);
        if (old != null) {
            old.retire();
        }
        opener.forgetAllBut(fresh.info(), old == null ? null : old.info());
        log.info("warehouse {}: now reading snapshot {} (published {})", root, fresh.info().id(), fresh.info().publishedAt());
    }

    /** True while a newly published snapshot is being loaded in the background. */
    public boolean switching() {
        return building != null;
    }

    @Override
    public void close() {
        closed = true;
        if (builder != null) {
            builder.shutdown();
        }
        switching.lock();
        try {
            OpenSnapshot snapshot = current.getAndSet(null);
            if (snapshot != null) {
                snapshot.retire();
            }
        } finally {
            switching.unlock();
        }
    }
}
