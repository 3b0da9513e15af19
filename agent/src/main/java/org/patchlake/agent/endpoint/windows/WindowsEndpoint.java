package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Ole32;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.core.rules.FactUnavailableException;
import org.patchlake.core.rules.Version;

/**
 * The real Windows computer, through JNA. The decisions (which registry keys mean a pending restart, which
 * command line installs a package, how a QFE date or a version resource is read) live in plain classes of this
 * package that are unit-tested on any OS; this class only wires them to the native calls.
 * See agent/README.md for what has been compiled but not run on Windows.
 */
public final class WindowsEndpoint implements Endpoint {

    private final RegistryReader registry;
    private final Clock clock;
    private final ProcessRunner processes;
    private final Map<String, String> environment;

    private WindowsEndpoint(RegistryReader registry, Clock clock, Path logDirectory, Map<String, String> environment) {
        this.registry = registry;
        this.clock = clock;
        this.processes = new ProcessRunner(clock, logDirectory);
        this.environment = Map.copyOf(environment);
    }

    /** Fails with a clear message anywhere but Windows (the native calls would throw UnsatisfiedLinkError). */
    public static WindowsEndpoint create(Clock clock, Path logDirectory, Map<String, String> environment) {
        requireNonNull(clock, "clock is null");
        if (!Platform.isWindows()) {
            throw new IllegalStateException("the Windows endpoint needs Windows (this is " + System.getProperty("os.name")
                + "); use --simulate machine.json elsewhere");
        }
        return new WindowsEndpoint(new Advapi32RegistryReader(), clock, logDirectory, environment);
    }

    @Override
    public ComputerIdentity osIdentity() {
        return RegistryIdentity.read(registry, Kernel32Util.getComputerName(), environment);
    }

    @Override
    public List<InstalledUpdate> installedUpdates() {
        initialiseCom();
        try {
            Map<String, InstalledUpdate> byKb = new LinkedHashMap<>();
            for (InstalledUpdate update : WindowsUpdateAgentHistory.read()) {
                byKb.putIfAbsent(update.kb(), update);
            }
            for (InstalledUpdate update : WmiQuickFixEngineering.read()) {
                byKb.merge(update.kb(), update, (fromHistory, fromWmi) -> fromWmi.installedOn() != null ? fromWmi : fromHistory);
            }
            return List.copyOf(byKb.values());
        } finally {
            Ole32.INSTANCE.CoUninitialize();
        }
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
        if (request.packageFile() == null) {
            Instant now = clock.instant();
            return new InstallResult(org.patchlake.core.rules.InstallReturnCodes.INSTALLER_NOT_STARTED, request.startedAt(),
                now.isBefore(request.startedAt()) ? request.startedAt() : now,
                request.kb() + ": no package; installing through the Windows Update Agent is not implemented");
        }
        List<String> command = InstallerCommand.forPackage(request.packageFile(), request.arguments(), systemRoot());
        return processes.run(request.kb() + "-" + request.startedAt().toEpochMilli(), command, request.startedAt(),
            request.timeout());
    }

    @Override
    public void restart(RestartRequest request) {
        processes.run("restart-" + request.requestedAt().toEpochMilli(), RestartCommand.of(request, systemRoot()),
            request.requestedAt(), Duration.ofMinutes(1));
    }

    @Override
    public boolean registryKeyExists(String key) {
        return registry.keyExists(RegistryPath.parse(key));
    }

    @Override
    public Optional<String> registryValue(String key, String name) {
        return registry.value(RegistryPath.parse(key), name).map(RegistryValues::asText);
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

    private String systemRoot() {
        return environment.getOrDefault("SystemRoot", "C:\\Windows");
    }

    private static void initialiseCom() {
        Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
    }
}
