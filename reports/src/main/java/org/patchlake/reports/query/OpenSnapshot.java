package org.patchlake.reports.query;

import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One published snapshot opened in its own in-memory DuckDB database (views over the Parquet files).
 * Leases are counted: a retired snapshot (ETL published a newer one) is closed only when its last
 * in-flight query has finished.
 */
final class OpenSnapshot {
    private static final Logger log = LoggerFactory.getLogger(OpenSnapshot.class);

    private final SnapshotInfo info;
    private final DuckDBConnection database;
    private int leases;
    private boolean retired;
    private boolean closed;

    OpenSnapshot(SnapshotInfo info, DuckDBConnection database) {
        this.info = info;
        this.database = database;
    }

    SnapshotInfo info() {
        return info;
    }

    /** A connection of its own for one query, or null when this snapshot is already closed. */
    synchronized Connection tryAcquire() throws SQLException {
        if (closed) {
            return null;
        }
        Connection connection = database.duplicate();
        leases++;
        return connection;
    }

    synchronized void release() {
        leases--;
        closeIfDone();
    }

    synchronized void retire() {
        retired = true;
        closeIfDone();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfDone() {
        if (retired && leases == 0 && !closed) {
            closed = true;
            try {
                database.close();
                log.info("closed retired snapshot {}", info.id());
            } catch (SQLException e) {
                log.warn("closing retired snapshot {} failed: {}", info.id(), e.getMessage());
            }
        }
    }
}
