package org.patchlake.reports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.DetectionQueries.ComputerRow;
import org.patchlake.reports.query.DetectionQueries.Difference;
import org.patchlake.reports.query.DetectionQueries.RegionRow;
import org.patchlake.reports.query.DetectionQueries.Totals;
import org.patchlake.reports.sla.BusinessCalendar;

/** Report 13 on the fixture warehouse (its Windows Update verdicts are described in fixture_warehouse.sql). */
class DetectionQueriesTest {
    @TempDir
    Path warehouseDirectory;

    private QueryLayer publish(String extraSql) throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, "s-20261120123000000", extraSql, FixtureWarehouse.PUBLISHED_AT);
        return new QueryLayer(FixtureWarehouse.open(warehouseDirectory), BusinessCalendar.saturdaySunday(Set.of()));
    }

    @Test
    void a_required_update_windows_update_neither_lists_nor_covers_is_patchlake_only() throws Exception {
        String extra = """
                INSERT INTO update_state VALUES ('c5','KB958644|Windows Server 2022','KB958644','MS08-067','Windows Server 2022',
                 'REQUIRED','2008-12-01 00:00','2008-12-01 00:00',NULL,NULL,0,'US','us-nyc','business_critical_server',1,'KB5000001');
                """;
        try (QueryLayer layer = publish(extra)) {
            assertThat(layer.detection().computer(Scope.all(), "c5").single().kbs()).extracting(Difference::kb, Difference::agreement)
                    .containsExactly(tuple("KB958644", "PATCHLAKE_ONLY"), tuple("KB5000001", "BOTH"));
        }
    }

    @Test
    void totals_count_searches_and_the_pairs_each_side_calls_missing() throws Exception {
        try (QueryLayer layer = publish(null)) {
            assertThat(layer.detection().totals(Scope.all(), QueryFilter.none()).single())
                    .isEqualTo(new Totals(6, 5, 4, 1, 2, 2, 1, 1));
            assertThat(layer.detection().totals(Scope.all(), QueryFilter.none()).single().notSearched()).isEqualTo(1);
            assertThat(layer.detection().totals(Scope.regions("US"), QueryFilter.none()).single())
                    .isEqualTo(new Totals(3, 2, 1, 1, 0, 1, 0, 0));
            assertThat(layer.detection().regions(Scope.all(), QueryFilter.none()).rows()).containsExactly(
                    new RegionRow("EU", 3, 0, 2, 1, 1, 1), new RegionRow("US", 1, 1, 0, 1, 0, 0));
        }
    }

    @Test
    void computers_in_disagreement_come_largest_first_within_the_scope() throws Exception {
        try (QueryLayer layer = publish(null)) {
            assertThat(layer.detection().computers(Scope.all(), QueryFilter.none(), Page.first(10)).rows())
                    .extracting(ComputerRow::computerId, ComputerRow::bothMissing, ComputerRow::windowsUpdateOnly,
                            ComputerRow::patchlakeOnly)
                    .containsExactly(tuple("c1", 1L, 1L, 0L), tuple("c3", 0L, 0L, 1L));
            assertThat(layer.detection().computers(Scope.regions("US"), QueryFilter.none(), Page.first(10)).rows()).isEmpty();
            assertThat(layer.detection().computers(Scope.all(), QueryFilter.none().withComputerClasses("notebook"), Page.first(10))
                    .rows()).extracting(ComputerRow::computerId).containsExactly("c3");
        }
    }

    @Test
    void the_drill_down_gives_each_sides_verdict_differences_first() throws Exception {
        try (QueryLayer layer = publish(null)) {
            DetectionQueries.ComputerComparison c1 = layer.detection().computer(Scope.all(), "c1").single();
            assertThat(c1.hostname()).isEqualTo("eu-ws-01");
            assertThat(c1.searchStatus()).isEqualTo("COMPLETED");
            assertThat(c1.kbs()).containsExactly(
                    new Difference("KB5099999", "2026-11 Security Update for Microsoft Visual C++ (KB5099999)", "Important",
                            "MISSING", "NOT_IN_CATALOG", "WINDOWS_UPDATE_ONLY"),
                    new Difference("KB5000002", "2026-10 Security Update for Windows 11 (KB5000002)", "Important", "MISSING",
                            "REQUIRED", "BOTH"));
            assertThat(layer.detection().computer(Scope.all(), "c3").single().kbs()).containsExactly(
                    new Difference("KB5000001", "2026-11 Cumulative Update", "Critical", "NOT_LISTED", "REQUIRED", "PATCHLAKE_ONLY"));
            DetectionQueries.ComputerComparison failed = layer.detection().computer(Scope.all(), "c4").single();
            assertThat(failed.searchStatus()).isEqualTo("FAILED");
            assertThat(failed.searchErrorCode()).isEqualTo("0x8024402C");
            assertThat(failed.kbs()).isEmpty();
            assertThat(layer.detection().computer(Scope.all(), "c6").single().searchStatus()).isNull();
            assertThatThrownBy(() -> layer.detection().computer(Scope.regions("US"), "c1")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> layer.detection().computer(Scope.all(), "nope")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void an_update_covered_by_one_windows_update_lists_is_agreement_and_later_releases_are_not_compared()
            throws Exception {
        // c5 also needs the superseded KB958644, which KB5000001 (listed) covers by the ETL's derivation; c3's search ran
        // before KB5000001 was released, so Windows Update could not have listed it
        String extra = """
                INSERT INTO update_state VALUES ('c5','KB958644|Windows Server 2022','KB958644','MS08-067','Windows Server 2022',
                 'REQUIRED','2008-12-01 00:00','2008-12-01 00:00',NULL,NULL,0,'US','us-nyc','business_critical_server',1,'KB5000001');
                UPDATE windows_update_searches SET covered_update_ids = ['KB958644|Windows Server 2022'] WHERE computer_id = 'c5';
                UPDATE windows_update_searches SET searched_at = '2026-11-01 07:59' WHERE computer_id = 'c3';
                """;
        try (QueryLayer layer = publish(extra)) {
            assertThat(layer.detection().computer(Scope.all(), "c5").single().kbs()).containsExactly(
                    new Difference("KB5000001", "2026-11 Cumulative Update for Windows Server 2022 (KB5000001)", "Critical",
                            "MISSING", "FAILED", "BOTH"),
                    new Difference("KB958644", "Vulnerability in Server Service", "Critical", "COVERED", "REQUIRED", "BOTH"));
            assertThat(layer.detection().computer(Scope.all(), "c3").single().kbs()).isEmpty();
        }
    }
}
