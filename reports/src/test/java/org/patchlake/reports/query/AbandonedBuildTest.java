package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed while it loaded a snapshot leaves a half-built database ({@code .building} and its WAL) in the query
 * cache. The next warehouse to open over that cache deletes it at once, unless the process that builds it still runs.
 */
class AbandonedBuildTest {
    private static final String SNAPSHOT = "s-20261120123000000";

    @TempDir
    Path directory;

    @Test
    void a_database_left_half_built_by_a_killed_process_is_deleted_when_the_warehouse_opens_and_one_still_building_is_not() throws Exception {
        Path warehouse = directory.resolve("warehouse");
        FixtureWarehouse.publish(warehouse, SNAPSHOT, null, FixtureWarehouse.PUBLISHED_AT);
        Path cache = directory.resolve("warehouse-query-cache");
        Files.createDirectories(cache);
        long killed = exitedProcess();
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        String prefix = SNAPSHOT + "-0123456789ab.duckdb.";
        Path killedBuild = Files.writeString(cache.resolve(prefix + killed + "-5f1e2d3c.building"), "half a database");
        Path killedWal = Files.writeString(cache.resolve(prefix + killed + "-5f1e2d3c.building.wal"), "its log");
        Path ownOldBuild = Files.writeString(cache.resolve(prefix + ProcessHandle.current().pid() + "-77aa.building"), "a previous process with our id");
        Path stillBuilding = Files.writeString(cache.resolve(prefix + running + "-0b0b.building"), "being built");

        WarehouseSettings settings = new WarehouseSettings(Duration.ZERO, 2, "1GB", cache, true, Clock.systemUTC());
        try (Warehouse reopened = new Warehouse(warehouse, settings); SnapshotLease lease = reopened.lease()) {
            assertThat(lease.snapshot().id()).isEqualTo(SNAPSHOT);
        }
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> left = files.toList();
            assertThat(left).doesNotContain(killedBuild, killedWal, ownOldBuild).contains(stillBuilding);
            assertThat(left).as("the snapshot's own database, built and kept").anyMatch(file -> file.getFileName().toString()
                    .startsWith(SNAPSHOT) && file.getFileName().toString().endsWith(".duckdb"));
        }
    }

    /** The id of a process that has ended. */
    private static long exitedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
