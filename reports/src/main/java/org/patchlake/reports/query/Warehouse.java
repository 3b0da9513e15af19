package org.patchlake.reports.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published warehouse, read-only. Follows {@code WH/CURRENT}: at most once per {@code pollInterval}, a
 * lease checks whether ETL switched the pointer; if so the new snapshot is opened (while queries keep running
 * on the old one) and swapped in atomically. The old snapshot's database closes when its last lease closes.
 * ETL must keep the previous snapshot's files until then (see reports/README.md).
 */
public final class Warehouse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final Path root;
    private final SnapshotDirectory directory;
    private final SnapshotOpener opener;
    private final Duration pollInterval;
    private final Clock clock;
    private final AtomicReference<OpenSnapshot> current = new AtomicReference<>();
    private final ReentrantLock switching = new ReentrantLock();
    private volatile Instant lastCheck = Instant.MIN;
    private volatile boolean closed;

    public Warehouse(Path root, Duration pollInterval, int duckdbThreads, Clock clock) {
        this.root = Objects.requireNonNull(root, "root is null");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.directory = new SnapshotDirectory(root);
        this.opener = new SnapshotOpener(SnapshotSchema.load(), duckdbThreads);
    }

    public static Warehouse open(Path root) {
        return new Warehouse(root, Duration.ofSeconds(2), Math.max(1, Runtime.getRuntime().availableProcessors()), Clock.systemUTC());
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

    private boolean switchIfChanged() {
        {
            lastCheck = clock.instant();
            String name = directory.currentName().orElse(null);
            OpenSnapshot old = current.get();
            if (name == null || (old != null && old.info().directory().getFileName().toString().equals(name))) {
                return false;
            }
            SnapshotInfo info = directory.describe(name);
            OpenSnapshot fresh = new OpenSnapshot(info, opener.open(info));
            current.set(fresh);
            if (old != null) {
                old.retire();
            }
            log.info("warehouse {}: now reading snapshot {} (published {})", root, info.id(), info.publishedAt());
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        OpenSnapshot snapshot = current.getAndSet(null);
        if (snapshot != null) {
            snapshot.retire();
        }
    }
}
