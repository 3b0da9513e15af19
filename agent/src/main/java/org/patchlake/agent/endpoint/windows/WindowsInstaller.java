package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.core.protocol.InstallerKind;
import org.patchlake.core.rules.InstallReturnCodes;

/**
 * Installs packages on Windows: waits for nothing and starts nothing while servicing is busy (reported as the
 * busy code the installer itself would have returned), picks the command line ({@link InstallerCommand}), runs it,
 * and after a timeout waits for the servicing the killed client started to finish before reporting. Updates that
 * must go in together (checkpoint cumulative updates) are added in one DISM call. Plain Java over
 * {@link InstallerProcess} and {@link ServicingProbe}: runs on any OS with fakes for both.
 */
public final class WindowsInstaller {

    private final InstallerProcess processes;
    private final ServicingProbe probe;
    private final ServicingWait wait;
    private final Clock clock;
    private final Path logs;
    private final String systemRoot;

    public WindowsInstaller(InstallerProcess processes, ServicingProbe probe, ServicingWait wait, Clock clock, Path logs,
                            String systemRoot) {
        this.processes = requireNonNull(processes, "processes is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.wait = requireNonNull(wait, "wait is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.logs = requireNonNull(logs, "logs is null");
        this.systemRoot = requireNonNull(systemRoot, "systemRoot is null");
    }

    public InstallResult install(InstallRequest request) {
        Instant started = request.startedAt();
        if (request.packageFile() == null) {
            return result(InstallReturnCodes.INSTALLER_NOT_STARTED, started, request.kb()
                + ": no package; installing through the Windows Update Agent is not implemented");
        }
        String name = request.kb() + "-" + started.toEpochMilli();
        InstallerKind kind;
        try {
            kind = InstallerCommand.kindOf(request.packageFile());
        } catch (IllegalArgumentException e) {
            return result(InstallReturnCodes.INSTALLER_NOT_STARTED, started, e.getMessage());
        }
        List<String> command;
        try {
            InstallerFamily family = kind == InstallerKind.EXE && request.arguments().isEmpty()
                ? family(request.packageFile()) : InstallerFamily.UNKNOWN;
            command = InstallerCommand.forPackage(request.packageFile(), request.arguments(), family, log(name, kind), systemRoot);
        } catch (IllegalArgumentException e) {
            return result(InstallReturnCodes.SILENT_SWITCHES_UNKNOWN, started, e.getMessage());
        } catch (IOException e) {
            return result(InstallReturnCodes.INSTALLER_NOT_STARTED, started, request.kb() + ": cannot read "
                + request.packageFile() + " to recognise its installer: " + e.getMessage());
        }
        return run(name, kind, command, request);
    }

    /** Several .msu packages in one DISM call; every request gets DISM's result. */
    public List<InstallResult> installTogether(List<InstallRequest> requests) {
        InstallRequest first = requests.get(0);
        String kbs = requests.stream().map(InstallRequest::kb).collect(Collectors.joining(", "));
        String name = "dism-" + first.startedAt().toEpochMilli();
        List<Path> packages = requests.stream().map(InstallRequest::packageFile).toList();
        InstallResult together = run(name, InstallerKind.MSU, InstallerCommand.dism(packages, logs.resolve(name + ".dism.log"),
            systemRoot), first);
        List<InstallResult> results = new ArrayList<>();
        for (InstallRequest request : requests) {
            results.add(new InstallResult(together.returnCode(), together.startedAt(), together.endedAt(),
                "added together with " + kbs + " in one DISM call (checkpoint cumulative updates): " + together.detail()));
        }
        return results;
    }

    private InstallResult run(String name, InstallerKind kind, List<String> command, InstallRequest request) {
        Instant started = request.startedAt();
        var busy = probe.busy(kind);
        if (busy.isPresent()) {
            long code = kind == InstallerKind.MSU || kind == InstallerKind.CAB ? 0x80240016L : 1618L;
            return result(code, started, "not started: " + busy.get() + "; tried again later");
        }
        InstallResult result = processes.run(name, WindowsCommandLine.forProcessBuilder(command), started, request.timeout());
        if (result.returnCode() != InstallReturnCodes.INSTALL_TIMED_OUT) {
            return result;
        }
        ServicingWait.Outcome outcome = wait.untilIdle(kind, request.timeout());
        String next = outcome.idle() ? "the next attempt finds out whether the update was installed"
            : "the next attempt starts only when servicing is idle";
        return new InstallResult(InstallReturnCodes.INSTALL_TIMED_OUT, started, later(started),
            result.detail() + "; " + outcome.describe() + "; " + next);
    }

    private Path log(String name, InstallerKind kind) {
        return logs.resolve(name + switch (kind) {
            case MSU -> ".wusa.evtx";
            case MSI, MSP -> ".msi.log";
            case CAB -> ".dism.log";
            case EXE -> ".exe.log";
        });
    }

    private static InstallerFamily family(Path packageFile) throws IOException {
        try (InputStream in = Files.newInputStream(packageFile)) {
            return InstallerFamily.detect(in);
        }
    }

    private InstallResult result(long code, Instant started, String detail) {
        return new InstallResult(code, started, later(started), detail);
    }

    private Instant later(Instant started) {
        Instant now = clock.instant();
        return now.isBefore(started) ? started : now;
    }
}
