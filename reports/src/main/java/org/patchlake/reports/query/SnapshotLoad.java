package org.patchlake.reports.query;

import java.util.Objects;

/**
 * How a snapshot's database was made: found in the cache, loaded in full from the Parquet, or built incrementally
 * from the database of {@code base} (an earlier snapshot); {@code reason} says why (e.g. why not incrementally); {@code compactionDue}: built incrementally from a database
 * grown past its limit, to be replaced by a full load in the background.
 */
public record SnapshotLoad(String snapshot, Kind kind, String base, double seconds, String reason, boolean compactionDue) {
    public enum Kind { CACHED, FULL, INCREMENTAL }

    public SnapshotLoad {
        Objects.requireNonNull(snapshot, "snapshot is null");
        Objects.requireNonNull(kind, "kind is null");
    }
}
