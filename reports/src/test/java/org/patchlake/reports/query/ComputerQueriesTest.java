package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.ComputerRows.ComputerDetail;
import org.patchlake.reports.query.ComputerRows.DeliveryAttempt;
import org.patchlake.reports.query.ComputerRows.HistoryEntry;

class ComputerQueriesTest {
    @TempDir
    static Path warehouseDirectory;
    static Warehouse warehouse;
    static ComputerQueries queries;

    @BeforeAll
    static void publishFixture() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        warehouse = FixtureWarehouse.open(warehouseDirectory);
        queries = new ComputerQueries(new QueryRunner(warehouse));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void what_to_install_lists_the_planned_updates_with_release_date_fixes_and_products() {
        ComputerRows.InstallPlan c3 = queries.installPlan(Scope.all(), "c3").single();
        assertThat(c3.planned()).isTrue();
        assertThat(c3.installs()).containsExactly(new ComputerRows.PlannedInstall("KB5000001", java.time.LocalDate.of(2026, 11, 2), 1,
                java.util.List.of("Windows 11 Version 23H2 for x64-based Systems")));
        assertThat(c3.summary()).isEqualTo("install KB5000001 to fix this 1");
        ComputerRows.InstallPlan c2 = queries.installPlan(Scope.all(), "c2").single();
        assertThat(c2.planned()).isTrue();
        assertThat(c2.installs()).isEmpty();
        assertThat(c2.summary()).isEqualTo("nothing to install");
        // each required or failed update names the planned update that fixes it
        assertThat(queries.updates(Scope.all(), "c5", ComputerQueries.NOT_COMPLIANT).rows())
                .extracting(ComputerRows.ComputerUpdate::kb, ComputerRows.ComputerUpdate::installKb)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KB5000001", "KB5000001"));
        assertThatThrownBy(() -> queries.installPlan(Scope.regions("US"), "c3")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_plan_summary_uses_the_words_of_evaluate() {
        ComputerRows.PlannedInstall first = new ComputerRows.PlannedInstall("KB5094127", null, 30, java.util.List.of());
        ComputerRows.PlannedInstall second = new ComputerRows.PlannedInstall("KB5093998", null, 5, java.util.List.of());
        ComputerRows.PlannedInstall third = new ComputerRows.PlannedInstall("KB5093000", null, 2, java.util.List.of());
        assertThat(new ComputerRows.InstallPlan("c", true, java.util.List.of(first, second)).summary())
                .isEqualTo("install KB5094127 and KB5093998 to fix these 35");
        assertThat(new ComputerRows.InstallPlan("c", true, java.util.List.of(first, second, third)).summary())
                .isEqualTo("install KB5094127, KB5093998 and KB5093000 to fix these 37");
    }

    @Test
    void one_computer_shows_its_bulletin_counts_last_scan_and_pending_reboot() {
        ComputerDetail c1 = queries.computer(Scope.all(), "c1").single();
        assertThat(c1.hostname()).isEqualTo("eu-ws-01");
        // written by the fixture as a UTC-adjusted timestamp, read back as the same instant
        assertThat(c1.lastInventoryAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(c1.lastScanAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(c1.lastScanDurationMs()).isEqualTo(4000L);
        assertThat(c1.bulletins()).isEqualTo(new ComplianceCounts(2, 1, 0, 1, 0, 0, 0));

        ComputerDetail c4 = queries.computer(Scope.regions("US"), "c4").single();
        assertThat(c4.pendingReboot()).isTrue();
        assertThat(c4.pendingRebootSince()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(c4.lastScanAt()).isNull();
        assertThat(c4.bulletins()).isEqualTo(new ComplianceCounts(2, 1, 1, 0, 0, 0, 0));
    }

    @Test
    void a_regional_viewer_cannot_open_another_regions_computer_by_id() {
        Scope eu = Scope.regions("EU");
        assertThatThrownBy(() -> queries.computer(eu, "c4")).isInstanceOf(NotFoundException.class).hasMessageContaining("c4");
        assertThatThrownBy(() -> queries.updates(eu, "c4", ComputerQueries.ALL_STATES)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.history(eu, "c4", Page.first(10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.deliveries(eu, "c5", Page.first(10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.computer(Scope.all(), "c-missing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void required_updates_of_a_computer_and_an_empty_list_for_a_compliant_one() {
        assertThat(queries.updates(Scope.all(), "c1", ComputerQueries.NOT_COMPLIANT).rows())
                .extracting(u -> u.kb() + " " + u.state()).containsExactly("KB5000002 REQUIRED");
        assertThat(queries.updates(Scope.all(), "c2", ComputerQueries.NOT_COMPLIANT).rows()).isEmpty();
        assertThat(queries.updates(Scope.all(), "c2", ComputerQueries.ALL_STATES).rows())
                .extracting(ComputerRows.ComputerUpdate::kb).containsExactly("KB958644", "KB5000001"); // both Critical: oldest first
    }

    @Test
    void install_history_is_newest_first_and_flags_the_regression() {
        var history = queries.history(Scope.all(), "c4", Page.first(50)).rows();

        assertThat(history).hasSize(6);
        assertThat(history.get(0).validFrom()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(history.get(0).state()).isEqualTo("INSTALLED_PENDING_REBOOT");
        assertThat(queries.history(Scope.all(), "c4", new Page(10, 6)).rows()).isEmpty();
        assertThat(queries.history(Scope.all(), "c4", new Page(2, 1)).rows()).hasSize(2);
        assertThat(history).filteredOn(HistoryEntry::regression).extracting(HistoryEntry::validFrom)
                .containsExactly(Instant.parse("2026-10-15T00:00:00Z"));
    }

    @Test
    void delivery_attempts_of_a_computer_are_newest_first() {
        assertThat(queries.deliveries(Scope.all(), "c5", Page.first(50)).rows()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "failed"), org.assertj.core.groups.Tuple.tuple(2L, "failed_will_retry"),
                        org.assertj.core.groups.Tuple.tuple(1L, "failed_will_retry"), org.assertj.core.groups.Tuple.tuple(1L, "succeeded"));
        assertThat(queries.deliveries(Scope.all(), "c2", Page.first(50)).rows()).isEmpty();
    }
}
