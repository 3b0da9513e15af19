package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot contract 1 (layered table directories) and 2 (changed computers): a snapshot written in layers reads as
 * the same rows as the snapshot written flat, and a database built incrementally from the previous snapshot's
 * database holds exactly the rows (every table, every summary) of a full load of the new snapshot.
 */
class IncrementalSnapshotLoadTest {
    private static final String A = "s-20261120120000000";
    private static final String B_FLAT = "s-20261120130000000";
    private static final String B = "s-20261120130000001";
    private static final String C = "s-20261120140000000";
    private static final String B_DATA_AS_OF = "2026-11-21T09:30:00Z";
    /** c3 patches KB5000001 (current state, history, a scan, its inventory time), c6 leaves, c7 enrolls. */
    private static final String B_CHANGES = """
            UPDATE update_state SET state = 'INSTALLED', state_since = '2026-11-21 09:00', installed_at = '2026-11-21 09:00'
              WHERE computer_id = 'c3' AND kb = 'KB5000001';
            UPDATE bulletin_state SET state = 'INSTALLED', compliant_at = '2026-11-21 09:00'
              WHERE computer_id = 'c3' AND bulletin_id = 'KB5000001';
            UPDATE update_state_history SET valid_to = '2026-11-21 09:00'
              WHERE computer_id = 'c3' AND bulletin_id = 'KB5000001' AND valid_to IS NULL;
            INSERT INTO update_state_history VALUES ('c3','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001',
              'INSTALLED','2026-11-21 09:00',NULL,'EU','eu-par','notebook',false);
            UPDATE computers SET last_inventory_at = '2026-11-21 09:00', reporting = true WHERE computer_id = 'c3';
            INSERT INTO scans VALUES ('s4','c3','2026-11-21 09:00','2026-11-21 09:01','1.2.0',4500,0,NULL,118,false);
            DELETE FROM computers WHERE computer_id = 'c6';
            DELETE FROM update_state WHERE computer_id = 'c6';
            DELETE FROM bulletin_state WHERE computer_id = 'c6';
            DELETE FROM update_state_history WHERE computer_id = 'c6';
            INSERT INTO computers SELECT * REPLACE ('c7' AS computer_id, 'us-ws-03' AS hostname, TIMESTAMP '2026-11-21 08:00' AS enrolled_at)
              FROM computers WHERE computer_id = 'c4';
            INSERT INTO update_state SELECT * REPLACE ('c7' AS computer_id, 'REQUIRED' AS state) FROM update_state WHERE computer_id = 'c4';
            INSERT INTO bulletin_state SELECT * REPLACE ('c7' AS computer_id, 'REQUIRED' AS state, NULL::TIMESTAMP AS compliant_at)
              FROM bulletin_state WHERE computer_id = 'c4';
            INSERT INTO update_state_history SELECT * REPLACE ('c7' AS computer_id, 'REQUIRED' AS state,
              TIMESTAMP '2026-11-21 08:00' AS valid_from, NULL::TIMESTAMP AS valid_to) FROM update_state_history
              WHERE computer_id = 'c4' AND valid_to IS NULL;
            INSERT INTO exceptions VALUES ('e5','c7','KB5000001','erin','new machine','2026-11-21 08:00','2026-12-21 00:00',false,true,'2026-11-21 08:00');
            INSERT INTO compliance_daily SELECT * REPLACE (DATE '2026-11-20' AS day) FROM compliance_daily WHERE day = DATE '2026-11-10';
            """;
    private static final List<String> B_CHANGED = List.of("c3", "c6", "c7");

    @TempDir
    Path temporary;
    private Path warehouse;

    @BeforeEach
    void publishSnapshots() throws Exception {
        warehouse = temporary.resolve("wh");
        FixtureWarehouse.publish(warehouse, A, null, FixtureWarehouse.PUBLISHED_AT);
        FixtureWarehouse.publish(warehouse, B_FLAT, B_CHANGES, FixtureWarehouse.PUBLISHED_AT.plusSeconds(3600));
        writeManifest(B_FLAT, null, null);
        layer(A, B_FLAT, B, B_CHANGED);
        writeManifest(B, A, B_CHANGED);
    }

