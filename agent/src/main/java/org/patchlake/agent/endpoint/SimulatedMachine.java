package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchlake.core.protocol.ComputerClassHint;

/**
 * A machine described by a JSON file (see agent/README.md for an example). {@code registry} maps a key to its
 * values (an empty map: the key exists without values); {@code files} maps a path to its file version;
 * {@code installBehaviour} says per KB what installing it does; {@code defaultInstall} covers every other KB.
 * {@code reimage}, when set, puts the machine back to an older state at a time (a regression).
 * {@code scheduledInstalls} are updates Windows Update installs on its own, each on its day (the machine's own
 * patching, without a Patchlake policy). {@code computerClassHint} and {@code managedLevel} are what the agent was
 * told at deployment and sends when it enrolls (absent: a hint from the OS, no level). {@code windowsUpdate}, when set,
 * lets the machine answer the agent's Windows Update search (its products, looked up in the fleet's shared
 * {@link WindowsUpdateOffers}); absent: the machine has no Windows Update Agent to ask.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulatedMachine(
    String hostname,
    String domain,
    String hardwareId,
    Os os,
    Instant lastBootAt,
    List<Kb> installedUpdates,
    Map<String, Map<String, String>> registry,
    Map<String, String> files,
    Map<String, InstallBehaviour> installBehaviour,
    InstallBehaviour defaultInstall,
    Reimage reimage,
    Runtime runtime,
    ComputerClassHint computerClassHint,
    Integer managedLevel,
    List<Kb> scheduledInstalls,
    WindowsUpdate windowsUpdate) {

    public SimulatedMachine {
        requireNonNull(hostname, "hostname is null");
        domain = domain == null ? "WORKGROUP" : domain;
        hardwareId = hardwareId == null ? "sim-" + hostname : hardwareId;
        requireNonNull(os, "os is null");
        requireNonNull(lastBootAt, "lastBootAt is null");
        installedUpdates = installedUpdates == null ? List.of() : List.copyOf(installedUpdates);
        registry = registry == null ? Map.of() : Map.copyOf(registry);
        files = files == null ? Map.of() : Map.copyOf(files);
        installBehaviour = installBehaviour == null ? Map.of() : Map.copyOf(installBehaviour);
        defaultInstall = defaultInstall == null ? InstallBehaviour.SUCCESS : defaultInstall;
        if (managedLevel != null && (managedLevel < 1 || managedLevel > 4)) {
            throw new IllegalArgumentException(hostname + ": managedLevel must be 1 to 4 but was " + managedLevel);
        }
        scheduledInstalls = scheduledInstalls == null ? List.of() : List.copyOf(scheduledInstalls);
        for (Kb scheduled : scheduledInstalls) {
            requireNonNull(scheduled.installedOn(), hostname + ": scheduled install of " + scheduled.kb() + " has no day");
        }
    }

    /** A machine without enrollment hints and without scheduled installs (the form before those fields existed). */
    public SimulatedMachine(String hostname, String domain, String hardwareId, Os os, Instant lastBootAt,
                            List<Kb> installedUpdates, Map<String, Map<String, String>> registry, Map<String, String> files,
                            Map<String, InstallBehaviour> installBehaviour, InstallBehaviour defaultInstall, Reimage reimage,
                            Runtime runtime) {
        this(hostname, domain, hardwareId, os, lastBootAt, installedUpdates, registry, files, installBehaviour,
            defaultInstall, reimage, runtime, null, null, null, null);
    }

    /** A machine without a Windows Update Agent to ask (the form before that field existed). */
    public SimulatedMachine(String hostname, String domain, String hardwareId, Os os, Instant lastBootAt,
                            List<Kb> installedUpdates, Map<String, Map<String, String>> registry, Map<String, String> files,
                            Map<String, InstallBehaviour> installBehaviour, InstallBehaviour defaultInstall, Reimage reimage,
                            Runtime runtime, ComputerClassHint computerClassHint, Integer managedLevel,
                            List<Kb> scheduledInstalls) {
        this(hostname, domain, hardwareId, os, lastBootAt, installedUpdates, registry, files, installBehaviour,
            defaultInstall, reimage, runtime, computerClassHint, managedLevel, scheduledInstalls, null);
    }

    /**
     * How the machine's Windows Update Agent answers a search: the catalog products it serves ({@code products}, whose
     * offers are shared by the fleet), updates offered to this machine alone ({@code extra}, e.g. one the catalog lacks),
     * KBs it does not list although they apply ({@code hidden}, e.g. declined on the update server), and, when set,
     * the error every search fails with ({@code searchError}, e.g. {@code 0x8024402C}: no connection to the server).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record WindowsUpdate(List<String> products, List<WindowsUpdateOffers.Offer> extra, List<String> hidden,
                                String searchError) {
        public WindowsUpdate {
            products = products == null ? List.of() : List.copyOf(products);
            extra = extra == null ? List.of() : List.copyOf(extra);
            hidden = hidden == null ? List.of() : List.copyOf(hidden);
        }
    }

    /**
     * The operating system as the Windows backend reads it from the registry ({@code WindowsIdentity}, the same
     * {@code ComputerIdentity}): {@code product} the catalog's AffectedProduct name, {@code name} the caption
     * ("Microsoft Windows 11 Enterprise"), {@code version} the DisplayVersion ("22H2", empty before Windows 10),
     * {@code build} the full build major.minor.build.revision ("10.0.19045.3930", "6.1.7601.24544"), {@code servicePack}
     * the CSDVersion ("Service Pack 1", empty when none). A short build ("19045") is refused: the server could not tell
     * the NT version from it and would lose the in-box products (.NET, Internet Explorer, ...).
     */
    public record Os(String product, String name, String version, String build, String architecture, String servicePack) {
        private static final Pattern FULL_BUILD = Pattern.compile("\\d+\\.\\d+\\.\\d+(\\.\\d+)?");

        public Os {
            requireNonNull(product, "os.product is null");
            requireNonNull(build, "os.build is null");
            if (!FULL_BUILD.matcher(build).matches()) {
                throw new IllegalArgumentException("os.build must be the full build Windows reports, major.minor.build.revision "
                    + "(10.0.19045.3930), but was '" + build + "'");
            }
            name = name == null ? product : name;
            version = version == null ? "" : version;
            architecture = architecture == null ? "x64" : architecture;
            servicePack = servicePack == null ? "" : servicePack;
        }

        /** An OS without a service pack (every Windows 10, 11 and Server 2016+). */
        public Os(String product, String name, String version, String build, String architecture) {
            this(product, name, version, build, architecture, "");
        }
    }

    public record Kb(String kb, LocalDate installedOn) {
        public Kb {
            requireNonNull(kb, "kb is null");
        }
    }

    /**
     * {@code exitCodes}: the exit code of the first, second, ... attempt (the last repeats);
     * when absent, 3010 if {@code rebootRequired} else 0. {@code fileVersions} and {@code registryValues} are
     * applied when the update becomes installed.
     */
    public record InstallBehaviour(List<Long> exitCodes, Long durationSeconds, Boolean rebootRequired,
                                   Map<String, String> fileVersions, Map<String, Map<String, String>> registryValues) {
        static final InstallBehaviour SUCCESS = new InstallBehaviour(null, null, null, null, null);

        public InstallBehaviour {
            rebootRequired = rebootRequired != null && rebootRequired;
            exitCodes = exitCodes == null || exitCodes.isEmpty()
                ? List.of(rebootRequired ? 3010L : 0L) : List.copyOf(exitCodes);
            durationSeconds = durationSeconds == null ? 60L : durationSeconds;
            fileVersions = fileVersions == null ? Map.of() : Map.copyOf(fileVersions);
            registryValues = registryValues == null ? Map.of() : Map.copyOf(registryValues);
        }

        long exitCodeOfAttempt(int attempt) {
            return exitCodes.get(Math.min(attempt, exitCodes.size()) - 1);
        }
    }

    /** At {@code at}, the machine's installed updates become {@code installedUpdates} (pending installs are lost). */
    public record Reimage(Instant at, List<Kb> installedUpdates) {
        public Reimage {
            requireNonNull(at, "reimage.at is null");
            installedUpdates = installedUpdates == null ? List.of() : List.copyOf(installedUpdates);
        }
    }

    /** State the simulation adds while it runs (saved so a restarted agent continues): absent in a fresh file. */
    public record Runtime(Map<String, Integer> attempts, List<String> pendingKbs, Instant restartAt,
                          boolean reimaged, int restarts) {
        public Runtime {
            attempts = attempts == null ? Map.of() : Map.copyOf(attempts);
            pendingKbs = pendingKbs == null ? List.of() : List.copyOf(pendingKbs);
        }
    }

    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static SimulatedMachine read(Path file) {
        try {
            return json().readValue(file.toFile(), SimulatedMachine.class);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated machine " + file + ": " + e.getMessage(), e);
        }
    }
}
