package org.patchlake.reports.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Named values for a {@link SqlResource}; lists become SQL arrays, instants UTC timestamps. */
public final class SqlParameters {
    private final Map<String, Object> values = new HashMap<>();

    public SqlParameters put(String name, Object value) {
        values.put(Objects.requireNonNull(name, "name is null"), value);
        return this;
    }

    Map<String, Object> values() {
        return values;
    }

    void bind(SqlResource resource, Connection connection, PreparedStatement statement) throws SQLException {
        List<Object> ordered = resource.orderedValues(values);
        for (int i = 0; i < ordered.size(); i++) {
            statement.setObject(i + 1, toJdbc(connection, ordered.get(i)));
        }
    }

    private static Object toJdbc(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof List<?> list) {
            return array(connection, list);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    private static Array array(Connection connection, List<?> list) throws SQLException {
        boolean numbers = !list.isEmpty() && list.stream().allMatch(v -> v instanceof Long || v instanceof Integer);
        Object[] elements = list.stream().map(v -> v instanceof Integer i ? Long.valueOf(i) : v).toArray();
        return connection.createArrayOf(numbers ? "BIGINT" : "VARCHAR", elements);
    }
}
