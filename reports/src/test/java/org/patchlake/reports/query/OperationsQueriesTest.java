package org.patchlake.reports.query;

import org.patchlake.core.state.ComplianceCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.reports.query.CatalogQueries.ExceptionRow;
import org.patchlake.reports.query.CatalogQueries.ExceptionStatus;
import org.patchlake.reports.query.ComplianceRows.GroupCompliance;
import org.patchlake.reports.query.DeliveryQueries.PendingReboot;
import org.patchlake.reports.query.DeliveryQueries.PolicyDelivery;
import org.patchlake.reports.query.DeliveryQueries.ReturnCodeCount;
import org.patchlake.reports.query.FleetQueries.AgentComputer;
import org.patchlake.reports.query.FleetQueries.AgentVersion;
import org.patchlake.reports.query.FleetQueries.VulnerabilityCount;
import org.patchlake.reports.sla.BusinessCalendar;

/** Reports 5 to 11 on the fixture warehouse (data as of 2026-11-20 12:00). */
class OperationsQueriesTest {
    private static final Scope EU = Scope.regions("EU");
    @TempDir
    static Path warehouseDirectory;
    static QueryLayer layer;

    @BeforeAll
    static void publishFixture() throws Exception {
        FixtureWarehouse.publish(warehouseDirectory, "s-20261120123000000", null, FixtureWarehouse.PUBLISHED_AT);
        layer = new QueryLayer(FixtureWarehouse.open(warehouseDirectory), BusinessCalendar.saturdaySunday(Set.of()));
    }

    @AfterAll
    static void close() {
        layer.close();
    }

    @Test
    void delivery_summary_counts_targets_by_their_latest_attempt_in_the_last_30_days() {
        QueryResult<PolicyDelivery> result = layer.deliveries().byPolicy(Scope.all(), QueryFilter.none(), null, null);

        assertThat(result.rows()).containsExactly(
                new PolicyDelivery("P-1", "Roll out KB5000001", 6, 4, 4, 2, 1, 1, 1),
                new PolicyDelivery("P-2", "Roll out KB5000002", 1, 1, 1, 0, 0, 0, 1));
        assertThat(result.parameters()).containsEntry("from", Instant.parse("2026-10-21T12:00:00Z"))
                .containsEntry("to", Instant.parse("2026-11-20T12:00:00Z"));

        assertThat(layer.deliveries().byPolicy(EU, QueryFilter.none(), null, null).rows()).containsExactly(
                new PolicyDelivery("P-1", "Roll out KB5000001", 2, 2, 2, 1, 0, 0, 1),
                new PolicyDelivery("P-2", "Roll out KB5000002", 1, 1, 1, 0, 0, 0, 1));
    }

    @Test
    void failures_by_return_code_carry_their_meaning_even_when_etl_left_it_empty() {
        List<ReturnCodeCount> codes = layer.deliveries().returnCodes(Scope.all(), QueryFilter.none(), null, null, null).rows();

        assertThat(codes).extracting(ReturnCodeCount::hex, ReturnCodeCount::attempts, ReturnCodeCount::computers, ReturnCodeCount::failedAttempts)
                .containsExactly(tuple("0x00000643", 3L, 1L, 3L), tuple("0x00000000", 1L, 1L, 0L), tuple("0x00000BC2", 1L, 1L, 0L),
                        tuple("0x80240017", 1L, 1L, 1L), tuple(null, 1L, 1L, 0L));
        assertThat(codes.get(3).meaning()).startsWith("WU_E_NOT_APPLICABLE");
        assertThat(codes.get(4).meaning()).isEqualTo("no return code (not attempted)");

        List<ReturnCodeCount> sinceOctober = layer.deliveries().returnCodes(Scope.all(), QueryFilter.none(),
                Instant.parse("2026-10-01T00:00:00Z"), null, "P-2").rows();
        assertThat(sinceOctober).extracting(ReturnCodeCount::returnCode, ReturnCodeCount::attempts)
                .containsExactly(tuple(0L, 1L), tuple(null, 1L));
    }

    @Test
    void reboot_status_lists_pending_computers_longest_first_with_hours_pending() {
        List<PendingReboot> reboots = layer.deliveries().pendingReboots(Scope.all(), QueryFilter.none(), Page.first(10)).rows();

        assertThat(reboots).extracting(PendingReboot::computerId, PendingReboot::hoursPending, PendingReboot::updatesPendingReboot)
                .containsExactly(tuple("c4", 252.0, 1L), tuple("c2", 6.0, 0L));
        assertThat(layer.deliveries().pendingReboots(EU, QueryFilter.none(), Page.first(10)).rows())
                .extracting(PendingReboot::computerId).containsExactly("c2");
    }

