package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.sla.BusinessCalendar;

/** A snapshot written before a contract column or table existed still loads: the column reads as null, the table as empty. */
class OlderSnapshotTest {
    @TempDir
    Path warehouse;

    @Test
    void a_missing_column_reads_as_null_and_a_missing_table_as_empty() throws Exception {
        String name = FixtureWarehouse.publish(warehouse, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        Path snapshot = warehouse.resolve("snapshots").resolve(name);
        Path computers = snapshot.resolve("computers").resolve("part-00000-fixture.snappy.parquet");
        Path older = snapshot.resolve("older.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * EXCLUDE (os_unresolved_reason) FROM '" + computers + "') TO '" + older + "' (FORMAT parquet)");
        }
        Files.move(older, computers, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (String table : new String[] {"windows_update_searches", "windows_update_missing"}) {
            try (Stream<Path> files = Files.walk(snapshot.resolve(table))) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }

        try (QueryLayer layer = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()))) {
            assertThat(layer.fleet().agentHealth(Scope.all(), QueryFilter.none(), 7).single().osUnresolved()).isZero();
            assertThat(layer.fleet().agentHealth(Scope.all(), QueryFilter.none(), 7).single().computers()).isEqualTo(6);
            assertThat(layer.detection().totals(Scope.all(), QueryFilter.none()).single().searched()).isZero();
        }
    }

    @Test
    void a_snapshot_without_install_plans_lists_nothing_to_install_and_remediation_installs_each_required_update_itself()
            throws Exception {
        // c5 also needs the superseded KB958644; an older snapshot has no plan naming KB5000001 for it
        String name = FixtureWarehouse.publish(warehouse, "s-20261120123000000", """
                ALTER TABLE update_state DROP COLUMN install_kb;
                ALTER TABLE computers DROP COLUMN install_kbs;
                INSERT INTO update_state VALUES ('c5','KB958644|Windows Server 2022','KB958644','MS08-067','Windows Server 2022',
                 'REQUIRED','2008-12-01 00:00','2008-12-01 00:00',NULL,NULL,0,'US','us-nyc','business_critical_server',1);
                """, FixtureWarehouse.PUBLISHED_AT);
        assertThat(warehouse.resolve("snapshots").resolve(name).resolve("update_state")).isDirectory();
        try (QueryLayer layer = new QueryLayer(FixtureWarehouse.open(warehouse), BusinessCalendar.saturdaySunday(Set.of()))) {
            ComputerRows.InstallPlan plan = layer.computers().installPlan(Scope.all(), "c5").single();
            assertThat(plan.planned()).isFalse();
            assertThat(plan.installs()).isEmpty();
            assertThat(layer.compliance().byComputer(Scope.all(), QueryFilter.none(), Sorts.ComputerSort.HOSTNAME, Page.first(100)).rows())
                    .allSatisfy(row -> assertThat(row.installKbs()).isEmpty());
            assertThat(new org.patchlake.reports.remediation.RemediationQueries(layer.runner())
                    .targets(Scope.all(), QueryFilter.none(), null, "c5").rows())
                    .extracting(pair -> pair.requiredKb() + " -> " + pair.installKb())
                    .containsExactlyInAnyOrder("KB5000001 -> KB5000001", "KB958644 -> KB958644");
        }
    }
}
