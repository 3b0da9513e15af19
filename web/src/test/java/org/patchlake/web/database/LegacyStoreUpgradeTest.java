package org.patchlake.web.database;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.web.WebServer;
import org.patchlake.web.compliance.ComplianceStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory made by the store's migrator before Flyway (a {@code schema_version} table, scripts split on
 * {@code ;}) opens with Flyway: it is baselined at the version it recorded, only later migrations run, data stays.
 */
class LegacyStoreUpgradeTest {
    @TempDir
    Path data;

    @Test
    void a_store_made_by_the_old_migrator_at_version_3_gets_only_the_later_migrations_and_keeps_its_data() throws Exception {
        Path ops = data.resolve("ops");
        makeWithTheOldMigrator(ops, List.of("V1__initial.sql", "V2__default_sla_policies.sql", "V3__remediation.sql"));
        try (OpsDatabase database = OpsDatabase.open(ops)) {
            assertThat(database.schemaVersion()).isEqualTo(4);
            assertThat(names(database, "SELECT name FROM users")).containsExactly("alice");
            assertThat(new ComplianceStore(database, WebServer.json()).slaPolicies()).hasSize(6);
            assertThat(names(database, "SELECT CAST(COUNT(*) AS VARCHAR) FROM schedules")).containsExactly("0");
            assertThat(names(database, "SELECT CAST(\"version\" AS VARCHAR) || ' ' || \"type\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")).containsExactly("3 BASELINE", "4 SQL");
        }
        try (OpsDatabase reopened = OpsDatabase.open(ops)) {
            assertThat(reopened.schemaVersion()).isEqualTo(4);
            assertThat(names(reopened, "SELECT name FROM users")).containsExactly("alice");
        }
    }

    @Test
    void a_store_the_old_migrator_brought_to_the_latest_version_runs_no_migration() throws Exception {
        Path ops = data.resolve("ops");
        makeWithTheOldMigrator(ops, List.of("V1__initial.sql", "V2__default_sla_policies.sql", "V3__remediation.sql",
                "V4__schedules.sql"));
        try (OpsDatabase database = OpsDatabase.open(ops)) {
            assertThat(database.schemaVersion()).isEqualTo(4);
            assertThat(new ComplianceStore(database, WebServer.json()).slaPolicies()).hasSize(6);
            assertThat(names(database, "SELECT \"type\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")).containsExactly("BASELINE");
        }
    }

    @Test
    void a_new_store_is_migrated_by_flyway_from_the_first_script() throws Exception {
        try (OpsDatabase database = OpsDatabase.open(data.resolve("ops"))) {
            assertThat(names(database, "SELECT CAST(\"version\" AS VARCHAR) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                    .containsExactly("1", "2", "3", "4");
        }
    }

    /** The migrator this store used before Flyway, as it was: comment lines dropped, split on ';', one row per script. */
    private static void makeWithTheOldMigrator(Path ops, List<String> scripts) throws Exception {
        String url = "jdbc:h2:file:" + ops.toAbsolutePath().resolve("patchlake") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "patchlake", "");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String script : scripts) {
                for (String statement : oldStatements(resource(script))) {
                    s.execute(statement);
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, Integer.parseInt(script.substring(1, script.indexOf("__"))));
                    insert.setString(2, script);
                    insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-10-01T00:00:00Z")));
                    insert.executeUpdate();
                }
            }
            s.execute("INSERT INTO users (name, display_name, password_hash, created_at, password_changed_at)"
                    + " VALUES ('alice', 'Alice', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        } finally {
            pool.dispose();
        }
    }

    private static List<String> oldStatements(String text) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OpsDatabase.class.getResourceAsStream("migrations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(OpsDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
