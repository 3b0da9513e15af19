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
import org.patchlake.core.protocol.ComputerClassHint;

/**
 * A machine described by a JSON file (see agent/README.md for an example). {@code registry} maps a key to its
 * values (an empty map: the key exists without values); {@code files} maps a path to its file version;
 * {@code installBehaviour} says per KB what installing it does; {@code defaultInstall} covers every other KB.
 * {@code reimage}, when set, puts the machine back to an older state at a time (a regression).
 * {@code scheduledInstalls} are updates Windows Update installs on its own, each on its day (the machine's own
 * patching, without a Patchlake policy). {@code computerClassHint} and {@code managedLevel} are what the agent was
 * told at deployment and sends when it enrolls (absent: a hint from the OS, no level).
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
    List<Kb> scheduledInstalls) {

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
            defaultInstall, reimage, runtime, null, null, null);
    }

    /** {@code product} is the catalog's AffectedProduct name. */
    public record Os(String product, String name, String version, String build, String architecture) {
        public Os {
            requireNonNull(product, "os.product is null");
            requireNonNull(build, "os.build is null");
            name = name == null ? product : name;
            version = version == null ? "" : version;
            architecture = architecture == null ? "x64" : architecture;
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
