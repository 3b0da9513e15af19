package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Typed column reads that tolerate the integer widths Spark and DuckDB choose (INT, BIGINT, HUGEINT). */
public final class ResultColumns {
    private ResultColumns() {
    }

    public static String string(ResultSet rs, String column) throws SQLException {
        return rs.getString(column);
    }

    /** A VARCHAR[] column as a list (null reads as empty). */
    public static java.util.List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return java.util.List.of();
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(String.valueOf(value));
        }
        return java.util.List.copyOf(values);
    }

    public static long count(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? 0L : ((Number) value).longValue();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public static boolean flag(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value != null && (Boolean) value;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
    }

    public static ComplianceCounts counts(ResultSet rs) throws SQLException {
        return new ComplianceCounts(count(rs, "applicable"), count(rs, "installed"), count(rs, "pending_reboot"),
                count(rs, "required"), count(rs, "failed"), count(rs, "exempt"), count(rs, "unknown"));
    }
}
