package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.ComplianceQueries.Selection;
import org.patchlake.reports.query.ComplianceRows.BulletinCompliance;
import org.patchlake.reports.query.ComplianceRows.BulletinComputer;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.ComplianceRows.UpdateCompliance;
import org.patchlake.reports.query.Sorts.BulletinSort;
import org.patchlake.reports.query.Sorts.ComputerSort;

class ComplianceQueriesTest {
    private static final Scope EU = Scope.regions("EU");
    @TempDir
    static Path warehouseDirectory;
    static Warehouse warehouse;
    static ComplianceQueries queries;

    @BeforeAll
    static void publishFixture() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        warehouse = FixtureWarehouse.open(warehouseDirectory);
        queries = new ComplianceQueries(new QueryRunner(warehouse));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void compliance_by_bulletin_counts_every_state_for_an_administrator() {
        QueryResult<BulletinCompliance> result = queries.byBulletin(Scope.all(), QueryFilter.none(), BulletinSort.RELEASED_NEWEST);

        assertThat(result.rows()).extracting(BulletinCompliance::bulletinId).containsExactly("KB5000001", "KB5000002", "MS08-067");
        // KB5000001: c1, c2 installed; c3 required; c4 pending reboot; c5 failed; c6 unknown
        assertThat(result.rows().get(0).counts()).isEqualTo(new ComplianceCounts(6, 2, 1, 1, 1, 0, 1));
        assertThat(result.rows().get(0).counts().percent()).hasValue(100.0 * 2 / 5);
        assertThat(result.rows().get(0).counts().strictPercent()).hasValue(100.0 * 2 / 6);
        // KB5000002: c4, c5 installed; c1 required; c3 exempt
        assertThat(result.rows().get(1).counts()).isEqualTo(new ComplianceCounts(4, 2, 0, 1, 0, 1, 0));
        assertThat(result.rows().get(1).counts().denominator()).isEqualTo(3);
        assertThat(result.snapshotId()).isEqualTo("s-20261120123000000");
        assertThat(result.publishedAt()).isEqualTo(FixtureWarehouse.PUBLISHED_AT);
        assertThat(result.parameters()).containsEntry("scope", "all").containsEntry("sort", BulletinSort.RELEASED_NEWEST);
    }

    @Test
    void a_regional_viewer_sees_only_their_region_in_compliance_by_bulletin() {
        QueryResult<BulletinCompliance> result = queries.byBulletin(EU, QueryFilter.none(), BulletinSort.BULLETIN_ID);

        assertThat(result.rows()).extracting(BulletinCompliance::bulletinId).containsExactly("KB5000001", "KB5000002", "MS08-067");
        assertThat(result.rows().get(0).counts()).isEqualTo(new ComplianceCounts(3, 2, 0, 1, 0, 0, 0));
        assertThat(result.rows().get(1).counts()).isEqualTo(new ComplianceCounts(2, 0, 0, 1, 0, 1, 0));
    }

    @Test
    void a_region_filter_cannot_widen_the_scope() {
        QueryResult<BulletinCompliance> result = queries.byBulletin(EU, QueryFilter.none().withRegions("US"), BulletinSort.BULLETIN_ID);

        assertThat(result.rows()).isEmpty();
    }

    @Test
    void a_site_scope_sees_only_that_site() {
        QueryResult<BulletinCompliance> result = queries.byBulletin(Scope.sites("eu-par"), QueryFilter.none(), BulletinSort.BULLETIN_ID);

        assertThat(result.rows()).extracting(r -> r.bulletinId() + ":" + r.counts().applicable())
                .containsExactly("KB5000001:1", "KB5000002:1");
    }

    @Test
    void severity_class_and_release_date_filters_narrow_the_bulletins() {
        QueryFilter critical2026 = QueryFilter.none().withSeverities("Critical").between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(queries.byBulletin(Scope.all(), critical2026, BulletinSort.BULLETIN_ID).rows())
                .extracting(BulletinCompliance::bulletinId).containsExactly("KB5000001");

        QueryResult<BulletinCompliance> workstations = queries.byBulletin(Scope.all(), QueryFilter.none().withComputerClasses("workstation"), BulletinSort.BULLETIN_ID);
        // workstations: c1 (EU), c4 and c6 (US)
        assertThat(workstations.rows().get(0).counts()).isEqualTo(new ComplianceCounts(3, 1, 1, 0, 0, 0, 1));
    }

