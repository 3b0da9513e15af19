package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.core.rules.InstallReturnCodes;

/** The installer runner is plain Java: exercised here with a shell standing in for wusa/msiexec. */
class ProcessRunnerTest {

    @TempDir
    Path logs;

    @Test
    void the_exit_code_of_the_installer_is_captured_with_its_output_logged() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        ProcessRunner runner = new ProcessRunner(Clock.systemUTC(), logs);
        InstallResult result = runner.run("KB1", List.of("/bin/sh", "-c", "echo installing; exit 194"), Instant.now(),
            Duration.ofSeconds(30));
        assertThat(result.returnCode()).isEqualTo(194);
        assertThat(Files.readString(logs.resolve("KB1.log"))).contains("installing");
    }

    @Test
    void an_installer_that_hangs_is_killed_and_reported_as_timed_out() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        ProcessRunner runner = new ProcessRunner(Clock.systemUTC(), logs);
        InstallResult result = runner.run("KB2", List.of("/bin/sh", "-c", "sleep 30"), Instant.now(), Duration.ofMillis(300));
        assertThat(result.returnCode()).isEqualTo(InstallReturnCodes.INSTALL_TIMED_OUT);
        assertThat(result.detail()).contains("did not finish");
    }

    @Test
    void an_installer_that_cannot_start_is_reported_not_thrown() {
        ProcessRunner runner = new ProcessRunner(Clock.systemUTC(), logs);
        InstallResult result = runner.run("KB3", List.of(logs.resolve("missing.exe").toString()), Instant.now(),
            Duration.ofSeconds(5));
        assertThat(result.returnCode()).isEqualTo(InstallReturnCodes.INSTALLER_NOT_STARTED);
        assertThat(result.detail()).contains("missing.exe");
    }
}
