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

    /** Bookkeeping of a cached database (not a snapshot table): incremental loads since its full load, that load's size. */
    static final String LINEAGE = "snapshot_database_lineage";
    /** An incremental load starts from a database of at most this many times the blocks of its last full load. */
    static final double GROWTH_LIMIT = 1.6;
    private static final java.util.regex.Pattern BUILDER = java.util.regex.Pattern.compile("\\.duckdb\\.(\\d+)-[0-9a-f-]+\\.building");
    /**
     * Databases being built by this process, whichever warehouse builds them: a property of the process, like the process
     * id in their names, so that cleaning one warehouse never deletes a build of another over the same cache directory.
     */
    private static final java.util.Set<Path> IN_PROGRESS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final SnapshotSchema schema;
    private final SnapshotLoader loader;
    private final WarehouseSettings settings;
    private final String fingerprint;
    private volatile SnapshotLoad lastLoad;

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
                lastLoad = build(info, file);
            } else {
                lastLoad = new SnapshotLoad(info.id(), SnapshotLoad.Kind.CACHED, null, 0, "database file exists", false);
            }
            return connect("jdbc:duckdb:" + file, true);
        } catch (SQLException e) {
            throw new QueryException("cannot open snapshot " + info.id() + " at " + info.directory() + ": " + e.getMessage(), e);
        }
    }

    Path cacheFile(SnapshotInfo info) {
        return cacheFile(info.directory().getFileName().toString());
    }

    /** The database file of the snapshot in directory {@code snapshotName}. */
    Path cacheFile(String snapshotName) {
        return settings.cacheDirectory().resolve(snapshotName + "-" + fingerprint + ".duckdb");
    }

    /** Deletes cached databases of snapshots other than the given ones (their open handles stay readable) and abandoned builds. */
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
            files.filter(f -> (f.getFileName().toString().endsWith(".duckdb") && !kept.contains(f)) || abandoned(f)).forEach(f -> {
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

    /** How the database of the last snapshot opened with a cache directory was made (benchmark, tests). */
    SnapshotLoad lastLoad() {
        return lastLoad;
    }

    /**
     * Deletes the databases a killed process left half built (its {@code .building} file and WAL): called when a
     * warehouse opens, so a restarted server starts clean instead of an hour later at a switch.
     */
    void forgetAbandonedBuilds() {
        if (settings.cacheDirectory() == null || !Files.isDirectory(settings.cacheDirectory())) {
            return;
        }
        try (Stream<Path> files = Files.list(settings.cacheDirectory())) {
            files.filter(SnapshotOpener::abandoned).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                    log.info("deleted {}, left half built by a process that stopped", file);
                } catch (IOException e) {
                    log.warn("cannot delete {}: {}", file, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot list {}: {}", settings.cacheDirectory(), e.getMessage());
        }
    }

    /**
     * A database no one is building any more (a {@code .building} file or its WAL, never opened: only a complete database
     * is renamed to its final name): its name holds the id of the process that built it, and that process is gone, or it
     * is this process but no build of it is in progress; or, whatever the name, it has been untouched for an hour (a build
     * in progress writes to it all the time).
     */
    static boolean abandoned(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".building") && !name.endsWith(".building.wal")) {
            return false;
        }
        Path build = name.endsWith(".wal") ? file.resolveSibling(name.substring(0, name.length() - ".wal".length())) : file;
        if (IN_PROGRESS.contains(build.toAbsolutePath())) {
            return false;
        }
        java.util.regex.Matcher pid = BUILDER.matcher(name);
        if (pid.find()) {
            long process = Long.parseLong(pid.group(1));
            if (process == ProcessHandle.current().pid() || ProcessHandle.of(process).map(handle -> !handle.isAlive()).orElse(true)) {
                return true;
            }
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code <snapshot>-<fingerprint>.duckdb.<pid>-<random>.building}: who builds it. */
    private Path buildingFile(Path file) {
        Path building = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".building");
        IN_PROGRESS.add(building.toAbsolutePath());
        return building;
    }

    private SnapshotLoad build(SnapshotInfo info, Path file) throws SQLException {
        long started = System.nanoTime();
        Path building = buildingFile(file);
        try {
            Files.createDirectories(file.getParent());
            StringBuilder why = new StringBuilder();
            java.util.Optional<IncrementalBase> base = IncrementalBase.find(info, this::cacheFile, why);
            boolean loaded = false;
            if (base.isPresent()) {
                String failed = buildIncrementally(info, base.get(), building, why);
                loaded = failed == null;
                if (failed != null) {
                    why.append(failed);
                }
            } else {
                log.info("snapshot {}: full load ({})", info.id(), why);
            }
            if (!loaded) {
                log.info("loading snapshot {} into {} ...", info.id(), file);
                fullLoad(info, building);
            }
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("snapshot {} loaded {} in {} s", info.id(), loaded ? "incrementally" : "in full", String.format("%.1f", seconds));
            return loaded
                    ? new SnapshotLoad(info.id(), SnapshotLoad.Kind.INCREMENTAL, base.get().snapshot(), seconds,
                            base.get().changedComputers().size() + " snapshot(s) of changed computers" + why, why.length() > 0)
                    : new SnapshotLoad(info.id(), SnapshotLoad.Kind.FULL, null, seconds, why.toString(), false);
        } catch (IOException e) {
            throw new QueryException("cannot build the database of snapshot " + info.id() + " at " + file + ": " + e.getMessage(), e);
        } finally {
            deleteBuilding(building);
            IN_PROGRESS.remove(building.toAbsolutePath());
        }
    }

    private void fullLoad(SnapshotInfo info, Path building) throws SQLException {
        try (DuckDBConnection database = connect("jdbc:duckdb:" + building, false);
             Statement statement = database.createStatement()) {
            loader.load(statement, info);
            statement.execute("CHECKPOINT");
            statement.execute("CREATE TABLE " + LINEAGE + " AS SELECT 0 AS incremental_loads, "
                    + "(SELECT used_blocks FROM pragma_database_size() WHERE database_name = current_database()) AS full_load_blocks");
            statement.execute("CHECKPOINT");
        }
    }

    /**
     * Replaces the database file of {@code info} (built incrementally, grown by deleted rows) by a full load of the
     * same snapshot, built under a temporary name and renamed over it. Connections open on the old file keep reading
     * it; the next incremental load copies the compact one. Run by the background loader after a switch.
     */
    SnapshotLoad compact(SnapshotInfo info) {
        long started = System.nanoTime();
        Path file = cacheFile(info);
        Path building = buildingFile(file);
        try {
            log.info("compacting the database of snapshot {} by a full load ...", info.id());
            fullLoad(info, building);
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("snapshot {} compacted in {} s", info.id(), String.format("%.1f", seconds));
            return new SnapshotLoad(info.id(), SnapshotLoad.Kind.FULL, null, seconds, "compaction", false);
        } catch (IOException | SQLException e) {
            throw new QueryException("cannot compact the database of snapshot " + info.id() + " at " + file + ": " + e.getMessage(), e);
        } finally {
            deleteBuilding(building);
            IN_PROGRESS.remove(building.toAbsolutePath());
        }
    }

    /**
     * Copies the earlier snapshot's database to {@code building} and replaces the changed computers' rows. Returns
     * null when done, else why not (and {@code building} is deleted), so the caller loads in full: a failed
     * incremental load never leaves a database that is later trusted. Deleted rows keep their space in a DuckDB
     * file: once the copy has grown past {@link #GROWTH_LIMIT} times the blocks of its last full load, it needs a
     * full load to compact it. With a background loader the incremental load is done anyway (the snapshot becomes
     * visible as fast as usual), {@code notes} says a compaction is due and the loader runs it after the switch
     * ({@link #compact}); without one, the full load is done now.
     */
    private String buildIncrementally(SnapshotInfo info, IncrementalBase base, Path building, StringBuilder notes) {
        log.info("loading snapshot {} incrementally from the database of {} ({} snapshot(s) of changed computers) ...",
                info.id(), base.snapshot(), base.changedComputers().size());
        try {
            Files.copy(base.database(), building, StandardCopyOption.REPLACE_EXISTING);
            try (DuckDBConnection database = connect("jdbc:duckdb:" + building, false);
                 Statement statement = database.createStatement()) {
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT l.full_load_blocks, d.used_blocks, l.incremental_loads FROM "
                        + LINEAGE + " l, pragma_database_size() d WHERE d.database_name = current_database()")) {
                    rs.next();
                    long fullLoad = rs.getLong(1);
                    long used = rs.getLong(2);
                    if (used > GROWTH_LIMIT * fullLoad) {
                        String reason = "the database grew to " + used + " blocks after " + rs.getLong(3)
                                + " incremental loads (full load: " + fullLoad + "): a full load compacts it";
                        log.info("snapshot {}: {}", info.id(), reason);
                        if (!settings.backgroundSwitch()) {
                            statement.close();
                            database.close();
                            deleteBuilding(building);
                            return reason;
                        }
                        notes.append("; ").append(reason).append(" after the switch");
                    }
                }
                loader.loadIncrementally(statement, info, base.changedComputers());
                statement.execute("UPDATE " + LINEAGE + " SET incremental_loads = incremental_loads + 1");
                statement.execute("CHECKPOINT");
            }
            return null;
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("snapshot {}: incremental load from {} failed, loading in full: {}", info.id(), base.snapshot(), e.getMessage());
            deleteBuilding(building);
            return "incremental load failed: " + e.getMessage();
        }
    }

    private static void deleteBuilding(Path building) {
        try {
            Files.deleteIfExists(building);
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + ".wal"));
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", building, e.getMessage());
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
