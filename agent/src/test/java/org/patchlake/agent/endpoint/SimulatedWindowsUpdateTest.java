package org.patchlake.agent.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.core.protocol.WindowsUpdateVerdict;

class SimulatedWindowsUpdateTest {
    private static final String OS = "Windows 10 Version 22H2 for x64-based Systems";
    private static final String DOT_NET = "Microsoft .NET Framework 4.8 on Windows 10 Version 22H2 for x64-based Systems";
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    /** Four monthly cumulative updates (each covered by every later one, as the catalog's servicing says), a .NET update. */
    private static final WindowsUpdateOffers OFFERS = new WindowsUpdateOffers(Map.of(
        OS, List.of(
            offer("KB5000001", LocalDate.of(2026, 1, 13), List.of("KB5000002", "KB5000003", "KB5000004")),
            offer("KB5000002", LocalDate.of(2026, 2, 10), List.of("KB5000003", "KB5000004")),
            offer("KB5000003", LocalDate.of(2026, 3, 10), List.of("KB5000004")),
            offer("KB5000004", LocalDate.of(2026, 4, 14), List.of())),
        DOT_NET, List.of(offer("KB5000100", LocalDate.of(2026, 2, 10), List.of()))));

    private final SettableClock clock = new SettableClock(NOW);

    @TempDir
    Path directory;

    private static WindowsUpdateOffers.Offer offer(String kb, LocalDate released, List<String> coveredBy) {
        return new WindowsUpdateOffers.Offer(kb, "Security update (" + kb + ")", "Security Updates", "Critical", released,
            coveredBy);
    }

    private static SimulatedMachine machine(List<String> installed, SimulatedMachine.WindowsUpdate windowsUpdate,
                                            SimulatedMachine.Reimage reimage) {
        return new SimulatedMachine("ws-1", "corp", null,
            new SimulatedMachine.Os(OS, "Windows 10 Enterprise", "22H2", "10.0.19045.3930", "x64"), NOW.minus(Duration.ofDays(3)),
            installed.stream().map(kb -> new SimulatedMachine.Kb(kb, LocalDate.of(2026, 1, 20))).toList(), Map.of(), Map.of(),
            Map.of(), null, reimage, null, null, null, null, windowsUpdate);
    }

    private static SimulatedMachine.WindowsUpdate products(String... products) {
        return new SimulatedMachine.WindowsUpdate(List.of(products), null, null, null);
    }

    private WindowsUpdateVerdict search(SimulatedMachine machine) {
        return new SimulatedEndpoint(machine, clock, OFFERS).searchWindowsUpdate().orElseThrow();
    }

    private static List<String> kbs(WindowsUpdateVerdict verdict) {
        return verdict.missing().stream().map(MissingUpdate::kb).toList();
    }

    @Test
    void only_the_newest_released_cumulative_update_is_listed_and_nothing_before_its_release() {
        WindowsUpdateVerdict verdict = search(machine(List.of(), products(OS, DOT_NET), null));
        assertThat(verdict.completed()).isTrue();
        assertThat(verdict.searchedAt()).isEqualTo(NOW);
        assertThat(kbs(verdict)).as("KB5000004 is not released yet; KB5000003 covers the older ones")
            .containsExactly("KB5000003", "KB5000100");
        MissingUpdate cumulative = verdict.missing().get(0);
        assertThat(cumulative.classification()).isEqualTo("Security Updates");
        assertThat(cumulative.msrcSeverity()).isEqualTo("Critical");
        assertThat(cumulative.updateId()).isNotBlank();
    }

    @Test
    void an_installed_cumulative_update_covers_every_earlier_one_and_a_newer_one_is_still_listed() {
        assertThat(kbs(search(machine(List.of("KB5000003"), products(OS), null)))).isEmpty();
        assertThat(kbs(search(machine(List.of("KB5000002"), products(OS), null)))).containsExactly("KB5000003");
        assertThat(kbs(search(machine(List.of("KB5000001"), products(OS), null)))).containsExactly("KB5000003");
    }

    @Test
    void products_the_machine_does_not_have_are_not_searched() {
        assertThat(kbs(search(machine(List.of(), products(OS), null)))).containsExactly("KB5000003");
    }