    @Test
    void reboot_count_counts_every_pending_computer_in_scope_not_only_one_page() {
        assertThat(layer.deliveries().pendingReboots(Scope.all(), QueryFilter.none(), Page.first(1)).rows()).hasSize(1);
        assertThat(layer.deliveries().pendingRebootCount(Scope.all(), QueryFilter.none()).single())
                .isEqualTo(new DeliveryQueries.RebootCount(2, 1, 252.0));
        assertThat(layer.deliveries().pendingRebootCount(EU, QueryFilter.none()).single())
                .isEqualTo(new DeliveryQueries.RebootCount(1, 0, 6.0));
        assertThat(layer.deliveries().pendingRebootCount(EU, QueryFilter.none().withRegions("US")).single())
                .isEqualTo(new DeliveryQueries.RebootCount(0, 0, null));
    }

    @Test
    void vulnerabilities_by_severity_and_exploit_status_and_their_trend() {
        assertThat(layer.fleet().vulnerabilities(Scope.all(), QueryFilter.none()).rows()).containsExactly(
                new VulnerabilityCount("Critical", true, 3, 1, 1, 1, 3, 1),
                new VulnerabilityCount("Important", false, 1, 1, 0, 0, 1, 1));
        assertThat(layer.fleet().vulnerabilities(EU, QueryFilter.none()).rows())
                .extracting(VulnerabilityCount::severity, VulnerabilityCount::vulnerableUpdates)
                .containsExactly(tuple("Critical", 1L), tuple("Important", 1L));

        var trend = layer.fleet().vulnerabilityTrend(Scope.all(), QueryFilter.none().withSeverities("Critical"),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).rows();
        assertThat(trend).extracting(FleetQueries.VulnerabilityTrendPoint::day, FleetQueries.VulnerabilityTrendPoint::vulnerable)
                .containsExactly(tuple(LocalDate.of(2026, 11, 5), 4L), tuple(LocalDate.of(2026, 11, 10), 3L));
    }

    @Test
    void agent_health_counts_agents_stale_computers_versions_and_scan_errors() {
        assertThat(layer.fleet().agentHealth(Scope.all(), QueryFilter.none(), 7).single())
                .isEqualTo(new FleetQueries.AgentHealth(6, 5, 1, 1, 1, 2, 7));
        assertThat(layer.fleet().agentHealth(EU, QueryFilter.none(), 7).single())
                .isEqualTo(new FleetQueries.AgentHealth(3, 3, 0, 1, 0, 1, 7));
        // with a 14-day window c3 (last inventory 11-10 08:00) still counts as reporting
        assertThat(layer.fleet().agentHealth(Scope.all(), QueryFilter.none(), 14).single().notReporting()).isZero();
        assertThat(layer.fleet().agentVersions(Scope.all(), QueryFilter.none()).rows())
                .containsExactly(new AgentVersion("1.2.0", 3), new AgentVersion("1.3.0", 2), new AgentVersion("(no agent)", 1));
        assertThat(layer.fleet().agentComputers(Scope.all(), QueryFilter.none(), 7, false, Page.first(10)).rows())
                .extracting(AgentComputer::computerId).containsExactly("c3");
        assertThat(layer.fleet().agentComputers(Scope.all(), QueryFilter.none(), 7, true, Page.first(10)).rows())
                .extracting(AgentComputer::computerId, AgentComputer::lastScanError).containsExactly(tuple("c5", "0x8024402C"));
    }

    @Test
    void agent_health_lists_computers_whose_os_was_not_resolved_to_catalog_products_with_the_reason() {
        assertThat(layer.fleet().unresolvedOperatingSystems(Scope.all(), QueryFilter.none(), Page.first(10)).rows())
                .extracting(FleetQueries.UnresolvedComputer::computerId, FleetQueries.UnresolvedComputer::osVersion,
                        FleetQueries.UnresolvedComputer::reason)
                .containsExactly(tuple("c3", "23H2", "OS version '23H2' is not an NT version such as 10.0.19045"),
                        tuple("c6", null, "no OS identity reported (name, version and architecture are needed)"));
        assertThat(layer.fleet().unresolvedOperatingSystems(EU, QueryFilter.none(), Page.first(10)).rows())
                .extracting(FleetQueries.UnresolvedComputer::computerId).containsExactly("c3");
        assertThat(layer.fleet().unresolvedOperatingSystems(Scope.all(), QueryFilter.none(), new Page(1, 1)).rows())
                .extracting(FleetQueries.UnresolvedComputer::computerId).containsExactly("c6");
    }

