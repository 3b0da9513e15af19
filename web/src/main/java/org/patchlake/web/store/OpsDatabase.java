package org.patchlake.web.store;

import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The web process's operational store: an embedded H2 file database under {@code DATA/ops}, migrated by
 * version from {@code migrations/V<n>__<name>.sql} resources at open.
 */
public final class OpsDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsDatabase.class);
    /** Every migration, in order. Append only; never edit a released one. */
    static final List<String> MIGRATIONS = List.of("V1__initial.sql", "V2__default_sla_policies.sql", "V3__remediation.sql");

    private final JdbcConnectionPool pool;

    private OpsDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the store in {@code directory} and applies pending migrations. */
    public static OpsDatabase open(Path directory) {
        requireNonNull(directory, "directory is null");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create operational store directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("patchlake") + ";DB_CLOSE_ON_EXIT=FALSE";
        return openUrl(url);
    }

    /** An in-memory store, for tools and tests that need no file. */
    public static OpsDatabase inMemory(String name) {
        return openUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private static OpsDatabase openUrl(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "patchlake", "");
        pool.setMaxConnections(32);
        OpsDatabase database = new OpsDatabase(pool);
        database.migrate();
        return database;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public int schemaVersion() {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read schema version", e);
        }
    }

    private void migrate() {
        try (Connection c = connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                        + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = schemaVersion();
            for (int i = current; i < MIGRATIONS.size(); i++) {
                apply(c, i + 1, MIGRATIONS.get(i));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot migrate the operational store", e);
        }
    }

    private void apply(Connection c, int version, String name) throws SQLException {
        String text = resource("migrations/" + name);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(text)) {
                s.execute(statement);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, name);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            c.commit();
            LOG.info("event=ops_migration version={} name={}", version, name);
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    static List<String> statements(String text) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(withoutComments.toString().split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = OpsDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