    @Test
    void drill_down_lists_the_vulnerable_computers_of_a_bulletin_within_scope() {
        QueryResult<BulletinComputer> all = queries.bulletinComputers(Scope.all(), "KB5000001", Selection.VULNERABLE, QueryFilter.none(), Page.first(100));
        assertThat(all.rows()).extracting(BulletinComputer::computerId).containsExactly("c3", "c5", "c4"); // region, site, hostname: us-bcs-01 before us-ws-01

        QueryResult<BulletinComputer> eu = queries.bulletinComputers(EU, "KB5000001", Selection.APPLICABLE, QueryFilter.none(), Page.first(100));
        assertThat(eu.rows()).extracting(BulletinComputer::computerId).containsExactly("c2", "c1", "c3"); // eu-srv-01 before eu-ws-01
        assertThat(eu.rows().get(1).compliantAt()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));

        QueryResult<BulletinComputer> installed = queries.bulletinComputers(Scope.regions("US"), "KB5000001", Selection.INSTALLED, QueryFilter.none(), Page.first(100));
        assertThat(installed.rows()).isEmpty();
    }

    @Test
    void compliance_by_computer_counts_bulletins_per_computer_and_pages() {
        QueryResult<ComplianceRows.ComputerCompliance> result = queries.byComputer(Scope.all(), QueryFilter.none(), ComputerSort.MOST_VULNERABLE, Page.first(2));

        // vulnerable: c1 1 (KB5000002 required), c3 1, c4 1, c5 1, c2 0, c6 0 -> ties by hostname: eu-nb-01 (c3), eu-ws-01 (c1)
        assertThat(result.rows()).extracting(ComplianceRows.ComputerCompliance::computerId).containsExactly("c3", "c1");
        assertThat(result.rows().get(0).counts()).isEqualTo(new ComplianceCounts(2, 0, 0, 1, 0, 1, 0));
        assertThat(result.rows().get(1).lastInventoryAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));

        QueryResult<ComplianceRows.ComputerCompliance> us = queries.byComputer(Scope.regions("US"), QueryFilter.none(), ComputerSort.HOSTNAME, Page.first(100));
        assertThat(us.rows()).extracting(ComplianceRows.ComputerCompliance::computerId).containsExactly("c5", "c4", "c6");
    }

    @Test
    void compliance_by_computer_lists_what_to_install_for_the_bulletins_counted() {
        java.util.Map<String, List<String>> all = new java.util.TreeMap<>();
        queries.byComputer(Scope.all(), QueryFilter.none(), ComputerSort.HOSTNAME, Page.first(100)).rows()
                .forEach(row -> all.put(row.computerId(), row.installKbs()));
        assertThat(all).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("c1", List.of("KB5000002"), "c2", List.of(),
                "c3", List.of("KB5000001"), "c4", List.of(), "c5", List.of("KB5000001"), "c6", List.of()));
        // Critical only: c1's KB5000002 (Important) is not among what to install, though c1 has a Critical bulletin
        ComplianceRows.ComputerCompliance c1 = queries.byComputer(Scope.all(), QueryFilter.none().withSeverities("Critical"),
                ComputerSort.HOSTNAME, Page.first(100)).rows().stream().filter(row -> row.computerId().equals("c1")).findFirst().orElseThrow();
        assertThat(c1.installKbs()).isEmpty();
        assertThat(c1.toInstallCount()).isZero();
        ComplianceRows.ComputerCompliance important = queries.byComputer(Scope.all(), QueryFilter.none().withSeverities("Important"),
                ComputerSort.HOSTNAME, Page.first(100)).rows().stream().filter(row -> row.computerId().equals("c1")).findFirst().orElseThrow();
        assertThat(important.toInstall()).isEqualTo("KB5000002");
    }

    @Test
    void compliance_by_computer_gives_the_same_rows_from_its_summaries_as_from_every_bulletin_state() {
        // no date filter: per-computer totals; severity filter: per computer x severity; a date filter (here one
        // that excludes nothing) makes the query read every computer x bulletin state
        QueryFilter everyRelease = QueryFilter.none().between(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 1, 1));
        for (Scope scope : List.of(Scope.all(), EU, Scope.sites("us-nyc"))) {
            for (ComputerSort sort : ComputerSort.values()) {
                assertThat(queries.byComputer(scope, QueryFilter.none(), sort, Page.first(100)).rows())
                        .isNotEmpty()
                        .isEqualTo(queries.byComputer(scope, everyRelease, sort, Page.first(100)).rows());
                assertThat(queries.byComputer(scope, QueryFilter.none().withSeverities("Critical"), sort, Page.first(100)).rows())
                        .isEqualTo(queries.byComputer(scope, everyRelease.withSeverities("Critical"), sort, Page.first(100)).rows());
            }
        }
        assertThat(queries.byComputer(Scope.all(), QueryFilter.none().withSeverities("Important"), ComputerSort.HOSTNAME, Page.first(100)).rows())
                .isNotEqualTo(queries.byComputer(Scope.all(), QueryFilter.none(), ComputerSort.HOSTNAME, Page.first(100)).rows());
    }

    @Test
    void compliance_by_update_counts_computers_per_kb_and_product() {
        QueryResult<UpdateCompliance> result = queries.byUpdate(Scope.all(), QueryFilter.none(), "KB5000001");

        assertThat(result.rows()).extracting(UpdateCompliance::product)
                .containsExactly("Windows 11 Version 23H2 for x64-based Systems", "Windows Server 2022");
        assertThat(result.rows().get(0).counts()).isEqualTo(new ComplianceCounts(4, 1, 1, 1, 0, 0, 1));
        assertThat(result.rows().get(1).counts()).isEqualTo(new ComplianceCounts(2, 1, 0, 0, 1, 0, 0));
    }

    @Test
    void compliance_as_of_a_past_day_comes_from_compliance_daily() {
        QueryResult<BulletinCompliance> result = queries.byBulletinAsOf(EU, QueryFilter.none(), LocalDate.of(2026, 11, 5));

        assertThat(result.rows()).extracting(BulletinCompliance::bulletinId).containsExactly("KB5000001", "KB5000002");
        assertThat(result.rows().get(0).counts()).isEqualTo(new ComplianceCounts(3, 1, 0, 2, 0, 0, 0));
        assertThat(result.parameters()).containsEntry("asOfDay", LocalDate.of(2026, 11, 5));
    }

    @Test
    void compliance_at_an_instant_from_history_agrees_with_the_daily_table() {
        QueryResult<GroupCompliance> result = queries.bulletinAt(Scope.all(), "KB5000001", Instant.parse("2026-11-05T23:59:59Z"), QueryFilter.none());

        assertThat(result.rows()).extracting(GroupCompliance::group).containsExactly("EU", "US");
        assertThat(result.rows().get(0).counts()).isEqualTo(new ComplianceCounts(3, 1, 0, 2, 0, 0, 0));
        assertThat(result.rows().get(1).counts()).isEqualTo(new ComplianceCounts(3, 0, 0, 2, 0, 0, 1));
    }

    @Test
    void history_counts_a_regression_as_required_again() {
        // c4 installed KB5000002 on 10-06, regressed on 10-15, reinstalled 10-16
        QueryResult<GroupCompliance> during = queries.bulletinAt(Scope.regions("US"), "KB5000002", Instant.parse("2026-10-15T12:00:00Z"), QueryFilter.none());
        assertThat(during.single().counts()).isEqualTo(new ComplianceCounts(2, 0, 0, 2, 0, 0, 0));
        QueryResult<GroupCompliance> before = queries.bulletinAt(Scope.regions("US"), "KB5000002", Instant.parse("2026-10-10T00:00:00Z"), QueryFilter.none());
        assertThat(before.single().counts()).isEqualTo(new ComplianceCounts(2, 1, 0, 1, 0, 0, 0));
    }

    @Test
    void the_trend_sums_every_bulletin_per_day() {
        var trend = queries.trend(Scope.all(), QueryFilter.none(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

        assertThat(trend.rows()).extracting(ComplianceRows.DailyCompliance::day)
                .containsExactly(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 10));
        assertThat(trend.rows().get(0).counts()).isEqualTo(new ComplianceCounts(10, 3, 0, 5, 0, 1, 1));
        assertThat(trend.rows().get(1).counts()).isEqualTo(new ComplianceCounts(10, 4, 1, 2, 1, 1, 1));
    }

    @Test
    void an_unknown_bulletin_drill_down_is_empty_not_an_error() {
        assertThat(queries.bulletinComputers(Scope.all(), "KB0000000", Selection.APPLICABLE, QueryFilter.none(), Page.first(10)).rows()).isEmpty();
        assertThatThrownBy(() -> new Page(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
