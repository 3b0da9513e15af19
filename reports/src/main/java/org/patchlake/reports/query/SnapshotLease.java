package org.patchlake.reports.query;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection to one snapshot for the duration of a query (or a report fill). While a lease is open the
 * snapshot stays open even if ETL publishes a newer one. Close it when done.
 */
public final class SnapshotLease implements AutoCloseable {
    private final OpenSnapshot snapshot;
    private final Connection connection;
    private boolean closed;

    SnapshotLease(OpenSnapshot snapshot, Connection connection) {
        this.snapshot = snapshot;
        this.connection = connection;
    }

    public SnapshotInfo snapshot() {
        return snapshot.info();
    }

    /** Read-only use: the views of this snapshot. Do not close it yourself; close the lease. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the snapshot's database closes all its connections anyway
        } finally {
            snapshot.release();
        }
    }
}