    @Test
    void a_layered_snapshot_reads_as_the_same_rows_as_the_flat_snapshot() throws Exception {
        SnapshotLoad layered = SnapshotDatabases.build(warehouse, B, settings("layered"));
        SnapshotLoad flat = SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));

        assertThat(layered.kind()).isEqualTo(SnapshotLoad.Kind.FULL);
        assertThat(flat.kind()).isEqualTo(SnapshotLoad.Kind.FULL);
        assertSameTables(database("layered", B), database("flat", B_FLAT));
        assertThat(rowCount(database("layered", B), "update_state_history")).isEqualTo(22);
    }

    @Test
    void a_snapshot_loaded_incrementally_equals_its_full_load_in_every_table_and_summary() throws Exception {
        WarehouseSettings cache = settings("server");
        assertThat(SnapshotDatabases.build(warehouse, A, cache).kind()).isEqualTo(SnapshotLoad.Kind.FULL);

        SnapshotLoad incremental = SnapshotDatabases.build(warehouse, B, cache);
        SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));

        assertThat(incremental.kind()).isEqualTo(SnapshotLoad.Kind.INCREMENTAL);
        assertThat(incremental.base()).isEqualTo(A);
        assertSameTables(database("server", B), database("flat", B_FLAT));
        assertThat(scalar(database("server", B), "SELECT count(*) FROM computers WHERE computer_id = 'c6'")).isZero();
        assertThat(scalar(database("server", B), "SELECT count(*) FROM time_to_patch_totals")).isPositive();
        assertThat(scalar(database("server", B), "SELECT incremental_loads FROM " + SnapshotOpener.LINEAGE)).isEqualTo(1);
    }

    @Test
    void a_run_that_changed_no_computer_is_loaded_incrementally_without_a_changed_computers_file() throws Exception {
        WarehouseSettings cache = settings("server");
        SnapshotDatabases.build(warehouse, A, cache);
        SnapshotDatabases.build(warehouse, B, cache);
        copyTree(warehouse.resolve("snapshots").resolve(B), warehouse.resolve("snapshots").resolve(C));
        deleteTree(warehouse.resolve("snapshots").resolve(C).resolve("_changed_computers"));
        writeManifest(C, B, List.of());

        SnapshotLoad load = SnapshotDatabases.build(warehouse, C, cache);
        SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));

        assertThat(load.kind()).isEqualTo(SnapshotLoad.Kind.INCREMENTAL);
        assertThat(load.base()).isEqualTo(B);
        assertSameTables(database("server", C), database("flat", B_FLAT));
    }

    @Test
    void a_database_grown_by_incremental_loads_past_the_limit_is_compacted_by_a_full_load() throws Exception {
        WarehouseSettings cache = settings("server");
        SnapshotDatabases.build(warehouse, A, cache);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + database("server", A)); Statement st = db.createStatement()) {
            st.execute("UPDATE " + SnapshotOpener.LINEAGE + " SET full_load_blocks = 1, incremental_loads = 40");
        }

        SnapshotLoad load = SnapshotDatabases.build(warehouse, B, cache);

        assertThat(load.kind()).isEqualTo(SnapshotLoad.Kind.FULL);
        assertThat(load.reason()).contains("after 40 incremental loads").contains("a full load compacts it");
        assertThat(scalar(database("server", B), "SELECT incremental_loads FROM " + SnapshotOpener.LINEAGE)).isZero();
        SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));
        assertSameTables(database("server", B), database("flat", B_FLAT));
    }

    @Test
    void a_gap_in_the_chain_is_bridged_by_the_union_of_the_changed_computers() throws Exception {
        WarehouseSettings cache = settings("server");
        SnapshotDatabases.build(warehouse, A, cache);
        // C repeats B's rows, changing nothing more, but lists c1; B's database was never built
        copyTree(warehouse.resolve("snapshots").resolve(B), warehouse.resolve("snapshots").resolve(C));
        writeChangedComputers(C, List.of("c1"));
        writeManifest(C, B, List.of("c1"));

        SnapshotLoad load = SnapshotDatabases.build(warehouse, C, cache);
        SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));

        assertThat(load.kind()).isEqualTo(SnapshotLoad.Kind.INCREMENTAL);
        assertThat(load.base()).isEqualTo(A);
        assertSameTables(database("server", C), database("flat", B_FLAT));
    }

    @Test
    void a_snapshot_without_changed_computers_or_whose_incremental_load_fails_is_loaded_in_full() throws Exception {
        WarehouseSettings cache = settings("server");
        SnapshotDatabases.build(warehouse, A, cache);
        writeManifest(C, A, null);
        copyTree(warehouse.resolve("snapshots").resolve(B_FLAT), warehouse.resolve("snapshots").resolve(C));
        writeManifest(C, A, null);
        assertThat(SnapshotDatabases.build(warehouse, C, cache).reason()).contains("lists no changed computers");

        // a changed-computers file without the computer_id column: the incremental load fails, the full load is used
        String broken = "s-20261120150000000";
        copyTree(warehouse.resolve("snapshots").resolve(B), warehouse.resolve("snapshots").resolve(broken));
        Path changed = warehouse.resolve("snapshots").resolve(broken).resolve("_changed_computers");
        try (Stream<Path> files = Files.list(changed)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        duckdb("COPY (SELECT 'c3' AS computer) TO '" + changed.resolve("part-0.parquet") + "' (FORMAT parquet)");
        SnapshotLoad load = SnapshotDatabases.build(warehouse, broken, cache);

        assertThat(load.kind()).isEqualTo(SnapshotLoad.Kind.FULL);
        assertThat(load.reason()).startsWith("incremental load failed");
        SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));
        assertSameTables(database("server", broken), database("flat", B_FLAT));
        try (Stream<Path> files = Files.list(temporary.resolve("server"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains(".building"));
        }
    }

    @Test
    void a_server_switches_to_a_snapshot_incrementally_and_compacts_a_grown_database_after_the_switch() throws Exception {
        WarehouseSettings background = new WarehouseSettings(Duration.ZERO, 2, null, temporary.resolve("server"), true, Clock.systemUTC());
        SnapshotDatabases.build(warehouse, A, background);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + database("server", A)); Statement st = db.createStatement()) {
            st.execute("UPDATE " + SnapshotOpener.LINEAGE + " SET full_load_blocks = 1, incremental_loads = 40");
        }
        Files.writeString(warehouse.resolve("CURRENT"), A + "\n");
        try (Warehouse server = new Warehouse(warehouse, background)) {
            assertThat(server.currentSnapshot().id()).isEqualTo(A);

            Files.writeString(warehouse.resolve("CURRENT"), B + "\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!server.currentSnapshot().id().equals(B) || server.compactions() < 1) {
                assertThat(System.nanoTime()).as("switched to B and compacted within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        assertThat(scalar(database("server", B), "SELECT incremental_loads FROM " + SnapshotOpener.LINEAGE)).isZero();
        SnapshotDatabases.build(warehouse, B_FLAT, settings("flat"));
        assertSameTables(database("server", B), database("flat", B_FLAT));
    }

    /** Writes {@code target} as {@code flat}'s tables, with update_state, bulletin_state and the open history layered on {@code base}. */
    private void layer(String base, String flat, String target, List<String> changed) throws Exception {
        Path snapshots = warehouse.resolve("snapshots");
        Path to = snapshots.resolve(target);
        copyTree(snapshots.resolve(flat), to);
        writeChangedComputers(target, changed);
        String ids = changedList(changed);
        for (String table : List.of("update_state", "bulletin_state")) {
            Path directory = to.resolve(table);
            deleteTree(directory);
            layeredDirectory(directory, base, "SELECT * FROM read_parquet('" + snapshots.resolve(base).resolve(table) + "/*.parquet')",
                    "SELECT * FROM read_parquet('" + snapshots.resolve(flat).resolve(table) + "/*.parquet') WHERE computer_id IN " + ids, ids);
        }
        Path history = to.resolve("update_state_history");
        deleteTree(history);
        Files.createDirectories(history.resolve("L0-" + target));
        String flatHistory = "read_parquet('" + snapshots.resolve(flat).resolve("update_state_history") + "/*.parquet')";
        String baseHistory = "read_parquet('" + snapshots.resolve(base).resolve("update_state_history") + "/*.parquet')";
        duckdb("COPY (SELECT * FROM " + flatHistory + " WHERE valid_to IS NOT NULL) TO '"
                + history.resolve("L0-" + target).resolve("part-00000.snappy.parquet") + "' (FORMAT parquet)");
        layeredDirectory(history.resolve("open"), base, "SELECT * FROM " + baseHistory + " WHERE valid_to IS NULL",
                "SELECT * FROM " + flatHistory + " WHERE valid_to IS NULL AND computer_id IN " + ids, ids);
    }

    private void layeredDirectory(Path directory, String base, String baseRows, String deltaRows, String replaced) throws Exception {
        for (String part : List.of("base", "delta", "replaced")) {
            Files.createDirectories(directory.resolve(part));
        }
        duckdb("COPY (" + baseRows + ") TO '" + directory.resolve("base").resolve("part-00000.snappy.parquet") + "' (FORMAT parquet)");
        duckdb("COPY (" + deltaRows + ") TO '" + directory.resolve("delta").resolve("part-00000.snappy.parquet") + "' (FORMAT parquet)");
        duckdb("COPY (SELECT unnest(" + replaced.replace('(', '[').replace(')', ']') + ") AS computer_id) TO '"
                + directory.resolve("replaced").resolve("part-00000.snappy.parquet") + "' (FORMAT parquet)");
        Files.writeString(directory.resolve("_SUCCESS"), "");
        Files.writeString(directory.resolve(SnapshotTableSource.LAYERS), "base=" + base + "\n");
    }

    private void writeChangedComputers(String snapshot, List<String> changed) throws Exception {
        Path directory = warehouse.resolve("snapshots").resolve(snapshot).resolve("_changed_computers");
        deleteTree(directory);
        Files.createDirectories(directory);
        duckdb("COPY (SELECT unnest(" + changedList(changed).replace('(', '[').replace(')', ']') + ") AS computer_id) TO '"
                + directory.resolve("part-00000.snappy.parquet") + "' (FORMAT parquet)");
    }

    private void writeManifest(String snapshot, String previous, List<String> changed) throws IOException {
        Path directory = warehouse.resolve("snapshots").resolve(snapshot);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("_SNAPSHOT.json"), """
                {"id": "%s", "published_at": "%s", "data_as_of": "%s", "catalog_version": "v-fixture",
                 "previous_snapshot": %s, "changed_computers": %s}
                """.formatted(snapshot, FixtureWarehouse.PUBLISHED_AT.plusSeconds(3600), B_DATA_AS_OF,
                previous == null ? "null" : '"' + previous + '"', changed == null ? "null" : changed.size()), StandardCharsets.UTF_8);
    }

    private static String changedList(List<String> changed) {
        return "(" + String.join(", ", changed.stream().map(c -> "'" + c + "'").toList()) + ")";
    }

    private WarehouseSettings settings(String cache) {
        return new WarehouseSettings(Duration.ZERO, 2, null, temporary.resolve(cache), false, Clock.systemUTC());
    }

    private Path database(String cache, String snapshot) {
        return SnapshotDatabases.file(snapshot, settings(cache));
    }

    /** Every table of both databases holds the same rows (as multisets), and both have the same tables. */
    private static void assertSameTables(Path actual, Path expected) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("ATTACH '" + actual + "' AS actual (READ_ONLY)");
            st.execute("ATTACH '" + expected + "' AS expected (READ_ONLY)");
            List<String> actualTables = tables(st, "actual");
            List<String> expectedTables = tables(st, "expected");
            // bookkeeping of the cache file, not snapshot data
            actualTables.remove(SnapshotOpener.LINEAGE);
            expectedTables.remove(SnapshotOpener.LINEAGE);
            assertThat(actualTables).isEqualTo(expectedTables).contains("computer_counts", "time_to_patch_days", "sla_totals");
            for (String table : expectedTables) {
                long missing = count(st, "SELECT * FROM expected." + table + " EXCEPT ALL SELECT * FROM actual." + table);
                long extra = count(st, "SELECT * FROM actual." + table + " EXCEPT ALL SELECT * FROM expected." + table);
                assertThat(missing + " rows missing, " + extra + " rows extra").as(table).isEqualTo("0 rows missing, 0 rows extra");
            }
        }
    }

    private static List<String> tables(Statement st, String database) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = '" + database
                + "' AND schema_name = 'main' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(Statement st, String query) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long rowCount(Path database, String table) throws Exception {
        return scalar(database, "SELECT count(*) FROM " + table);
    }

    private static long scalar(Path database, String query) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly()); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        return properties;
    }

    private static void duckdb(String statement) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute(statement);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