    @Test
    void regional_roll_up_goes_from_regions_to_the_sites_in_scope() {
        assertThat(layer.fleet().regions(Scope.all(), QueryFilter.none()).rows()).containsExactly(
                new GroupCompliance("EU", 3, new ComplianceCounts(6, 3, 0, 2, 0, 1, 0)),
                new GroupCompliance("US", 3, new ComplianceCounts(5, 2, 1, 0, 1, 0, 1)));
        assertThat(layer.fleet().sites(Scope.all(), QueryFilter.none(), "EU").rows()).containsExactly(
                new GroupCompliance("eu-ber", 2, new ComplianceCounts(4, 3, 0, 1, 0, 0, 0)),
                new GroupCompliance("eu-par", 1, new ComplianceCounts(2, 0, 0, 1, 0, 1, 0)));
        assertThat(layer.fleet().sites(EU, QueryFilter.none(), "US").rows()).isEmpty();
        assertThat(layer.fleet().regions(Scope.sites("eu-par"), QueryFilter.none()).rows())
                .extracting(GroupCompliance::group, GroupCompliance::computers).containsExactly(tuple("EU", 1L));
    }

    @Test
    void exceptions_are_active_expiring_or_expired_at_the_data_time() {
        assertThat(layer.catalog().exceptions(Scope.all(), QueryFilter.none(), 14).rows())
                .extracting(ExceptionRow::exceptionId, ExceptionRow::status)
                .containsExactly(tuple("e2", ExceptionStatus.EXPIRED), tuple("e1", ExceptionStatus.EXPIRING), tuple("e3", ExceptionStatus.ACTIVE));
        assertThat(layer.catalog().exceptions(EU, QueryFilter.none(), 3).rows())
                .extracting(ExceptionRow::exceptionId, ExceptionRow::status)
                .containsExactly(tuple("e2", ExceptionStatus.EXPIRED), tuple("e1", ExceptionStatus.ACTIVE));
    }

    @Test
    void exceptions_come_a_page_at_a_time_with_the_counts_of_all_of_them() {
        assertThat(layer.catalog().exceptions(Scope.all(), QueryFilter.none(), 14, new Page(1, 1)).rows())
                .extracting(ExceptionRow::exceptionId).containsExactly("e1");
        assertThat(layer.catalog().exceptionCounts(Scope.all(), QueryFilter.none(), 14).single())
                .isEqualTo(new CatalogQueries.ExceptionCounts(1, 1, 1));
        assertThat(layer.catalog().exceptionCounts(EU, QueryFilter.none(), 3).single())
                .isEqualTo(new CatalogQueries.ExceptionCounts(1, 0, 1));
    }

    @Test
    void bulletin_details_list_updates_cves_and_supersedence() {
        CatalogQueries.BulletinDetail kb = layer.catalog().bulletin("KB5000001").single();
        assertThat(kb.severity()).isEqualTo("Critical");
        assertThat(kb.updates()).extracting(CatalogQueries.BulletinUpdate::product)
                .containsExactly("Windows 11 Version 23H2 for x64-based Systems", "Windows Server 2022");
        assertThat(kb.updates().get(0).cves()).containsExactly("CVE-2026-0001", "CVE-2026-0002");
        assertThat(kb.updates().get(0).supersedes()).containsExactly("KB958644");

        CatalogQueries.BulletinDetail ms = layer.catalog().bulletin("MS08-067").single();
        assertThat(ms.superseded()).isTrue();
        assertThat(ms.updates().get(0).supersededBy()).containsExactly("KB5000001");
        assertThatThrownBy(() -> layer.catalog().bulletin("MS99-999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void superseded_bulletins_show_what_supersedes_them_and_who_still_has_them() {
        var all = layer.catalog().supersededBulletins(Scope.all(), QueryFilter.none(), Page.first(10)).rows();
        assertThat(all).containsExactly(new CatalogQueries.SupersededBulletin("MS08-067", "Vulnerability in Server Service",
                "Critical", LocalDate.of(2008, 10, 23), List.of("KB5000001"), 1, 0, 1));
        assertThat(layer.catalog().supersededBulletins(Scope.regions("US"), QueryFilter.none(), Page.first(10)).rows().get(0).applicable()).isZero();
    }
}
