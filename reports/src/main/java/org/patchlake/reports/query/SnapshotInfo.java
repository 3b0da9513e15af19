package org.patchlake.reports.query;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A published warehouse snapshot as described by its {@code _SNAPSHOT.json}: {@code publishedAt} is when ETL
 * published it (the "data refreshed" time every report prints), {@code dataAsOf} the newest landing data it
 * contains. {@code dataAsOf} is also the "now" of queries that are not given an as-of time, so a report
 * never judges data against a clock newer than the data.
 */
public record SnapshotInfo(String id, Instant publishedAt, Instant dataAsOf, String catalogVersion, Path directory) {
    public SnapshotInfo {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(publishedAt, "publishedAt is null");
        Objects.requireNonNull(dataAsOf, "dataAsOf is null");
        Objects.requireNonNull(directory, "directory is null");
    }
}
