package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.core.rules.InstallReturnCodes;

class RestartCommandTest {

    static final Instant AT = Instant.parse("2026-11-21T22:00:00Z");

    @Test
    void the_restart_carries_delay_and_reason_and_is_recorded_as_a_planned_security_fix() {
        RestartRequest request = new RestartRequest(AT, Duration.ofMinutes(15), "Patchlake restarts \"now\"\nfor KB4489899");
        assertThat(RestartCommand.of(request, "C:\\Windows")).containsExactly("C:\\Windows\\System32\\shutdown.exe", "/r",
            "/t", "900", "/c", "Patchlake restarts 'now' for KB4489899", "/d", "p:2:18");
    }

    @Test
    void the_exit_code_of_shutdown_decides_whether_a_restart_is_coming() {
        assertThat(RestartCommand.outcome(run(0)).status()).isEqualTo(RestartOutcome.Status.SCHEDULED);
        RestartOutcome scheduledBefore = RestartCommand.outcome(run(1190));
        assertThat(scheduledBefore.status()).isEqualTo(RestartOutcome.Status.ALREADY_PENDING);
        assertThat(scheduledBefore.restartComing()).isTrue();
        assertThat(scheduledBefore.detail()).contains("1190").contains("not after this request's notice");
        assertThat(RestartCommand.outcome(run(1115)).status()).isEqualTo(RestartOutcome.Status.ALREADY_PENDING);
        RestartOutcome denied = RestartCommand.outcome(run(5));
        assertThat(denied.status()).isEqualTo(RestartOutcome.Status.FAILED);
        assertThat(denied.restartComing()).isFalse();
        assertThat(denied.detail()).contains("0x00000005");
        assertThat(RestartCommand.outcome(run(InstallReturnCodes.INSTALLER_NOT_STARTED)).restartComing()).isFalse();
    }

    private static InstallResult run(long code) {
        return new InstallResult(code, AT, AT, "shutdown.exe exited with " + code);
    }
}
