package org.patchlake.sample.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.GeneratedCatalog;
import org.patchlake.core.catalog.Update;

class FleetGeneratorTest {
    private static final Instant AS_OF = Instant.parse("2025-12-01T00:00:00Z");
    private static final Catalog CATALOG = GeneratedCatalog.create();

    private static FleetSpec spec(int endpoints, long seed) {
        return new FleetSpec(endpoints, seed, AS_OF, Duration.ofDays(21), Organisation.contoso());
    }

    @Test
    void the_same_seed_gives_the_same_fleet_and_another_seed_a_different_one() {
        FleetGenerator generator = new FleetGenerator(CATALOG);
        List<FleetMember> first = generator.generate(spec(300, 7));
        List<FleetMember> again = generator.generate(spec(300, 7));
        List<FleetMember> other = generator.generate(spec(300, 8));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void every_region_and_class_is_present_in_roughly_its_share_and_host_names_are_unique() {
        List<FleetMember> fleet = new FleetGenerator(CATALOG).generate(spec(2000, 1));
        Map<String, Long> byRegion = fleet.stream().collect(Collectors.groupingBy(FleetMember::region, Collectors.counting()));
        assertThat(byRegion).containsOnlyKeys("North America", "Latin America", "EMEA", "Asia-Pacific");
        assertThat(byRegion.get("North America")).isBetween(600L, 800L);
        Map<ComputerClass, Long> byClass = fleet.stream()
            .collect(Collectors.groupingBy(FleetMember::computerClass, Collectors.counting()));
        assertThat(byClass.get(ComputerClass.WORKSTATION)).isBetween(900L, 1100L);
        assertThat(byClass.get(ComputerClass.BUSINESS_CRITICAL_SERVER)).isBetween(30L, 100L);
        assertThat(fleet).extracting(FleetMember::hostname).doesNotHaveDuplicates();
        assertThat(fleet).extracting(member -> member.machine().hardwareId()).doesNotHaveDuplicates();
        assertThat(fleet).filteredOn(member -> member.computerClass() == ComputerClass.BUSINESS_CRITICAL_SERVER)
            .allSatisfy(member -> assertThat(member.managedLevel()).isEqualTo(1));
        assertThat(fleet).filteredOn(member -> member.computerClass().isServer())
            .allSatisfy(member -> assertThat(member.machine().os().product()).isEqualTo(GeneratedCatalog.WINDOWS_SERVER_2019));
        assertThat(fleet).filteredOn(member -> member.computerClass() == ComputerClass.NOTEBOOK)
            .extracting(FleetMember::reportingProfile)
            .containsOnly(ReportingProfile.OFTEN_OFFLINE, ReportingProfile.GONE);
    }

    @Test
    void installed_updates_follow_the_patch_history_of_their_product() {
        List<FleetMember> fleet = new FleetGenerator(CATALOG).generate(spec(1000, 3));
        LocalDate asOf = LocalDate.ofInstant(AS_OF, ZoneOffset.UTC);
        for (FleetMember member : fleet) {
            String product = member.machine().os().product();
            Set<String> productKbs = CATALOG.updatesForProduct(product).stream().map(Update::kb).collect(Collectors.toSet());
            for (SimulatedMachine.Kb kb : member.machine().installedUpdates()) {
                assertThat(productKbs).as(member.hostname() + " has " + kb.kb()).contains(kb.kb());
                Update update = CATALOG.update(kb.kb(), product).orElseThrow();
                assertThat(kb.installedOn()).isAfterOrEqualTo(update.released()).isBeforeOrEqualTo(asOf);
            }
            if (member.patchProfile() == PatchProfile.ABANDONED) {
                assertThat(member.machine().installedUpdates())
                    .allSatisfy(kb -> assertThat(kb.installedOn()).isBefore(asOf.minusDays(364)));
            }
        }
        // Diligent machines are nearly current: they have the newest cumulative update released 3 weeks before.
        long diligentCurrent = fleet.stream()
            .filter(member -> member.patchProfile() == PatchProfile.DILIGENT)
            .filter(member -> member.machine().os().product().equals(GeneratedCatalog.WINDOWS_10_22H2_X64))
            .filter(member -> member.machine().installedUpdates().stream()
                .anyMatch(kb -> kb.kb().equals(GeneratedCatalog.cumulativeKb(0, 11))))
            .count();
        long diligent = fleet.stream()
            .filter(member -> member.patchProfile() == PatchProfile.DILIGENT)
            .filter(member -> member.machine().os().product().equals(GeneratedCatalog.WINDOWS_10_22H2_X64)).count();
        assertThat(diligentCurrent).isGreaterThan(diligent * 9 / 10);
    }

    @Test
    void some_machines_fail_installs_some_are_reimaged_and_some_contractors_leave_inside_the_simulation() {
        List<FleetMember> fleet = new FleetGenerator(CATALOG).generate(spec(3000, 5));
        Set<Long> exitCodes = new HashSet<>();
        fleet.forEach(member -> member.machine().installBehaviour().values()
            .forEach(behaviour -> exitCodes.addAll(behaviour.exitCodes())));
        assertThat(exitCodes).contains(1603L, 0x80240017L, 0x80070005L);
        List<FleetMember> reimaged = fleet.stream().filter(member -> member.machine().reimage() != null).toList();
        assertThat(reimaged).hasSizeBetween(15, 90).allSatisfy(member -> {
            assertThat(member.machine().reimage().at()).isBetween(AS_OF, AS_OF.plus(Duration.ofDays(21)));
            assertThat(member.machine().installedUpdates()).containsAll(member.machine().reimage().installedUpdates());
        });
        assertThat(reimaged).anySatisfy(member -> assertThat(member.machine().reimage().installedUpdates())
            .hasSizeLessThan(member.machine().installedUpdates().size()));
        assertThat(fleet).filteredOn(member -> member.reportingProfile() == ReportingProfile.GONE)
            .isNotEmpty()
            .allSatisfy(member -> assertThat(member.goneAt()).as("%s reports on its first day, then leaves", member.hostname())
                .isBetween(AS_OF.plus(FleetGenerator.FIRST_REPORT), AS_OF.plus(Duration.ofDays(21))));
    }

    @Test
    void a_contractor_of_a_one_day_simulation_still_leaves_inside_it() {
        FleetSpec day = new FleetSpec(10, 1, AS_OF, Duration.ofHours(20), Organisation.contoso());
        assertThat(FleetGenerator.goneAt(day, 0.0)).isEqualTo(AS_OF.plus(Duration.ofHours(20)));
        FleetSpec weeks = spec(10, 1);
        assertThat(FleetGenerator.goneAt(weeks, 0.0)).isEqualTo(AS_OF.plus(FleetGenerator.FIRST_REPORT));
        assertThat(FleetGenerator.goneAt(weeks, 1.0)).isEqualTo(AS_OF.plus(Duration.ofDays(21)));
    }

    @Test
    void some_machines_start_with_their_latest_updates_waiting_for_a_restart_that_comes_late_or_never() {
        List<FleetMember> fleet = new FleetGenerator(CATALOG).generate(spec(2000, 9));
        List<FleetMember> waiting = fleet.stream().filter(member -> member.machine().runtime() != null).toList();
        assertThat(waiting).hasSizeBetween(40, 160).allSatisfy(member -> {
            SimulatedMachine.Runtime runtime = member.machine().runtime();
            assertThat(runtime.pendingKbs()).isNotEmpty();
            Set<String> installed = member.machine().installedUpdates().stream().map(SimulatedMachine.Kb::kb)
                .collect(Collectors.toSet());
            assertThat(runtime.pendingKbs()).as("pending updates are not installed yet").noneMatch(installed::contains);
            if (runtime.restartAt() != null) {
                assertThat(runtime.restartAt()).isBetween(AS_OF, AS_OF.plus(Duration.ofDays(42)));
            }
        });
        Instant end = AS_OF.plus(Duration.ofDays(21));
        assertThat(waiting).as("never restarted").anySatisfy(member -> assertThat(member.machine().runtime().restartAt()).isNull());
        assertThat(waiting).as("restarted during the simulation")
            .anySatisfy(member -> assertThat(member.machine().runtime().restartAt()).isNotNull().isBefore(end));
        assertThat(waiting).as("restart deferred past the end")
            .anySatisfy(member -> assertThat(member.machine().runtime().restartAt()).isNotNull().isAfter(end));
    }

    @Test
    void a_fleet_written_to_disk_reads_back_member_for_member(@TempDir Path directory) {
        FleetGenerator generator = new FleetGenerator(CATALOG);
        FleetSummary summary = new FleetFiles().write(directory, generator, spec(250, 11), count -> { });
        assertThat(summary.computers()).isEqualTo(250);
        assertThat(summary.byRegion().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
        assertThat(new FleetFiles().readAll(directory)).isEqualTo(generator.generate(spec(250, 11)));
        assertThat(directory.resolve(FleetFiles.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void a_catalog_without_any_fleet_operating_system_is_refused_with_the_products_named() {
        Catalog empty = Catalog.of(List.of(), List.of());
        assertThatThrownBy(() -> new FleetGenerator(empty))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Windows 11 Version 24H2 for x64-based Systems");
    }

    @Test
    void a_spec_without_endpoints_is_refused() {
        assertThatThrownBy(() -> spec(0, 1)).hasMessageContaining("endpoints must be at least 1 but was 0");
    }

    @Test
    void machines_carry_their_class_and_level_for_enrollment_and_keep_patching_during_the_simulation() {
        List<FleetMember> fleet = new FleetGenerator(CATALOG).generate(spec(500, 3));
        assertThat(fleet).allSatisfy(member -> {
            assertThat(member.machine().computerClassHint()).isEqualTo(member.computerClass().hint());
            assertThat(member.machine().managedLevel()).isEqualTo(member.managedLevel());
        });
        assertThat(fleet).extracting(member -> member.machine().computerClassHint().name())
            .contains("WORKSTATION", "NOTEBOOK", "SERVER", "BUSINESS_CRITICAL_SERVER");
        LocalDate start = LocalDate.ofInstant(AS_OF, ZoneOffset.UTC);
        LocalDate end = start.plusDays(21);
        List<SimulatedMachine.Kb> scheduled = fleet.stream()
            .flatMap(member -> member.machine().scheduledInstalls().stream()).toList();
        assertThat(scheduled).as("Windows Update goes on installing during the simulation").isNotEmpty()
            .allSatisfy(kb -> assertThat(kb.installedOn()).isAfter(start).isBeforeOrEqualTo(end));
        assertThat(fleet).filteredOn(member -> member.patchProfile() == PatchProfile.ABANDONED)
            .allSatisfy(member -> assertThat(member.machine().scheduledInstalls()).isEmpty());
        assertThat(fleet).allSatisfy(member -> assertThat(member.machine().scheduledInstalls())
            .extracting(SimulatedMachine.Kb::kb).noneMatch(member.machine().installBehaviour()::containsKey));
    }
}
