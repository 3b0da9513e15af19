package org.patchlake.web.metrics;

import org.patchlake.reports.query.QueryRunner;
import org.patchlake.reports.query.SqlResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Sees every warehouse statement the query layer runs: its time goes to {@code patchlake_query_duration_seconds}
 * by statement, and statements slower than a second are logged ({@code event=slow_query}). Built before the
 * server (the query layer needs it), bound to the server's metrics once they exist.
 */
public final class QueryTimings implements QueryRunner.StatementObserver {
    private static final Logger LOG = LoggerFactory.getLogger(QueryTimings.class);
    private static final long SLOW_NANOS = 1_000_000_000L;

    private volatile Metrics metrics;

    public void bind(Metrics serverMetrics) {
        this.metrics = serverMetrics;
    }

    @Override
    public void executed(SqlResource sql, Map<String, Object> parameterValues, long nanos) {
        Metrics bound = metrics;
        if (bound != null) {
            bound.observe("patchlake_query_duration_seconds", "Time of one warehouse query (DuckDB) by statement", nanos / 1e9,
                    "query", sql.name());
        }
        if (nanos >= SLOW_NANOS) {
            LOG.info("event=slow_query query={} ms={}", sql.name(), nanos / 1_000_000);
        }
    }
}
