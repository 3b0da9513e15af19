package org.patchlake.reports.jasper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings query results to the few Java types the templates declare, whatever JDBC driver produced them:
 * whole numbers become {@link Long}, other numbers {@link Double}, points in time {@link Timestamp} (UTC, shown
 * in the report's time zone), calendar dates {@link LocalDate}, arrays and lists a comma-separated
 * {@link String}.
 */
public final class ReportValues {
    private ReportValues() {
    }

    public static List<Map<String, Object>> normalizeRows(List<? extends Map<String, ?>> rows) {
        List<Map<String, Object>> normalized = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            normalized.add(normalizeRow(row));
        }
        return Collections.unmodifiableList(normalized);
    }

    public static Map<String, Object> normalizeRow(Map<String, ?> row) {
        Map<String, Object> normalized = new LinkedHashMap<>(Math.max(16, row.size() * 2));
        row.forEach((column, value) -> normalized.put(column, normalize(value)));
        return Collections.unmodifiableMap(normalized);
    }

    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Timestamp) {
            return value;
        }
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDateTime local) {
            return Timestamp.from(local.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime offset) {
            return Timestamp.from(offset.toInstant());
        }
        if (value instanceof ZonedDateTime zoned) {
            return Timestamp.from(zoned.toInstant());
        }
        if (value instanceof java.util.Date date) {
            return new Timestamp(date.getTime());
        }
        if (value instanceof Object[] array) {
            return String.join(", ", java.util.Arrays.stream(array).map(String::valueOf).toList());
        }
        if (value instanceof java.sql.Array array) {
            try {
                return normalize(array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read SQL array value: " + e.getMessage(), e);
            }
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value;
    }
}
