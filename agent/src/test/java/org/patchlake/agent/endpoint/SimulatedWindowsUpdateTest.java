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

    /** Three monthly cumulative updates (the third supersedes nothing: a gap in the published supersedence), a .NET update. */
    private static final WindowsUpdateOffers OFFERS = new WindowsUpdateOffers(Map.of(
        OS, List.of(
            offer("KB5000001", LocalDate.of(2026, 1, 13), List.of(), "cumulative"),
            offer("KB5000002", LocalDate.of(2026, 2, 10), List.of("KB5000001"), "cumulative"),
            offer("KB5000003", LocalDate.of(2026, 3, 10), List.of(), "cumulative"),
            offer("KB5000004", LocalDate.of(2026, 4, 14), List.of("KB5000003"), "cumulative")),
        DOT_NET, List.of(offer("KB5000100", LocalDate.of(2026, 2, 10), List.of(), null))));

    private final SettableClock clock = new SettableClock(NOW);

    @TempDir
    Path directory;

    private static WindowsUpdateOffers.Offer offer(String kb, LocalDate released, List<String> supersedes, String line) {
        return new WindowsUpdateOffers.Offer(kb, "Security update (" + kb + ")", "Security Updates", "Critical", released,
            supersedes, line);
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
        assertThat(kbs(verdict)).as("KB5000004 is not released yet; KB5000003 replaces the older ones by its line")
            .containsExactly("KB5000003", "KB5000100");
        MissingUpdate cumulative = verdict.missing().get(0);
        assertThat(cumulative.classification()).isEqualTo("Security Updates");
        assertThat(cumulative.msrcSeverity()).isEqualTo("Critical");
        assertThat(cumulative.updateId()).isNotBlank();
    }

    @Test
    void an_installed_cumulative_update_covers_every_earlier_one_of_its_line_even_without_published_supersedence() {
        assertThat(kbs(search(machine(List.of("KB5000003"), products(OS), null)))).isEmpty();
        assertThat(kbs(search(machine(List.of("KB5000002"), products(OS), null)))).containsExactly("KB5000003");
        assertThat(kbs(search(machine(List.of("KB5000001"), products(OS), null)))).containsExactly("KB5000003");
    }

    @Test
    void products_the_machine_does_not_have_are_not_searched() {
        assertThat(kbs(search(machine(List.of(), products(OS), null)))).containsExactly("KB5000003");
    }

    @Test
    void an_update_waiting_for_a_restart_is_not_missing_and_installs_and_reimages_change_the_answer() {
        SimulatedMachine.Reimage reimage = new SimulatedMachine.Reimage(NOW.plus(Duration.ofDays(1)), List.of());
        SimulatedEndpoint endpoint = new SimulatedEndpoint(machine(List.of(), products(OS), reimage), clock, OFFERS);
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow())).containsExactly("KB5000003");

        endpoint.install(new InstallRequest("KB5000003", null, List.of(), NOW, Duration.ofHours(1)));
        assertThat(endpoint.pendingReboot().pending()).as("the default install needs no restart").isFalse();
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow())).isEmpty();

        clock.advance(Duration.ofDays(2));
        assertThat(kbs(endpoint.searchWindowsUpdate().orElseThrow())).as("after the reimage").containsExactly("KB5000003");
    }

    @Test
    void extra_offers_hidden_updates_and_failed_searches_are_what_the_machine_was_given() {
        WindowsUpdateOffers.Offer notInCatalog = new WindowsUpdateOffers.Offer("KB5099999", "Security update the catalog lacks",
            "Security Updates", "Important", LocalDate.of(2026, 3, 1), null, null);
        WindowsUpdateOffers.Offer definitions = new WindowsUpdateOffers.Offer("KB2267602", "Definition update",
            "Definition Updates", null, LocalDate.of(2026, 3, 19), null, null);
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
    void a_machine_without_windows_update_has_nothing_to_ask() {
        assertThat(new SimulatedEndpoint(machine(List.of(), null, null), clock, OFFERS).searchWindowsUpdate()).isEmpty();
    }

    @Test
    void offers_survive_their_file_and_a_saved_machine_keeps_its_windows_update() {
        Path file = directory.resolve("offers.json.gz");
        OFFERS.write(file);
        WindowsUpdateOffers read = WindowsUpdateOffers.read(file);
        assertThat(read.products()).isEqualTo(OFFERS.products());
        assertThat(read.supersedersOf(OS, "KB5000001")).containsExactly("KB5000002");

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
