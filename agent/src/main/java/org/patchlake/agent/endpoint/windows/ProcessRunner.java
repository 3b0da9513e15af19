package org.patchlake.agent.endpoint.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * Runs an installer process to completion and captures its exit code. Output goes to a log file (installers
 * can write a lot; a full pipe would block them). A process that does not finish in time is killed and
 * reported as {@link InstallReturnCodes#INSTALL_TIMED_OUT}; one that cannot start as
 * {@link InstallReturnCodes#INSTALLER_NOT_STARTED}. Plain Java: runs (and is tested) on any OS.
 */
public final class ProcessRunner implements InstallerProcess {

    private final Clock clock;
    private final Path logDirectory;

    public ProcessRunner(Clock clock, Path logDirectory) {
        this.clock = clock;
        this.logDirectory = logDirectory;
    }

    @Override
    public InstallResult run(String name, List<String> command, Instant startedAt, Duration timeout) {
        Path log = logDirectory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
        Process process;
        try {
            Files.createDirectories(logDirectory);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException | RuntimeException e) {
            return new InstallResult(InstallReturnCodes.INSTALLER_NOT_STARTED, startedAt, later(startedAt),
                "could not start " + command + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new InstallResult(InstallReturnCodes.INSTALL_TIMED_OUT, startedAt, later(startedAt),
                    command.get(0) + " did not finish within " + timeout + "; killed (output in " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new InstallResult(InstallReturnCodes.INSTALL_TIMED_OUT, startedAt, later(startedAt),
                "interrupted while waiting for " + command.get(0));
        }
        long code = InstallReturnCodes.normalise(process.exitValue());
        return new InstallResult(code, startedAt, later(startedAt),
            command.get(0) + " exited with " + InstallReturnCodes.hex(code) + " (output in " + log + ")");
    }

    private Instant later(Instant startedAt) {
        Instant now = clock.instant();
        return now.isBefore(startedAt) ? startedAt : now;
    }
}
