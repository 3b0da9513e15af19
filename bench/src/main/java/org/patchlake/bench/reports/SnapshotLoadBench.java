package org.patchlake.bench.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.patchlake.reports.query.SnapshotDatabases;
import org.patchlake.reports.query.SnapshotLoad;
import org.patchlake.reports.query.WarehouseSettings;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake bench queries snapshot-load --warehouse WH --snapshots S1,S2,... [--cache DIR] [--memory 4GB] [--prepare OLD_WH [--prepare-only]] [--compare-rebuild] [--verify]}:
 * builds the server's database of each snapshot in order, as the server does when ETL publishes them one after
 * another (the first in full unless cached, each next one incrementally from the previous one's database when the
 * snapshot lists its changed computers), and prints how each was made, its time, the database size and the load
 * average. {@code --prepare OLD_WH} first writes WH from a warehouse of old-layout snapshots (see
 * {@link SnapshotLoadBenchWarehouse}).
 */
@Command(name = "snapshot-load", description = "Build the server's database of each snapshot in order, as the server "
        + "does when ETL publishes them one after another", sortOptions = false)
public final class SnapshotLoadBench implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--warehouse", paramLabel = "WH", required = true, description = "The warehouse.")
    Path warehouse;

    @Option(names = "--snapshots", paramLabel = "S1,S2", split = ",", description = "Snapshots, in order.")
    List<String> snapshots = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR", description = "Database cache (default: beside WH).")
    Path cache;

    @Option(names = "--memory", paramLabel = "SIZE", description = "DuckDB memory limit.")
    String memory;

    @Option(names = "--prepare", paramLabel = "OLD_WH", description = "First write WH from a warehouse of old-layout snapshots.")
    Path prepare;

    @Option(names = "--prepare-only", description = "Only --prepare.")
    boolean prepareOnly;

    @Option(names = "--compare-rebuild", description = "Also build each database in full and compare the times.")
    boolean compareRebuild;

    @Option(names = "--verify", description = "Check each incremental database against a full build.")
    boolean verify;

    @Override
    public Integer call() throws Exception {
        List<String> snapshots = new ArrayList<>(this.snapshots);
        Path cache = this.cache;
        if (prepare != null) {
            List<String> written = SnapshotLoadBenchWarehouse.prepare(prepare, warehouse);
            if (snapshots.isEmpty()) {
                snapshots.addAll(written);
            }
            if (prepareOnly) {
                return 0;
            }
        }
        if (cache == null) {
            cache = warehouse.toAbsolutePath().resolveSibling(warehouse.getFileName() + "-load-bench-cache");
        }
        WarehouseSettings settings = new WarehouseSettings(Duration.ofSeconds(2), Runtime.getRuntime().availableProcessors(),
                memory, cache, false, Clock.systemUTC());
        System.out.printf("snapshot-load bench: %s, cache %s, %d DuckDB threads%n", warehouse, cache, settings.threads());
        for (String snapshot : snapshots) {
            String before = loadAverage();
            SnapshotLoad load = SnapshotDatabases.build(warehouse, snapshot, settings);
            Path file = SnapshotDatabases.file(snapshot, settings);
            System.out.printf("  %s: %-11s %8.1f s  %s  database %,d MB  load %s -> %s%s%n", snapshot, load.kind(), load.seconds(),
                    load.base() == null ? "" : "from " + load.base(), Files.size(file) >> 20, before, loadAverage(),
                    load.kind() == SnapshotLoad.Kind.FULL ? "  (" + load.reason() + ")" : "");
            if (compareRebuild && load.kind() == SnapshotLoad.Kind.INCREMENTAL) {
                rebuildUpdateState(warehouse.resolve("snapshots").resolve(snapshot), SnapshotDatabases.file(load.base(), settings),
                        cache.resolve("rebuild-" + snapshot + ".duckdb"), settings.threads());
            }
        }
        String last = snapshots.get(snapshots.size() - 1);
        if (verify) {
            WarehouseSettings full = settings.withCacheDirectory(cache.resolveSibling(cache.getFileName() + "-verify"));
            Files.deleteIfExists(SnapshotDatabases.file(last, full));
            SnapshotLoad load = SnapshotDatabases.build(warehouse, last, full);
            System.out.printf("  verify: %s loaded %s into %s in %.1f s%n", last, load.kind(), full.cacheDirectory(), load.seconds());
            List<String> expected = tableFingerprints(SnapshotDatabases.file(last, full));
            List<String> actual = tableFingerprints(SnapshotDatabases.file(last, settings));
            List<String> differing = new ArrayList<>(expected);
            differing.removeAll(actual);
            System.out.printf("  verify: %d tables compared (row count and sum of row hashes): %s%n", expected.size(),
                    differing.isEmpty() && actual.size() == expected.size() ? "all equal" : "DIFFERENT: " + differing + " vs " + actual);
            Files.deleteIfExists(SnapshotDatabases.file(last, full));
        }
        return 0;
    }

    /**
     * The alternative to copy + delete + insert: a new database that ATTACHes the previous one and writes update_state
     * (the largest table) anew, sorted, from its unchanged rows and the changed computers' new rows. Printed for
     * comparison with the incremental load's per-statement times (logged by the loader).
     */
    private static void rebuildUpdateState(Path snapshot, Path previous, Path target, int threads) throws Exception {
        Files.deleteIfExists(target);
        String changed = "(SELECT computer_id FROM " + SnapshotDatabases.tableRows(snapshot.resolve("_changed_computers")).orElseThrow() + ")";
        // the changed computers' rows: a layered table's delta (as the incremental load reads them), else the whole table
        String rows = SnapshotDatabases.tableRows(snapshot.resolve("update_state").resolve("delta"))
                .or(() -> SnapshotDatabases.tableRows(snapshot.resolve("update_state"))).orElseThrow();
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + target); Statement st = db.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("ATTACH '" + previous.toString().replace("'", "''") + "' AS previous (READ_ONLY)");
            st.execute("CREATE TEMP TABLE changed AS SELECT DISTINCT computer_id FROM " + changed);
            st.execute("CREATE TABLE update_state AS SELECT * FROM (SELECT * FROM previous.update_state WHERE computer_id NOT IN "
                    + "(SELECT computer_id FROM changed) UNION ALL BY NAME SELECT * FROM " + rows
                    + " WHERE computer_id IN (SELECT computer_id FROM changed)) ORDER BY computer_id, update_id");
            st.execute("CHECKPOINT");
        }
        System.out.printf("    alternative: ATTACH previous + CREATE TABLE update_state AS (unchanged rows + changed rows, sorted): %.1f s, load %s%n",
                (System.nanoTime() - started) / 1e9, loadAverage());
        Files.deleteIfExists(target);
    }

    /** Order-independent fingerprints (row count, sum of row hashes) of every table of a database, for comparing loads. */
    static List<String> tableFingerprints(Path database) throws Exception {
        List<String> fingerprints = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("ATTACH '" + database.toString().replace("'", "''") + "' AS d (READ_ONLY)");
            List<String> tables = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = 'd' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            tables.remove("snapshot_database_lineage");
            for (String table : tables) {
                try (var rs = st.executeQuery("SELECT count(*), sum(hash(t)::HUGEINT) FROM d.main.\"" + table + "\" t")) {
                    rs.next();
                    fingerprints.add(table + " " + rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return fingerprints;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
