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
import java.util.Locale;
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

    private static final RegistryPath CURRENT_VERSION =
        RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    private static final RegistryPath CRYPTOGRAPHY = RegistryPath.parse("HKLM\\SOFTWARE\\Microsoft\\Cryptography");
    private static final RegistryPath ENVIRONMENT =
        RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment");

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
        return new WindowsEndpoint(new RegistryReader(new Advapi32RawRegistry()), clock, logDirectory, environment);
    }

    @Override
    public ComputerIdentity osIdentity() {
        String productName = text(CURRENT_VERSION, "ProductName").orElse("Windows");
        String buildNumber = text(CURRENT_VERSION, "CurrentBuildNumber").orElse("0");
        String displayVersion = text(CURRENT_VERSION, "DisplayVersion")
            .or(() -> text(CURRENT_VERSION, "ReleaseId")).orElse("");
        String servicePack = text(CURRENT_VERSION, "CSDVersion").orElse("");
        String architecture = text(ENVIRONMENT, "PROCESSOR_ARCHITECTURE").orElse("AMD64");
        // CurrentMajor/MinorVersionNumber exist from Windows 10 on; older releases only say CurrentVersion ("6.1").
        String[] legacy = text(CURRENT_VERSION, "CurrentVersion").orElse("10.0").split("\\.");
        String major = text(CURRENT_VERSION, "CurrentMajorVersionNumber").orElse(legacy[0]);
        String minor = text(CURRENT_VERSION, "CurrentMinorVersionNumber").orElse(legacy.length > 1 ? legacy[1] : "0");
        String revision = text(CURRENT_VERSION, "UBR").orElse("0");
        int build = Integer.parseInt(buildNumber.trim());
        String hardwareId = text(CRYPTOGRAPHY, "MachineGuid").orElse(Kernel32Util.getComputerName());
        return new ComputerIdentity(Kernel32Util.getComputerName(), environment.getOrDefault("USERDNSDOMAIN",
            environment.getOrDefault("USERDOMAIN", "WORKGROUP")), hardwareId,
            WindowsProductNames.catalogProduct(productName, major + "." + minor, build, servicePack, architecture),
            productName, displayVersion, major + "." + minor + "." + build + "." + revision,
            architecture.toLowerCase(Locale.ROOT).equals("amd64") ? "x64" : architecture.toLowerCase(Locale.ROOT));
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

    private String systemRoot() {
        return environment.getOrDefault("SystemRoot", "C:\\Windows");
    }

    private Optional<String> text(RegistryPath key, String name) {
        return registry.text(key, name);
    }

    private static void initialiseCom() {
        Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
    }
}
