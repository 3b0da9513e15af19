package org.patchlake.reports.query;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A published snapshot's tables as DuckDB relations ({@code FROM} clause items) read by the snapshot contract (layered
 * and segmented directories, see {@link SnapshotTableSource}), for tools that check a warehouse straight from its
 * Parquet files without loading it (the demo's self-check). Only the contract's tables are offered.
 */
public final class SnapshotRelations {
    private SnapshotRelations() {
    }

    /** The directory of the snapshot {@code WH/CURRENT} names. */
    public static Path current(Path warehouse) {
        return Warehouse.describeCurrent(warehouse).directory();
    }

    /** The table's rows, or empty when the snapshot has none; a name outside the contract is refused. */
    public static Optional<String> of(Path snapshotDirectory, String table) {
        java.util.Set<String> tables = SnapshotSchema.load().tables();
        if (!tables.contains(table)) {
            throw new IllegalArgumentException("not a snapshot table: '" + table + "' (tables: " + tables + ")");
        }
        SnapshotTableSource source = new SnapshotTableSource(snapshotDirectory.resolve(table));
        return source.exists() ? Optional.of(source.rows()) : Optional.empty();
    }
}
