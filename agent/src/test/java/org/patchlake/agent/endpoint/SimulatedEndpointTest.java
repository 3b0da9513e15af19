package org.patchlake.agent.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.core.protocol.ComputerClassHint;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.rules.Version;

class SimulatedEndpointTest {

    static final Path MACHINE = Path.of("src/test/resources/machines/ws-1809.json");
    static final Instant MONDAY_NIGHT = Instant.parse("2026-11-23T22:00:00Z");

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(MONDAY_NIGHT);

    private InstallResult install(SimulatedEndpoint endpoint, String kb) {
        return endpoint.install(new InstallRequest(kb, null, List.of(), clock.instant(), Duration.ofHours(1)));
    }

    private static List<String> kbs(SimulatedEndpoint endpoint) {
        return endpoint.installedUpdates().stream().map(InstalledUpdate::kb).toList();
    }

    @Test
    void the_machine_file_describes_identity_updates_registry_and_files() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        assertThat(endpoint.osIdentity().product()).isEqualTo("Windows 10 Version 1809 for x64-based Systems");
        assertThat(endpoint.osIdentity().hardwareId()).startsWith("4c4c4544");
        assertThat(kbs(endpoint)).containsExactly("KB4480116", "KB4470788");
        assertThat(endpoint.installedUpdates().get(0).installedOn()).isEqualTo(LocalDate.of(2019, 1, 10));
        assertThat(endpoint.registryValue("hklm\\software\\microsoft\\windows nt\\currentversion", "ubr")).contains("253");
        assertThat(endpoint.fileVersion("%SYSTEMROOT%\\System32\\ntoskrnl.exe")).contains(Version.parse("10.0.17763.253"));
        assertThat(endpoint.osBuild()).isEqualTo(Version.parse("10.0.17763.253"));
        assertThat(endpoint.pendingReboot().pending()).isFalse();
    }

    @Test
    void registry_keys_answer_in_either_hive_spelling_as_on_windows() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        assertThat(endpoint.registryValue("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\", "UBR"))
            .contains("253");
        assertThat(endpoint.registryKeyExists("HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows NT\\CurrentVersion")).isTrue();
        assertThat(endpoint.registryKeyExists("HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion")).isFalse();
    }

    @Test
    void exit_code_3010_leaves_the_update_pending_until_the_restart_installs_it() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        InstallResult result = install(endpoint, "KB4489899");
        assertThat(result.returnCode()).isEqualTo(3010);
        assertThat(result.endedAt()).isEqualTo(MONDAY_NIGHT.plusSeconds(900));
        assertThat(endpoint.isKbInstalled("KB4489899")).isFalse();
        assertThat(endpoint.pendingReboot().pending()).isTrue();
        assertThat(endpoint.fileVersion("%SystemRoot%\\system32\\ntoskrnl.exe")).contains(Version.parse("10.0.17763.253"));
        assertThat(install(endpoint, "KB4489899").returnCode()).as("installing again while pending").isEqualTo(3010);

        endpoint.restart(new RestartRequest(clock.instant(), Duration.ofMinutes(10), "test"));
        assertThat(endpoint.pendingReboot().pending()).as("the notice period has not passed").isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(endpoint.pendingReboot().pending()).isFalse();
        assertThat(endpoint.isKbInstalled("KB4489899")).isTrue();
        assertThat(endpoint.lastBootAt()).isEqualTo(MONDAY_NIGHT.plus(Duration.ofMinutes(10)));
        assertThat(endpoint.fileVersion("%SystemRoot%\\system32\\ntoskrnl.exe")).contains(Version.parse("10.0.17763.379"));
        assertThat(endpoint.restarts()).isEqualTo(1);
        assertThat(install(endpoint, "KB4489899").returnCode()).isEqualTo(2359302L);
    }

    @Test
    void exit_codes_follow_the_attempt_number_and_the_last_one_repeats() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        assertThat(install(endpoint, "KB4493509").returnCode()).isEqualTo(1618);
        assertThat(install(endpoint, "KB4493509").returnCode()).isEqualTo(1603);
        assertThat(endpoint.isKbInstalled("KB4493509")).isFalse();
        assertThat(install(endpoint, "KB4493509").returnCode()).isEqualTo(0);
        assertThat(endpoint.isKbInstalled("KB4493509")).isTrue();
        assertThat(install(endpoint, "KB4497934").returnCode()).isEqualTo(0x80240017L);
        assertThat(install(endpoint, "KB4497934").returnCode()).isEqualTo(0x80240017L);
        assertThat(install(endpoint, "KB5000001").returnCode()).as("default behaviour").isZero();
    }

    @Test
    void exit_code_1641_restarts_the_machine_when_the_installer_ends() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        InstallResult result = install(endpoint, "KB4494441");
        assertThat(result.returnCode()).isEqualTo(1641);
        clock.set(result.endedAt());
        assertThat(endpoint.isKbInstalled("KB4494441")).isTrue();
        assertThat(endpoint.lastBootAt()).isEqualTo(result.endedAt());
    }

    @Test
    void a_reimage_takes_the_machine_back_to_its_old_updates() throws Exception {
        String json = Files.readString(MACHINE).replace("\"defaultInstall\"",
            "\"reimage\": {\"at\": \"2026-11-25T00:00:00Z\", \"installedUpdates\": [{\"kb\": \"KB4470788\"}]},\n  \"defaultInstall\"");
        Path file = directory.resolve("reimaged.json");
        Files.writeString(file, json);
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(file, clock);
        install(endpoint, "KB5000001");
        assertThat(kbs(endpoint)).contains("KB5000001", "KB4480116");
        clock.set(Instant.parse("2026-11-25T00:00:01Z"));
        assertThat(kbs(endpoint)).containsExactly("KB4470788");
        assertThat(endpoint.lastBootAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void a_saved_machine_continues_where_it_stopped() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        install(endpoint, "KB4489899");
        install(endpoint, "KB4493509");
        Path saved = directory.resolve("state.json");
        endpoint.save(saved);
        SimulatedEndpoint again = SimulatedEndpoint.load(saved, clock);
        assertThat(again.pendingReboot().pending()).isTrue();
        assertThat(install(again, "KB4493509").returnCode()).as("second attempt").isEqualTo(1603);
    }

    @Test
    void a_machine_file_with_an_unknown_field_is_refused_with_the_file_name() throws Exception {
        Path file = directory.resolve("typo.json");
        Files.writeString(file, Files.readString(MACHINE).replace("\"files\"", "\"filez\""));
        assertThatThrownBy(() -> SimulatedEndpoint.load(file, clock)).isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("typo.json").hasMessageContaining("filez");
    }

    @Test
    void scheduled_installs_appear_on_their_day_and_a_restart_is_announced_as_the_next_boot() {
        SimulatedMachine file = SimulatedMachine.read(MACHINE);
        SimulatedMachine machine = new SimulatedMachine(file.hostname(), file.domain(), file.hardwareId(), file.os(),
            file.lastBootAt(), file.installedUpdates(), file.registry(), file.files(), file.installBehaviour(),
            file.defaultInstall(), null, null, ComputerClassHint.NOTEBOOK, 3,
            List.of(new SimulatedMachine.Kb("KB5000002", LocalDate.of(2026, 11, 25))));
        SimulatedEndpoint endpoint = new SimulatedEndpoint(machine, clock);
        assertThat(endpoint.computerClassHint()).contains(ComputerClassHint.NOTEBOOK);
        assertThat(endpoint.managedLevel()).contains(3);
        assertThat(endpoint.isKbInstalled("KB5000002")).as("scheduled, not yet installed").isFalse();
        assertThat(endpoint.nextBootAt()).isNull();

        clock.set(Instant.parse("2026-11-25T06:00:00Z"));
        assertThat(endpoint.isKbInstalled("KB5000002")).isTrue();
        assertThat(endpoint.installedUpdates()).filteredOn(update -> update.kb().equals("KB5000002"))
            .extracting(InstalledUpdate::installedOn).containsExactly(LocalDate.of(2026, 11, 25));
        assertThat(endpoint.snapshot().scheduledInstalls()).isEmpty();

        endpoint.restart(new RestartRequest(clock.instant(), Duration.ofMinutes(15), "test"));
        assertThat(endpoint.nextBootAt()).isEqualTo(Instant.parse("2026-11-25T06:15:00Z"));
    }

    @Test
    void a_machine_file_without_hints_leaves_them_to_the_agent() {
        SimulatedEndpoint endpoint = SimulatedEndpoint.load(MACHINE, clock);
        assertThat(endpoint.computerClassHint()).isEmpty();
        assertThat(endpoint.managedLevel()).isEmpty();
        assertThat(endpoint.snapshot().scheduledInstalls()).isEmpty();
    }
}
