package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.ptr.IntByReference;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.core.protocol.AgentSettings;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.WindowsUpdateVerdict;
import org.patchlake.core.rules.FactUnavailableException;
import org.patchlake.core.rules.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Windows computer, through JNA. The decisions (which registry keys mean a pending restart, how a
 * registry value, a QFE date or a history entry is read, which command line installs a package, what a restart's
 * exit code means, how Windows Update's answer becomes a verdict) live in plain classes of this package that are
 * tested on any OS; this class wires them to the native calls. See agent/README.md for the first-run checklist.
 */
public final class WindowsEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsEndpoint.class);
    private static final int ERROR_SERVICE_DISABLED_HRESULT = 0x80070422;
    /** Windows 11 24H2 and Server 2025: cumulative updates may need a checkpoint installed first. */
    static final int CHECKPOINT_BUILD = 26100;

    private final RegistryReader registry;
    private final Clock clock;
    private final Map<String, String> environment;
    private final WindowsIdentity identity;
    private final WindowsUpdateAgentHistory history;
    private final WmiQuickFixEngineering quickFixes;
    private final QuickFixDates quickFixDates;
    private final WindowsInstaller installer;
    private final InstallerProcess processes;
    private final WindowsUpdateSearcher searcher;
    private final WindowsUpdateVerdictCache verdicts = new WindowsUpdateVerdictCache();
    private final Path offlineScanFileFlag;
    private volatile AgentSettings settings = AgentSettings.DEFAULTS;

    private WindowsEndpoint(Clock clock, Path logDirectory, Map<String, String> environment, Path offlineScanFileFlag) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.offlineScanFileFlag = offlineScanFileFlag;
        this.registry = new RegistryReader(new Advapi32RawRegistry());
        ComRuntime com = new ComRuntime();
        this.identity = new WindowsIdentity(registry, new Kernel32ComputerNames());
        this.history = new WindowsUpdateAgentHistory(com);
        this.quickFixes = new WmiQuickFixEngineering(com);
        this.quickFixDates = WindowsLocale.quickFixDates();
        this.searcher = new WindowsUpdateSearcher(com);
        this.processes = new ProcessRunner(clock, logDirectory);
        ServicingProbe probe = new WindowsServicingProbe(registry);
        this.installer = new WindowsInstaller(processes, probe,
            new ServicingWait(probe, clock, duration -> Thread.sleep(duration.toMillis()), Duration.ofSeconds(30)),
            clock, logDirectory, systemRoot());
    }

    /**
     * Fails with a clear message anywhere but Windows (the native calls would throw UnsatisfiedLinkError) and in a
     * 32-bit Java on 64-bit Windows (its System32 would be SysWOW64, so file versions, wusa and DISM would be the
     * 32-bit ones).
     *
     * @param offlineScanFile the agent's {@code --offline-scan-file}, or null (then the server's setting, or online)
     */
    public static WindowsEndpoint create(Clock clock, Path logDirectory, Map<String, String> environment, Path offlineScanFile) {
        requireNonNull(clock, "clock is null");
        if (!Platform.isWindows()) {
            throw new IllegalStateException("the Windows endpoint needs Windows (this is " + System.getProperty("os.name")
                + "); use --simulate machine.json elsewhere");
        }
        IntByReference wow64 = new IntByReference();
        if (Kernel32.INSTANCE.IsWow64Process(Kernel32.INSTANCE.GetCurrentProcess(), wow64) && wow64.getValue() != 0) {
            throw new IllegalStateException("this is a 32-bit Java on 64-bit Windows: System32 would be redirected to "
                + "SysWOW64 and the agent would read and run the 32-bit files; install a 64-bit Java 17 runtime");
        }
        return new WindowsEndpoint(clock, logDirectory, environment, offlineScanFile);
    }

    @Override
    public ComputerIdentity osIdentity() {
        return identity.read();
    }

    /**
     * WMI's QFE list and the Windows Update history, merged ({@link InstalledUpdates}). Either failing makes the list
     * unreadable (the scan then reports no change rather than a partial list), except a disabled Windows Update
     * service, where QFE alone is the answer.
     */
    @Override
    public List<InstalledUpdate> installedUpdates() {
        UpdateHistory updateHistory;
        try {
            updateHistory = UpdateHistory.of(history.read());
        } catch (ComFailure e) {
            if (e.hresult() != ERROR_SERVICE_DISABLED_HRESULT) {
                throw e;
            }
            LOG.warn("Windows Update service is disabled; installed updates come from WMI alone: {}", e.getMessage());
            updateHistory = UpdateHistory.EMPTY;
        }
        return InstalledUpdates.merge(updateHistory, InstalledUpdates.fromQuickFixRows(quickFixes.read(), quickFixDates));
    }

    @Override
    public Instant lastBootAt() {
        return clock.instant().minusMillis(Kernel32.INSTANCE.GetTickCount64());
    }

    @Override
    public PendingReboot pendingReboot() {
        return new PendingRebootDetector(registry).detect();
    }

    @Override
    public InstallResult install(InstallRequest request) {
        return installer.install(request);
    }

    /**
     * On Windows 11 24H2 / Server 2025 every .msu of the run goes into one DISM call (so checkpoint cumulative updates
     * go in before the updates built on them), then the other packages one by one; results in request order.
     */
    @Override
    public List<InstallResult> installAll(List<InstallRequest> requests) {
        List<Integer> msus = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        boolean checkpoints = osBuildNumber() >= CHECKPOINT_BUILD;
        for (int index = 0; index < requests.size(); index++) {
            Path file = requests.get(index).packageFile();
            boolean msu = file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".msu");
            (checkpoints && msu ? msus : others).add(index);
        }
        if (msus.isEmpty()) {
            return Endpoint.super.installAll(requests);
        }
        InstallResult[] results = new InstallResult[requests.size()];
        List<InstallResult> together = installer.installTogether(msus.stream().map(requests::get).toList());
        for (int position = 0; position < msus.size(); position++) {
            results[msus.get(position)] = together.get(position);
        }
        Instant next = together.get(0).endedAt();
        List<InstallResult> rest = Endpoint.super.installAll(others.stream().map(requests::get)
            .map(request -> new InstallRequest(request.kb(), request.packageFile(), request.arguments(),
                next.isAfter(request.startedAt()) ? next : request.startedAt(), request.timeout())).toList());
        for (int position = 0; position < others.size(); position++) {
            results[others.get(position)] = rest.get(position);
        }
        return List.of(results);
    }

    @Override
    public RestartOutcome restart(RestartRequest request) {
        InstallResult run = processes.run("restart-" + request.requestedAt().toEpochMilli(),
            WindowsCommandLine.forProcessBuilder(RestartCommand.of(request, systemRoot())), request.requestedAt(),
            Duration.ofMinutes(1));
        RestartOutcome outcome = RestartCommand.outcome(run);
        LOG.info("restart requested: {}", outcome.detail());
        return outcome;
    }

    @Override
    public void settingsReceived(AgentSettings newSettings) {
        settings = requireNonNull(newSettings, "settings is null");
    }

    @Override
    public Optional<WindowsUpdateVerdict> searchWindowsUpdate() {
        AgentSettings current = settings;
        String configured = offlineScanFileFlag != null ? offlineScanFileFlag.toString() : current.offlineScanFile();
        return Optional.of(verdicts.get(clock.instant(), Duration.ofMinutes(current.scanIntervalMinutes()),
            configured == null ? "online" : configured, () -> WindowsUpdateSearches.run(searcher, configured, clock)));
    }

    @Override
    public boolean registryKeyExists(String key) {
        return registry.keyExists(RegistryPath.parse(key));
    }

    @Override
    public Optional<String> registryValue(String key, String name) {
        return registry.text(RegistryPath.parse(key), name);
    }

    @Override
    public boolean fileExists(String path) {
        return new File(WindowsPaths.expand(path, environment)).isFile();
    }

    @Override
    public Optional<Version> fileVersion(String path) {
        String expanded = WindowsPaths.expand(path, environment);
        if (!new File(expanded).isFile()) {
            return Optional.empty();
        }
        try {
            return NativeFileVersions.read(expanded);
        } catch (RuntimeException e) {
            throw new FactUnavailableException("file version of " + expanded + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isKbInstalled(String kb) {
        return installedUpdates().stream().anyMatch(update -> update.kb().equalsIgnoreCase(kb));
    }

    @Override
    public String osProduct() {
        return osIdentity().product();
    }

    @Override
    public Version osBuild() {
        return Version.parse(osIdentity().build());
    }

    private int osBuildNumber() {
        String[] parts = osIdentity().build().split("\\.");
        return parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
    }

    private String systemRoot() {
        String expanded = WindowsPaths.expand("%SystemRoot%", environment);
        return expanded.contains("%") ? "C:\\Windows" : expanded;
    }
}
