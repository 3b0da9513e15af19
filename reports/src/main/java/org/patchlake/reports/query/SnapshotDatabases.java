package org.patchlake.reports.query;

import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Builds the database file of one published snapshot in a cache directory the way the server does (reusing a cached
 * file, else incrementally from an earlier snapshot's database when the snapshot contract allows, else in full), for
 * the benchmark and tools. The server itself goes through {@link Warehouse}.
 */
public final class SnapshotDatabases {
    private SnapshotDatabases() {
    }

    /** @param settings must have a cache directory */
    public static SnapshotLoad build(Path warehouse, String snapshotName, WarehouseSettings settings) {
        if (settings.cacheDirectory() == null) {
            throw new IllegalArgumentException("settings have no cache directory");
        }
        SnapshotInfo info = new SnapshotDirectory(warehouse).describe(snapshotName);
        SnapshotOpener opener = new SnapshotOpener(SnapshotSchema.load(), settings);
        try (DuckDBConnection database = opener.open(info)) {
            return opener.lastLoad();
        } catch (SQLException e) {
            throw new QueryException("cannot close the database of snapshot " + snapshotName + ": " + e.getMessage(), e);
        }
    }

    /** The database file of a snapshot in the settings' cache directory (it may not exist yet). */
    public static Path file(String snapshotName, WarehouseSettings settings) {
        return new SnapshotOpener(SnapshotSchema.load(), settings).cacheFile(snapshotName);
    }

    /**
     * The rows of one snapshot table directory by the snapshot contract (plain Parquet, segments, layered
     * directories) as a DuckDB {@code FROM} item, or empty when the directory holds no Parquet file.
     */
    public static java.util.Optional<String> tableRows(Path tableDirectory) {
        SnapshotTableSource source = new SnapshotTableSource(tableDirectory);
        return source.exists() ? java.util.Optional.of(source.rows()) : java.util.Optional.empty();
    }
}
