package org.patchlake.web.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

/**
 * The migration version recorded by the store's migrator before Flyway: a {@code schema_version (version, name,
 * applied_at)} table with one row per applied script. Empty when the store has no such table (a new store, or one
 * Flyway already manages, whose {@code flyway_schema_history} then decides).
 */
final class LegacySchemaVersion {
    private LegacySchemaVersion() {
    }

    static OptionalInt read(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!tableExists(c, "SCHEMA_VERSION") || tableExists(c, "flyway_schema_history")) {
                return OptionalInt.empty();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                int version = rs.getInt(1);
                return OptionalInt.of(rs.wasNull() ? 0 : version); // an empty table: its first script failed and rolled back
            }
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
