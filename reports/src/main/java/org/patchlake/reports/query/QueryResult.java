package org.patchlake.reports.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ResultColumns of one query with what they were computed from: the snapshot (id, published time = when the data was
 * refreshed, data-as-of time) and the parameters actually used, scope and defaults included.
 */
public record QueryResult<T>(List<T> rows, String snapshotId, Instant publishedAt, Instant dataAsOf,
                             Map<String, Object> parameters) {
    public QueryResult {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows is null"));
        Objects.requireNonNull(snapshotId, "snapshotId is null");
        Objects.requireNonNull(publishedAt, "publishedAt is null");
        Objects.requireNonNull(dataAsOf, "dataAsOf is null");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters is null")));
    }

    /** The one row of a single-row result (a totals row, a drill-down to one item). */
    public T single() {
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }
}
