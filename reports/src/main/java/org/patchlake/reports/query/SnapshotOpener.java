package org.patchlake.reports.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a snapshot in a DuckDB database of its own, loaded by {@link SnapshotLoader}. Without a cache directory
 * the database is in memory and loaded at every open. With one, it is built once per snapshot into
 * {@code <cache>/<snapshot>-<schema fingerprint>.duckdb} (under a temporary name, renamed when complete, so a
 * crash leaves no half-built file in use) and opened read-only; a later open, also in another process, reuses
 * it. Snapshots are immutable, so the file never goes stale; a change of the load SQL changes the fingerprint.
 */
final class SnapshotOpener {
    private static final Logger log = LoggerFactory.getLogger(SnapshotOpener.class);

    private final SnapshotSchema schema;
    private final SnapshotLoader loader;
    private final WarehouseSettings settings;
    private final String fingerprint;

    SnapshotOpener(SnapshotSchema schema, WarehouseSettings settings) {
        this.schema = schema;
        this.loader = new SnapshotLoader(schema);
        this.settings = settings;
        this.fingerprint = schema.fingerprint();
    }

    DuckDBConnection open(SnapshotInfo info) {
        try {
            if (settings.cacheDirectory() == null) {
                DuckDBConnection database = connect("jdbc:duckdb:", false);
                try (Statement statement = database.createStatement()) {
                    loader.load(statement, info);
                } catch (SQLException | RuntimeException e) {
                    database.close();
                    throw e;
                }
                return database;
            }
            Path file = cacheFile(info);
            if (!Files.isRegularFile(file)) {
                build(info, file);
            }
            return connect("jdbc:duckdb:" + file, true);
        } catch (SQLException e) {
            throw new QueryException("cannot open snapshot " + info.id() + " at " + info.directory() + ": " + e.getMessage(), e);
        }
    }

    Path cacheFile(SnapshotInfo info) {
        return settings.cacheDirectory().resolve(info.directory().getFileName() + "-" + fingerprint + ".duckdb");
    }

    /** Deletes cached databases of snapshots other than the given ones (their open handles stay readable). */
    void forgetAllBut(SnapshotInfo... keep) {
        if (settings.cacheDirectory() == null || !Files.isDirectory(settings.cacheDirectory())) {
            return;
        }
        java.util.Set<Path> kept = new java.util.HashSet<>();
        for (SnapshotInfo info : keep) {
            if (info != null) {
                kept.add(cacheFile(info));
            }
        }
        try (Stream<Path> files = Files.list(settings.cacheDirectory())) {
            files.filter(f -> f.getFileName().toString().endsWith(".duckdb") && !kept.contains(f)).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                    log.info("deleted cached snapshot database {}", f);
                } catch (IOException e) {
                    log.warn("cannot delete cached snapshot database {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot list {}: {}", settings.cacheDirectory(), e.getMessage());
        }
    }

    private void build(SnapshotInfo info, Path file) throws SQLException {
        long started = System.nanoTime();
        Path building = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".building");
        try {
            Files.createDirectories(file.getParent());
            log.info("loading snapshot {} into {} ...", info.id(), file);
            try (DuckDBConnection database = connect("jdbc:duckdb:" + building, false);
                 Statement statement = database.createStatement()) {
                loader.load(statement, info);
                statement.execute("CHECKPOINT");
            }
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("snapshot {} loaded in {} s", info.id(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
        } catch (IOException e) {
            throw new QueryException("cannot build the database of snapshot " + info.id() + " at " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(building);
                Files.deleteIfExists(building.resolveSibling(building.getFileName() + ".wal"));
            } catch (IOException e) {
                log.warn("cannot delete {}: {}", building, e.getMessage());
            }
        }
    }

    private DuckDBConnection connect(String url, boolean readOnly) throws SQLException {
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection(url, properties);
        try (Statement statement = database.createStatement()) {
            statement.execute("SET threads = " + settings.threads());
            statement.execute("SET TimeZone = 'UTC'");
            if (settings.memoryLimit() != null) {
                statement.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
            }
        } catch (SQLException e) {
            database.close();
            throw e;
        }
        return database;
    }
}
