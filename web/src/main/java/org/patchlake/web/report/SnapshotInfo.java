package org.patchlake.web.report;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** The published warehouse snapshot a page was computed from: every page says when its data was refreshed. */
public record SnapshotInfo(String id, Instant publishedAt, Instant dataAsOf) {
    public SnapshotInfo {
        requireNonNull(id, "id is null");
        requireNonNull(publishedAt, "publishedAt is null");
        requireNonNull(dataAsOf, "dataAsOf is null");
    }
}
