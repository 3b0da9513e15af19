package org.patchlake.reports.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs one {@link SqlResource} on a leased snapshot connection and wraps the rows in a {@link QueryResult}. */
public final class QueryRunner {
    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Sees every statement executed (for slow-query logging, metrics, the benchmark's replay on PostgreSQL). */
    @FunctionalInterface
    public interface StatementObserver {
        void executed(SqlResource sql, Map<String, Object> parameterValues, long nanos);
    }

    private final Warehouse warehouse;
    private final StatementObserver observer;

    public QueryRunner(Warehouse warehouse) {
        this(warehouse, (sql, values, nanos) -> { });
    }

    public QueryRunner(Warehouse warehouse, StatementObserver observer) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse is null");
        this.observer = Objects.requireNonNull(observer, "observer is null");
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /**
     * @param reported the parameters as the caller should print them (scope and filters included)
     */
    public <T> QueryResult<T> run(SqlResource sql, SqlParameters parameters, RowMapper<T> mapper, Map<String, Object> reported) {
        try (SnapshotLease lease = warehouse.lease()) {
            return run(lease, sql, parameters, mapper, reported);
        }
    }

    /**
     * For drill-down statements that return no row at all when the entity is unknown or outside the scope
     * (then {@link NotFoundException}), and one placeholder row the mapper turns into null when the entity
     * exists but has nothing for this step (then an empty result).
     */
    public <T> QueryResult<T> runForEntity(SqlResource sql, SqlParameters parameters, RowMapper<T> mapper,
                                           Map<String, Object> reported, String entity, String id) {
        try (SnapshotLease lease = warehouse.lease()) {
            int[] rawRows = new int[1];
            QueryResult<T> result = run(lease, sql, parameters, rs -> {
                rawRows[0]++;
                return mapper.map(rs);
            }, reported);
            if (rawRows[0] == 0) {
                throw new NotFoundException(entity, id);
            }
            return result;
        }
    }

    /** The same on a lease the caller holds, so several queries of one report read one snapshot. */
    public <T> QueryResult<T> run(SnapshotLease lease, SqlResource sql, SqlParameters parameters, RowMapper<T> mapper,
                                  Map<String, Object> reported) {
        SnapshotInfo snapshot = lease.snapshot();
        if (!parameters.values().containsKey("as_of")) {
            parameters.put("as_of", snapshot.dataAsOf());
        }
        Connection connection = lease.connection();
        List<T> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            parameters.bind(sql, connection, statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    T row = mapper.map(rs);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new QueryException("query " + sql.name() + " on snapshot " + snapshot.id() + " failed: " + e.getMessage(), e);
        }
        observer.executed(sql, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(parameters.values())), System.nanoTime() - started);
        Map<String, Object> used = new LinkedHashMap<>(reported);
        used.putIfAbsent("asOf", parameters.values().get("as_of"));
        return new QueryResult<>(rows, snapshot.id(), snapshot.publishedAt(), snapshot.dataAsOf(), used);
    }
}