    @Test
    void installs_restarts_and_reimages_change_the_answer_and_an_update_waiting_for_a_restart_is_still_missing() {
        SimulatedMachine.Reimage reimage = new SimulatedMachine.Reimage(NOW.plus(Duration.ofDays(1)), List.of());
        SimulatedMachine machine = new SimulatedMachine("ws-1", "corp", null,
            new SimulatedMachine.Os(OS, "Microsoft Windows 10 Enterprise", "22H2", "10.0.19045.3930", "x64"),
            NOW.minus(Duration.ofDays(3)), List.of(), Map.of(), Map.of(),
            Map.of("KB5000100", new SimulatedMachine.InstallBehaviour(null, 60L, true, null, null)), null, reimage, null,
            null, null, null, products(OS, DOT_NET));
        SimulatedEndpoint endpoint = new SimulatedEndpoint(machine, clock, OFFERS);
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow())).containsExactly("KB5000003", "KB5000100");

        endpoint.install(new InstallRequest("KB5000003", null, List.of(), NOW, Duration.ofHours(1)));
        endpoint.install(new InstallRequest("KB5000100", null, List.of(), NOW, Duration.ofHours(1)));
        assertThat(endpoint.pendingReboot().pending()).as("KB5000100 needs a restart").isTrue();
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow()))
            .as("not installed until the restart, as the machine's installed list says too").containsExactly("KB5000100");

        endpoint.restart(new RestartRequest(NOW, Duration.ZERO, "test"));
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow())).isEmpty();

        clock.advance(Duration.ofDays(2));
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow())).as("after the reimage")
            .containsExactly("KB5000003", "KB5000100");
    }

    @Test
    void extra_offers_hidden_updates_and_failed_searches_are_what_the_machine_was_given() {
        WindowsUpdateOffers.Offer notInCatalog = new WindowsUpdateOffers.Offer("KB5099999", "Security update the catalog lacks",
            "Security Updates", "Important", LocalDate.of(2026, 3, 1), null);
        WindowsUpdateOffers.Offer definitions = new WindowsUpdateOffers.Offer("KB2267602", "Definition update",
            "Definition Updates", null, LocalDate.of(2026, 3, 19), null);
        assertThat(kbs(search(machine(List.of(), new SimulatedMachine.WindowsUpdate(List.of(OS, DOT_NET),
            List.of(notInCatalog, definitions), List.of("KB5000100"), null), null))))
            .containsExactly("KB2267602", "KB5000003", "KB5099999");

        WindowsUpdateVerdict failed = search(machine(List.of(), new SimulatedMachine.WindowsUpdate(List.of(OS), null, null,
            "0x8024402C"), null));
        assertThat(failed.completed()).isFalse();
        assertThat(failed.errorCode()).isEqualTo("0x8024402C");
        assertThat(failed.missing()).isEmpty();
    }

    @Test
    void an_optional_preview_is_listed_beside_the_security_update_it_covers_not_instead() {
        WindowsUpdateOffers withPreview = new WindowsUpdateOffers(Map.of(OS, List.of(
            offer("KB5000003", LocalDate.of(2026, 3, 10), List.of("KB5000033")),
            new WindowsUpdateOffers.Offer("KB5000033", "2026-03 Cumulative Update Preview (KB5000033)", "Updates", null,
                LocalDate.of(2026, 3, 17), List.of()))));
        WindowsUpdateVerdict verdict = new SimulatedEndpoint(machine(List.of(), products(OS), null), clock, withPreview)
            .searchWindowsUpdate().orElseThrow();
        assertThat(kbs(verdict)).containsExactly("KB5000003", "KB5000033");
    }

    @Test
    void a_machine_without_windows_update_has_nothing_to_ask() {
        assertThat(new SimulatedEndpoint(machine(List.of(), null, null), clock, OFFERS).searchWindowsUpdate()).isEmpty();
    }

    @Test
    void offers_survive_their_file_and_a_saved_machine_keeps_its_windows_update() {
        Path file = directory.resolve("offers.json.gz");
        OFFERS.write(file);
        WindowsUpdateOffers read = WindowsUpdateOffers.read(file);
        assertThat(read.products()).isEqualTo(OFFERS.products());
        assertThat(read.offersFor(OS).get(0).coveredBy()).containsExactly("KB5000002", "KB5000003", "KB5000004");

        Path saved = directory.resolve("machine.json");
        new SimulatedEndpoint(machine(List.of(), products(OS), null), clock, OFFERS).save(saved);
        assertThat(SimulatedMachine.read(saved).windowsUpdate().products()).containsExactly(OS);
    }

    @Test
    void a_short_build_is_refused_because_the_server_could_not_place_it() {
        assertThatThrownBy(() -> new SimulatedMachine.Os(OS, "Windows 10 Enterprise", "22H2", "19045", "x64"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("os.build").hasMessageContaining("'19045'");
    }
}
