package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.core.protocol.InstallerKind;
import org.patchlake.core.rules.InstallReturnCodes;

/** The install path through fakes of the process launcher and the servicing signals. */
class WindowsInstallerTest {

    static final Instant NOW = Instant.parse("2026-11-23T22:00:00Z");

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(NOW);
    private final RecordingProcesses processes = new RecordingProcesses();
    private final ScriptedProbe probe = new ScriptedProbe();

    private WindowsInstaller installer() {
        ServicingWait wait = new ServicingWait(probe, clock, duration -> clock.set(clock.instant().plus(duration)),
            Duration.ofSeconds(30));
        return new WindowsInstaller(processes, probe, wait, clock, directory.resolve("logs"), "C:\\Windows");
    }

    private InstallRequest request(String kb, Path file, List<String> switches) {
        return new InstallRequest(kb, file, switches, NOW, Duration.ofHours(2));
    }

    @Test
    void quoted_exe_switches_reach_the_process_as_the_policy_wrote_them() throws Exception {
        Path setup = Files.write(directory.resolve("KB1-setup.exe"), InstallerCommandTest.withMarkerAt(10, "Inno Setup Setup Data"));
        List<String> switches = WindowsCommandLine.split("/VERYSILENT /DIR=\"C:\\Program Files\\Contoso App\" /TASKS=\"a,b\"");
        installer().install(request("KB1", setup, switches));
        List<String> started = processes.commands.get(0);
        String line = WindowsCommandLineTest.processBuilderCommandLine(started);
        assertThat(WindowsCommandLine.split(line.substring(line.indexOf(' ') + 1)))
            .containsExactly("/VERYSILENT", "/DIR=C:\\Program Files\\Contoso App", "/TASKS=a,b");
    }

    @Test
    void an_nsis_installer_without_switches_runs_with_slash_s_and_an_unknown_one_is_refused_unstarted() throws Exception {
        Path nsis = Files.write(directory.resolve("KB2-nsis.exe"), InstallerCommandTest.withMarkerAt(4096, "NullsoftInst"));
        installer().install(request("KB2", nsis, List.of()));
        assertThat(processes.commands).singleElement().isEqualTo(List.of(nsis.toString(), "/S"));

        Path mystery = Files.write(directory.resolve("KB3-mystery.exe"), new byte[] {'M', 'Z', 0, 0});
        InstallResult refused = installer().install(request("KB3", mystery, List.of()));
        assertThat(refused.returnCode()).isEqualTo(InstallReturnCodes.SILENT_SWITCHES_UNKNOWN);
        assertThat(InstallReturnCodes.describe(refused.returnCode()).category()).isEqualTo(InstallReturnCodes.Category.REFUSED);
        assertThat(refused.detail()).contains("installSwitches");
        assertThat(processes.commands).as("nothing more was started").hasSize(1);
    }

    @Test
    void msiexec_is_not_started_while_windows_installer_runs_another_installation() {
        probe.busy.add(Optional.of("Windows Installer is running another installation (_MSIExecute)"));
        InstallResult result = installer().install(request("KB4", directory.resolve("KB4-app.msi"), List.of()));
        assertThat(result.returnCode()).isEqualTo(1618L);
        assertThat(result.detail()).startsWith("not started: Windows Installer is running another installation");
        assertThat(processes.commands).isEmpty();
        assertThat(probe.asked).containsExactly(InstallerKind.MSI);
    }

    @Test
    void after_a_timeout_the_agent_waits_for_servicing_to_finish_and_says_so() {
        processes.results.add(InstallReturnCodes.INSTALL_TIMED_OUT);
        probe.busy.add(Optional.empty());
        probe.busy.add(Optional.of("Component Based Servicing holds an exclusive session (SessionsPending Exclusive=1)"));
        probe.busy.add(Optional.of("Component Based Servicing holds an exclusive session (SessionsPending Exclusive=1)"));
        probe.busy.add(Optional.empty());
        InstallResult result = installer().install(request("KB5", directory.resolve("KB5-lcu.msu"), List.of()));
        assertThat(result.returnCode()).isEqualTo(InstallReturnCodes.INSTALL_TIMED_OUT);
        assertThat(result.detail()).contains("servicing finished 1 min later")
            .contains("the next attempt finds out whether the update was installed");
        assertThat(result.endedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(processes.commands).as("no second wusa while servicing was busy").hasSize(1);
    }

    @Test
    void servicing_still_busy_at_the_limit_is_reported_as_such() {
        processes.results.add(InstallReturnCodes.INSTALL_TIMED_OUT);
        probe.busy.add(Optional.empty());
        probe.always = Optional.of("wusa.exe is still installing a package");
        InstallResult result = installer().install(new InstallRequest("KB6", directory.resolve("KB6-lcu.msu"), List.of(), NOW,
            Duration.ofMinutes(10)));
        assertThat(result.detail()).contains("servicing was still busy 10 min later (wusa.exe is still installing a package)")
            .contains("the next attempt starts only when servicing is idle");
    }

    @Test
    void checkpoint_updates_are_added_in_one_dism_call_and_share_its_result() {
        processes.results.add(3010L);
        List<InstallResult> results = installer().installTogether(List.of(
            request("KB5043080", directory.resolve("KB5043080-a.msu"), List.of()),
            request("KB5044284", directory.resolve("KB5044284-b.msu"), List.of())));
        assertThat(processes.commands).singleElement().satisfies(command -> assertThat(command)
            .contains("/packagepath:" + directory.resolve("KB5043080-a.msu"), "/packagepath:" + directory.resolve("KB5044284-b.msu")));
        assertThat(results).extracting(InstallResult::returnCode).containsExactly(3010L, 3010L);
        assertThat(results.get(1).detail()).contains("added together with KB5043080, KB5044284 in one DISM call");
    }

    @Test
    void a_package_of_an_unknown_kind_is_not_started() {
        InstallResult result = installer().install(request("KB7", directory.resolve("KB7.zip"), List.of()));
        assertThat(result.returnCode()).isEqualTo(InstallReturnCodes.INSTALLER_NOT_STARTED);
        assertThat(result.detail()).contains("unsupported installer type '.zip'");
    }

    /** Records the commands it is given and answers scripted exit codes (0 when none is left). */
    static final class RecordingProcesses implements InstallerProcess {
        final List<List<String>> commands = new ArrayList<>();
        final Deque<Long> results = new ArrayDeque<>();

        @Override
        public InstallResult run(String name, List<String> command, Instant startedAt, Duration timeout) {
            commands.add(List.copyOf(command));
            long code = results.isEmpty() ? 0L : results.pop();
            return new InstallResult(code, startedAt, startedAt, command.get(0) + " exited with " + InstallReturnCodes.hex(code));
        }
    }

    /** Answers the scripted busy states in order, then {@code always}. */
    static final class ScriptedProbe implements ServicingProbe {
        final Deque<Optional<String>> busy = new ArrayDeque<>();
        final List<InstallerKind> asked = new ArrayList<>();
        Optional<String> always = Optional.empty();

        @Override
        public Optional<String> busy(InstallerKind kind) {
            asked.add(kind);
            return busy.isEmpty() ? always : busy.pop();
        }
    }
}
