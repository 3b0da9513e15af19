package org.patchlake.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryOutcome;
import org.patchlake.core.protocol.InstallerKind;
import org.patchlake.core.protocol.MaintenanceWindow;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicyState;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.core.protocol.RebootBehaviour;
import org.patchlake.core.protocol.RebootSettings;
import org.patchlake.core.rules.InstallReturnCodes;
import org.patchlake.core.rules.InstallReturnCodes.Category;

class PolicyRunnerTest {

    static final Path MACHINE = Path.of("src/test/resources/machines/ws-1809.json");
    /** Monday 2026-11-23, 12:00 UTC. */
    static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");
    static final MaintenanceWindow MONDAY_NIGHT = new MaintenanceWindow(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), 180,
        "UTC");

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(MONDAY_NOON);
    private final SimulatedEndpoint machine = SimulatedEndpoint.load(MACHINE, clock);
    private final RecordingEndpoint endpoint = new RecordingEndpoint(machine);
    private final Map<String, UpdateProgress> progress = new HashMap<>();
    private final List<String> fetched = new ArrayList<>();
    private PolicyRunner runner;
    private Path packageFile;
    private String packageSha256;

    @BeforeEach
    void packages() throws Exception {
        packageFile = Files.writeString(directory.resolve("verified.msu"), "the update's bytes");
        packageSha256 = HttpPackageSource.sha256(packageFile);
        runner = new PolicyRunner(endpoint, update -> {
            fetched.add(update.kb());
            return packageFile;
        }, Duration.ofMinutes(30), Duration.ofHours(1), false);
    }

    private PolicyUpdate update(String kb) {
        return new PolicyUpdate(kb, "Windows 10 Version 1809 for x64-based Systems", "http://packages/" + kb + ".msu",
            packageSha256, InstallerKind.MSU, null);
    }

    private Policy policy(MaintenanceWindow window, Instant deadline, RebootSettings reboot, PolicyState state,
                                 String... kbs) {
        return new Policy("p-1", 1, java.util.Arrays.stream(kbs).map(this::update).toList(), MONDAY_NOON.minusSeconds(60),
            window, deadline, reboot, 3, state);
    }

    private List<DeliveryAttempt> runAt(Policy policy, Instant now) {
        clock.set(now);
        return runner.run(List.of(policy), progress, now).attempts();
    }

    @Test
    void nothing_installs_outside_the_maintenance_window_and_everything_inside_it() {
        Policy policy = policy(MONDAY_NIGHT, null, RebootSettings.NEVER, PolicyState.ACTIVE, "KB5000001");
        assertThat(runAt(policy, MONDAY_NOON)).isEmpty();
        assertThat(runAt(policy, Instant.parse("2026-11-23T22:30:00Z"))).extracting(DeliveryAttempt::outcome)
            .containsExactly(DeliveryOutcome.SUCCEEDED);
    }

    @Test
    void past_its_deadline_a_policy_installs_even_outside_its_window() {
        Policy policy = policy(MONDAY_NIGHT, MONDAY_NOON.plusSeconds(3600), RebootSettings.NEVER, PolicyState.ACTIVE, "KB5000001");
        assertThat(runAt(policy, MONDAY_NOON)).isEmpty();
        assertThat(runAt(policy, MONDAY_NOON.plusSeconds(3600))).hasSize(1);
    }

    @Test
    void paused_and_cancelled_policies_install_nothing() {
        assertThat(runAt(policy(null, null, RebootSettings.NEVER, PolicyState.PAUSED, "KB5000001"), MONDAY_NOON)).isEmpty();
        assertThat(runAt(policy(null, null, RebootSettings.NEVER, PolicyState.CANCELLED, "KB5000001"), MONDAY_NOON)).isEmpty();
    }

    @Test
    void an_update_already_installed_is_reported_as_such_without_running_an_installer() {
        assertThat(runAt(policy(null, null, RebootSettings.NEVER, PolicyState.ACTIVE, "KB4480116"), MONDAY_NOON))
            .singleElement().satisfies(attempt -> {
                assertThat(attempt.returnCode()).isEqualTo(2359302L);
                assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.SUCCEEDED);
                assertThat(attempt.message()).contains("no installer run");
            });
    }

    @Test
    void never_means_the_computer_stays_pending_until_someone_restarts_it() {
        Policy policy = policy(null, null, RebootSettings.NEVER, PolicyState.ACTIVE, "KB4489899");
        runAt(policy, MONDAY_NOON);
        assertThat(runner.run(List.of(policy), progress, MONDAY_NOON.plusSeconds(86_400)).restarts()).isEmpty();
        clock.set(MONDAY_NOON.plusSeconds(86_400));
        assertThat(machine.pendingReboot().pending()).isTrue();
    }

    @Test
    void a_scheduled_restart_waits_for_its_local_time_minus_the_notice() {
        RebootSettings at3 = new RebootSettings(RebootBehaviour.SCHEDULED, LocalTime.of(3, 0), 15, null);
        Policy policy = policy(null, null, at3, PolicyState.ACTIVE, "KB4489899");
        runAt(policy, MONDAY_NOON);
        assertThat(runner.run(List.of(policy), progress, Instant.parse("2026-11-24T02:44:00Z")).restarts()).isEmpty();
        List<RestartRecord> restarts = runner.run(List.of(policy), progress, Instant.parse("2026-11-24T02:45:00Z")).restarts();
        assertThat(restarts).singleElement().satisfies(restart -> {
            assertThat(restart.behaviour()).isEqualTo(RebootBehaviour.SCHEDULED);
            assertThat(restart.noticeMinutes()).isEqualTo(15);
            assertThat(restart.noticeMessage()).isEqualTo(PolicyRunner.DEFAULT_NOTICE);
        });
        clock.set(Instant.parse("2026-11-24T03:00:00Z"));
        assertThat(machine.isKbInstalled("KB4489899")).isTrue();
        assertThat(runner.run(List.of(policy), progress, Instant.parse("2026-11-24T04:00:00Z")).restarts())
            .as("one restart per install").isEmpty();
    }

    @Test
    void end_of_cycle_restarts_before_the_window_closes_even_with_retries_left() {
        RebootSettings endOfCycle = new RebootSettings(RebootBehaviour.END_OF_CYCLE, null, 10, "bye");
        Policy policy = policy(MONDAY_NIGHT, null, endOfCycle, PolicyState.ACTIVE, "KB4489899", "KB4493509");
        runAt(policy, Instant.parse("2026-11-23T22:00:00Z"));
        PolicyRunner.Run retry = runner.run(List.of(policy), progress, Instant.parse("2026-11-24T00:30:00Z"));
        assertThat(retry.attempts()).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryOutcome.FAILED_WILL_RETRY);
        assertThat(retry.restarts()).isEmpty();
        PolicyRunner.Run closing = runner.run(List.of(policy), progress, Instant.parse("2026-11-24T00:50:00Z"));
        assertThat(closing.attempts()).as("the next retry is not due yet").isEmpty();
        assertThat(closing.restarts()).as("window ends 01:00, notice 10 minutes").hasSize(1);
    }

    @Test
    void a_package_changed_after_its_download_was_verified_is_refused_and_no_installer_runs() throws Exception {
        Path swapped = Files.writeString(directory.resolve("swapped.msu"), "planted bytes");
        PolicyRunner tampered = new PolicyRunner(endpoint, update -> swapped, Duration.ofMinutes(30), Duration.ofHours(1), false);
        clock.set(MONDAY_NOON);
        List<DeliveryAttempt> attempts = tampered.run(List.of(policy(null, null, RebootSettings.NEVER, PolicyState.ACTIVE,
            "KB5000001")), progress, MONDAY_NOON).attempts();
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.returnCode()).isEqualTo(InstallReturnCodes.PACKAGE_HASH_MISMATCH);
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(attempt.message()).contains("on the handle it would run from");
        });
        assertThat(endpoint.installs).isEmpty();
        assertThat(swapped).as("the planted file is removed").doesNotExist();
    }

    @Test
    void the_installed_updates_are_read_once_per_run_however_many_updates_are_due() {
        runAt(policy(null, null, RebootSettings.NEVER, PolicyState.ACTIVE, "KB4480116", "KB5000001", "KB5000002", "KB5000003"),
            MONDAY_NOON);
        assertThat(endpoint.installedUpdateReads).isEqualTo(1);
        assertThat(endpoint.isKbInstalledCalls).isZero();
        assertThat(fetched).containsExactly("KB5000001", "KB5000002", "KB5000003");
        assertThat(endpoint.installs).extracting(InstallRequest::kb).containsExactly("KB5000001", "KB5000002", "KB5000003");
    }

    @Test
    void unreadable_installed_updates_let_the_installer_decide_instead_of_ending_the_run() {
        endpoint.installedUpdatesFailure = "WMI Win32_QuickFixEngineering: HRESULT 0x80041003 (access denied)";
        List<DeliveryAttempt> attempts = runAt(policy(null, null, RebootSettings.NEVER, PolicyState.ACTIVE, "KB4480116",
            "KB5000001"), MONDAY_NOON);
        assertThat(attempts).extracting(DeliveryAttempt::returnCode).containsExactly(2359302L, 0L);
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.message())
            .contains("the installed updates could not be read").contains("0x80041003"));
        assertThat(endpoint.installedUpdateReads).as("a failed read is not repeated per update").isEqualTo(1);
    }

    @Test
    void a_restart_the_os_refused_is_recorded_as_failed_and_asked_again_after_the_retry_delay() {
        RebootSettings endOfCycle = new RebootSettings(RebootBehaviour.END_OF_CYCLE, null, 10, null);
        Policy policy = policy(null, null, endOfCycle, PolicyState.ACTIVE, "KB4489899");
        endpoint.restartAnswers.add(new RestartOutcome(RestartOutcome.Status.FAILED, 5, "access denied"));
        // KB4489899 takes 900 s and returns 3010: the restart is asked for when the install ends
        assertThat(runner.run(List.of(policy), progress, MONDAY_NOON).restarts()).singleElement().satisfies(restart -> {
            assertThat(restart.outcome()).isEqualTo("FAILED");
            assertThat(restart.detail()).isEqualTo("access denied");
        });
        assertThat(runner.run(List.of(policy), progress, MONDAY_NOON.plusSeconds(900 + 1700)).restarts()).as("within the retry delay")
            .isEmpty();
        endpoint.restartAnswers.add(new RestartOutcome(RestartOutcome.Status.ALREADY_PENDING, 1190,
            "a shutdown was already scheduled (1190 ERROR_SHUTDOWN_IS_SCHEDULED)"));
        assertThat(runner.run(List.of(policy), progress, MONDAY_NOON.plusSeconds(900 + 1800)).restarts()).singleElement()
            .satisfies(restart -> assertThat(restart.outcome()).isEqualTo("ALREADY_PENDING"));
        assertThat(runner.run(List.of(policy), progress, MONDAY_NOON.plusSeconds(7200)).restarts())
            .as("a restart that is coming is not asked for again").isEmpty();
        assertThat(endpoint.restartRequests).hasSize(2);
    }

    @Test
    void quoted_install_switches_reach_the_endpoint_as_windows_would_split_them() {
        Policy policy = new Policy("p-1", 1, List.of(new PolicyUpdate("KB5000009", "Contoso", "http://packages/setup.exe",
            packageSha256, InstallerKind.EXE, "/VERYSILENT /DIR=\"C:\\Program Files\\Contoso App\"")), MONDAY_NOON.minusSeconds(60),
            null, null, RebootSettings.NEVER, 3, PolicyState.ACTIVE);
        runAt(policy, MONDAY_NOON);
        assertThat(endpoint.installs).singleElement().satisfies(request -> assertThat(request.arguments())
            .containsExactly("/VERYSILENT", "/DIR=C:\\Program Files\\Contoso App"));
    }

    @Test
    void outcomes_follow_the_return_code_category_and_the_retry_count() {
        assertThat(PolicyRunner.outcome(Category.RETRYABLE, 1, 3)).isEqualTo(DeliveryOutcome.FAILED_WILL_RETRY);
        assertThat(PolicyRunner.outcome(Category.FAILED, 3, 3)).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(PolicyRunner.outcome(Category.REFUSED, 1, 3)).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(PolicyRunner.outcome(Category.SUCCESS_REBOOT_INITIATED, 1, 3)).isEqualTo(DeliveryOutcome.SUCCEEDED_REBOOT_REQUIRED);
        assertThat(PolicyRunner.outcome(Category.ALREADY_INSTALLED, 1, 3)).isEqualTo(DeliveryOutcome.SUCCEEDED);
    }
}
