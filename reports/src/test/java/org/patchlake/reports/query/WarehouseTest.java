package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.Sorts.BulletinSort;

class WarehouseTest {
    private static final String FIRST = "s-20261120123000000";
    private static final String SECOND = "s-20261120160000000";
    private static final String C3_PATCHED = "UPDATE bulletin_state SET state = 'INSTALLED', compliant_at = TIMESTAMP '2026-11-20 10:00' "
            + "WHERE computer_id = 'c3' AND bulletin_id = 'KB5000001'";

    @TempDir
    Path warehouseDirectory;

    private static long installed(SnapshotLease lease) throws Exception {
        try (Statement st = lease.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count_if(state = 'INSTALLED') FROM bulletin_state WHERE bulletin_id = 'KB5000001'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_new_snapshot_is_picked_up_while_a_query_on_the_old_one_finishes_on_the_old_one() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, FIRST, null, FixtureWarehouse.PUBLISHED_AT);
        try (Warehouse warehouse = FixtureWarehouse.open(warehouseDirectory)) {
            ComplianceQueries queries = new ComplianceQueries(new QueryRunner(warehouse));
            SnapshotLease inFlight = warehouse.lease();
            assertThat(inFlight.snapshot().id()).isEqualTo(FIRST);

            Instant secondPublished = Instant.parse("2026-11-20T16:00:00Z");
            FixtureWarehouse.publish(warehouseDirectory, SECOND, C3_PATCHED, secondPublished);
            QueryResult<BulletinCompliance> after = queries.byBulletin(Scope.all(), QueryFilter.none(), BulletinSort.RELEASED_NEWEST);

            assertThat(after.snapshotId()).isEqualTo(SECOND);
            assertThat(after.publishedAt()).isEqualTo(secondPublished);
            assertThat(after.rows().get(0).counts().installed()).isEqualTo(3);
            // the query that started before the switch still reads the first snapshot, to the end
            assertThat(installed(inFlight)).isEqualTo(2);
            inFlight.close();
            assertThat(warehouse.currentSnapshot().id()).isEqualTo(SECOND);
        }
    }

    @Test
    void queries_running_on_other_threads_during_a_switch_all_complete() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, FIRST, null, FixtureWarehouse.PUBLISHED_AT);
        try (Warehouse warehouse = FixtureWarehouse.open(warehouseDirectory)) {
            ComplianceQueries queries = new ComplianceQueries(new QueryRunner(warehouse));
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Long> readers = CompletableFuture.supplyAsync(() -> {
                long snapshotsSeen = 0;
                String last = null;
                for (int i = 0; i < 30; i++) {
                    QueryResult<BulletinCompliance> r = queries.byBulletin(Scope.all(), QueryFilter.none(), BulletinSort.BULLETIN_ID);
                    long expected = r.snapshotId().equals(FIRST) ? 2 : 3;
                    assertThat(r.rows().get(0).counts().installed()).isEqualTo(expected);
                    if (!r.snapshotId().equals(last)) {
                        snapshotsSeen++;
                        last = r.snapshotId();
                    }
                    started.countDown();
                }
                return snapshotsSeen;
            });
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            FixtureWarehouse.publish(warehouseDirectory, SECOND, C3_PATCHED, Instant.parse("2026-11-20T16:00:00Z"));
            assertThat(readers.get(60, TimeUnit.SECONDS)).isBetween(1L, 2L);
            assertThat(warehouse.currentSnapshot().id()).isEqualTo(SECOND);
        }
    }

    @Test
    void with_a_cache_directory_a_new_snapshot_loads_in_the_background_and_its_database_file_is_reused() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, FIRST, null, FixtureWarehouse.PUBLISHED_AT);
        Path cache = warehouseDirectory.resolveSibling(warehouseDirectory.getFileName() + "-query-cache");
        WarehouseSettings settings = new WarehouseSettings(Duration.ZERO, 2, "1GB", cache, true, Clock.systemUTC());
        try (Warehouse warehouse = new Warehouse(warehouseDirectory, settings)) {
            assertThat(warehouse.currentSnapshot().id()).isEqualTo(FIRST);
            // left by a process that crashed while building a database two hours ago: deleted at the next switch
            Path abandoned = Files.writeString(cache.resolve("s-20261119000000000-0123456789ab.duckdb.5f1e.building"), "half a database");
            Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

            FixtureWarehouse.publish(warehouseDirectory, SECOND, C3_PATCHED, Instant.parse("2026-11-20T16:00:00Z"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!warehouse.currentSnapshot().id().equals(SECOND)) {
                assertThat(System.nanoTime()).as("switched to the second snapshot within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            try (SnapshotLease lease = warehouse.lease()) {
                assertThat(installed(lease)).isEqualTo(3);
            }
        }
        Path file;
        try (Stream<Path> files = Files.list(cache)) {
            file = files.filter(f -> f.getFileName().toString().startsWith(SECOND)).findFirst().orElseThrow();
        }
        FileTime built = Files.getLastModifiedTime(file);
        try (Warehouse reopened = new Warehouse(warehouseDirectory, settings); SnapshotLease lease = reopened.lease()) {
            assertThat(lease.snapshot().id()).isEqualTo(SECOND);
            assertThat(installed(lease)).isEqualTo(3);
        }
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(built);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the first snapshot's database and the abandoned build are deleted").containsExactly(file.getFileName().toString());
        }
        try (Stream<Path> files = Files.walk(cache)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void a_warehouse_without_a_published_snapshot_says_so() {
        try (Warehouse warehouse = FixtureWarehouse.open(warehouseDirectory)) {
            assertThatThrownBy(warehouse::lease).isInstanceOf(QueryException.class).hasMessageContaining("no published snapshot");
        }
    }

    @Test
    void a_table_missing_from_the_snapshot_reads_as_empty() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, FIRST, null, FixtureWarehouse.PUBLISHED_AT);
        Path exceptions = warehouseDirectory.resolve("snapshots").resolve(FIRST).resolve("exceptions");
        try (Stream<Path> files = Files.walk(exceptions)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Warehouse warehouse = FixtureWarehouse.open(warehouseDirectory)) {
            CatalogQueries catalog = new CatalogQueries(new QueryRunner(warehouse));
            assertThat(catalog.exceptions(Scope.all(), QueryFilter.none(), 14).rows()).isEmpty();
        }
    }

    @Test
    void a_corrupt_current_pointer_names_the_file() throws Exception {
        Files.writeString(warehouseDirectory.resolve("CURRENT"), "../../etc\n");
        try (Warehouse warehouse = FixtureWarehouse.open(warehouseDirectory)) {
            assertThatThrownBy(warehouse::lease).isInstanceOf(QueryException.class).hasMessageContaining("CURRENT").hasMessageContaining("../../etc");
        }
    }
}
