package org.patchlake.sample.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.core.protocol.WindowsUpdateVerdict;

/** How generated machines patch (cumulative lines, laggards, side branches) and what their Windows Update Agents say. */
class FleetPatchingTest {
    private static final Instant AS_OF = Instant.parse("2025-12-01T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);
    private static final Catalog CATALOG = FleetCatalogs.catalog();
    private static final FleetGenerator GENERATOR = new FleetGenerator(CATALOG);
    private static final List<FleetMember> FLEET =
        GENERATOR.generate(new FleetSpec(3000, 12, AS_OF, Duration.ofDays(14), Organisation.contoso()));

    /** The Windows 10 cumulative line by release, the out-of-band package of October 23 among them (index 5). */
    private static final List<String> CHAIN = CATALOG.updatesForProduct(FleetCatalogs.WINDOWS_10).stream()
        .sorted(java.util.Comparator.comparing(Update::released)).map(Update::kb).toList();
    private static final String NOVEMBER = CHAIN.get(6);

    private static List<FleetMember> onWindows10(PatchProfile profile) {
        return FLEET.stream().filter(member -> member.machine().os().product().equals(FleetCatalogs.WINDOWS_10))
            .filter(member -> member.patchProfile() == profile).toList();
    }

    private static List<String> chainInstalled(FleetMember member) {
        Set<String> installed = member.machine().installedUpdates().stream().map(SimulatedMachine.Kb::kb).collect(Collectors.toSet());
        if (member.machine().runtime() != null) {
            installed.addAll(member.machine().runtime().pendingKbs());
        }
        return CHAIN.stream().filter(installed::contains).toList();
    }

    @Test
    void machines_install_only_the_newest_cumulative_package_and_laggards_are_months_behind() {
        List<FleetMember> current = FLEET.stream().filter(member -> member.patchProfile() != PatchProfile.ABANDONED)
            .filter(member -> member.machine().os().product().equals(FleetCatalogs.WINDOWS_10)).toList();
        long single = current.stream().filter(member -> chainInstalled(member).size() == 1).count();
        assertThat(CHAIN.get(5)).isEqualTo("KB5079999");
        assertThat(single).as("only the newest package of the chain: %s", current.stream().collect(Collectors.groupingBy(
            member -> chainInstalled(member).size() + " " + member.patchProfile(), Collectors.counting())))
            .isGreaterThan(current.size() * 9 / 10);

        List<FleetMember> diligent = onWindows10(PatchProfile.DILIGENT);
        assertThat(diligent.stream().filter(member -> chainInstalled(member).equals(List.of(NOVEMBER))).count())
            .as("diligent machines have November's").isGreaterThan(diligent.size() * 9 / 10);
        List<FleetMember> laggards = onWindows10(PatchProfile.LAGGARD);
        assertThat(laggards).as("laggards two or more months behind")
            .anySatisfy(member -> assertThat(chainInstalled(member)).containsAnyOf(CHAIN.get(2), CHAIN.get(3)));
        assertThat(FLEET).as("a few side branches: the out-of-band package beside the monthly one")
            .anySatisfy(member -> assertThat(chainInstalled(member)).containsExactly(CHAIN.get(4), "KB5079999"));
    }

    @Test
    void windows_7_installs_its_rollups_as_a_line_and_security_only_updates_one_by_one() {
        FleetMember seven = FLEET.stream().filter(member -> member.machine().os().product().equals(FleetCatalogs.WINDOWS_7))
            .filter(member -> member.patchProfile() == PatchProfile.DILIGENT).findFirst().orElseThrow();
        List<String> installed = seven.machine().installedUpdates().stream().map(SimulatedMachine.Kb::kb).toList();
        List<Update> windows7 = CATALOG.updatesForProduct(FleetCatalogs.WINDOWS_7);
        long rollups = windows7.stream().filter(update -> !update.supersedes().isEmpty() || isSuperseded(update))
            .filter(update -> installed.contains(update.kb())).count();
        long securityOnly = windows7.stream().filter(update -> update.supersedes().isEmpty() && !isSuperseded(update))
            .filter(update -> installed.contains(update.kb())).count();
        assertThat(rollups).isEqualTo(1);
        assertThat(securityOnly).isGreaterThan(3);
    }

    private static boolean isSuperseded(Update update) {
        return !CATALOG.directSupersedersOf(update.kb(), update.product()).isEmpty();
    }

    @Test
    void windows_update_lists_the_newest_package_a_machine_lacks_and_nothing_it_has() {
        WindowsUpdateOffers offers = GENERATOR.windowsUpdateOffers();
        FleetMember current = onWindows10(PatchProfile.DILIGENT).stream()
            .filter(member -> chainInstalled(member).equals(List.of(NOVEMBER)))
            .filter(member -> member.machine().windowsUpdate().hidden().isEmpty()
                && member.machine().windowsUpdate().searchError() == null)
            .findFirst().orElseThrow();
        assertThat(search(current, offers)).doesNotContainAnyElementsOf(CHAIN);
        FleetMember behind = onWindows10(PatchProfile.LAGGARD).stream()
            .filter(member -> !chainInstalled(member).contains(NOVEMBER) && !chainInstalled(member).isEmpty())
            .filter(member -> member.machine().windowsUpdate().hidden().isEmpty()
                && member.machine().windowsUpdate().searchError() == null)
            .findFirst().orElseThrow();
        assertThat(search(behind, offers)).filteredOn(CHAIN::contains).containsExactly(NOVEMBER);
    }

    @Test
    void a_few_machines_differ_from_the_catalog_on_purpose() {
        List<SimulatedMachine.WindowsUpdate> setups = FLEET.stream().map(member -> member.machine().windowsUpdate()).toList();
        assertThat(setups).filteredOn(setup -> FleetWindowsUpdate.SEARCH_ERROR.equals(setup.searchError())).hasSizeBetween(10, 60);
        assertThat(setups).filteredOn(setup -> !setup.hidden().isEmpty()).hasSizeBetween(10, 90);
        List<WindowsUpdateOffers.Offer> notInCatalog = setups.stream().flatMap(setup -> setup.extra().stream())
            .filter(WindowsUpdateOffers.Offer::isSecurityUpdate).toList();
        assertThat(notInCatalog).hasSizeBetween(20, 120)
            .allSatisfy(offer -> assertThat(CATALOG.updatesForKb(offer.kb())).as(offer.kb()).isEmpty());
        assertThat(setups.stream().flatMap(setup -> setup.extra().stream()))
            .anySatisfy(offer -> assertThat(offer.classification()).isEqualTo("Definition Updates"));
    }

    @Test
    void the_offers_are_written_once_beside_the_fleet_and_read_back(@TempDir Path directory) {
        FleetFiles files = new FleetFiles();
        files.write(directory, GENERATOR, new FleetSpec(20, 3, AS_OF, Duration.ofDays(14), Organisation.contoso()), count -> { });
        WindowsUpdateOffers read = files.readWindowsUpdateOffers(directory);
        assertThat(read.products()).isEqualTo(GENERATOR.windowsUpdateOffers().products());
        // every Windows 10 package but the newest is covered by a later one; a Windows 7 security-only update is covered
        // by the later monthly rollups, as Windows Update has it
        assertThat(read.offersFor(FleetCatalogs.WINDOWS_10)).filteredOn(offer -> offer.coveredBy().isEmpty()).hasSize(1);
        assertThat(read.offersFor(FleetCatalogs.WINDOWS_7)).filteredOn(offer -> offer.coveredBy().isEmpty()).hasSizeLessThan(3);
        assertThat(read.offersFor(FleetCatalogs.WINDOWS_10).get(0).title())
            .matches("2025-\\d\\d Cumulative Update for Windows 10 Version 22H2 for x64-based Systems \\(KB\\d+\\)");
    }

    private static List<String> search(FleetMember member, WindowsUpdateOffers offers) {
        WindowsUpdateVerdict verdict = new SimulatedEndpoint(member.machine(), new SettableClock(AS_OF), offers)
            .searchWindowsUpdate().orElseThrow();
        return verdict.missing().stream().map(MissingUpdate::kb).toList();
    }
}
