package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlake.core.protocol.ComputerClassHint;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.RebootSource;
import org.patchlake.core.protocol.UpdateSource;
import org.patchlake.core.protocol.WindowsUpdateVerdict;
import org.patchlake.core.rules.InstallReturnCodes;
import org.patchlake.core.rules.InstallReturnCodes.Category;
import org.patchlake.core.rules.Version;

/**
 * A machine described by a {@link SimulatedMachine}, changing state the way Windows does: an install that
 * returns 3010 leaves the update pending until the next restart; 1641 restarts at once; an installed update
 * answers 2359302 (already installed). Time comes from the injected clock, so a simulator can fast-forward:
 * a requested restart happens when the clock passes its time, and so does a configured reimage and every
 * install Windows Update schedules on its own ({@link SimulatedMachine#scheduledInstalls()}).
 */
public final class SimulatedEndpoint implements Endpoint {

    private static final long ALREADY_INSTALLED = 2359302L;

    private final SimulatedMachine machine;
    private final Clock clock;
    private final SimulatedWindowsUpdate windowsUpdate;
    private final Map<String, LocalDate> installed = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> registry = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Set<String> pendingKbs = new LinkedHashSet<>();
    private final java.util.TreeMap<LocalDate, List<String>> scheduled = new java.util.TreeMap<>();
    private Instant lastBootAt;
    private Instant restartAt;
    private boolean reimaged;
    private int restarts;

    public SimulatedEndpoint(SimulatedMachine machine, Clock clock) {
        this(machine, clock, WindowsUpdateOffers.NONE);
    }

    /** A machine whose Windows Update Agent answers from {@code offers}, the updates its fleet's products have. */
    public SimulatedEndpoint(SimulatedMachine machine, Clock clock, WindowsUpdateOffers offers) {
        this.machine = requireNonNull(machine, "machine is null");
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(offers, "offers is null");
        this.windowsUpdate = machine.windowsUpdate() == null ? null : new SimulatedWindowsUpdate(machine.windowsUpdate(), offers);
        machine.installedUpdates().forEach(kb -> installed.put(normaliseKb(kb.kb()), kb.installedOn()));
        machine.registry().forEach((key, values) -> registry.put(registryKey(key), lowerKeys(values)));
        machine.files().forEach((path, version) -> files.put(lower(path), version));
        machine.scheduledInstalls().forEach(kb ->
            scheduled.computeIfAbsent(kb.installedOn(), day -> new ArrayList<>()).add(normaliseKb(kb.kb())));
        lastBootAt = machine.lastBootAt();
        SimulatedMachine.Runtime runtime = machine.runtime();
        if (runtime != null) {
            attempts.putAll(runtime.attempts());
            pendingKbs.addAll(runtime.pendingKbs());
            restartAt = runtime.restartAt();
            reimaged = runtime.reimaged();
            restarts = runtime.restarts();
        }
    }

    public static SimulatedEndpoint load(Path file, Clock clock) {
        return new SimulatedEndpoint(SimulatedMachine.read(file), clock);
    }

    @Override
    public synchronized ComputerIdentity osIdentity() {
        SimulatedMachine.Os os = machine.os();
        return new ComputerIdentity(machine.hostname(), machine.domain(), machine.hardwareId(), os.product(), os.name(), os.version(), os.build(),
            os.architecture(), os.servicePack());
    }

    @Override
    public Optional<ComputerClassHint> computerClassHint() {
        return Optional.ofNullable(machine.computerClassHint());
    }

    @Override
    public Optional<Integer> managedLevel() {
        return Optional.ofNullable(machine.managedLevel());
    }

    /**
     * What the machine's Windows Update Agent lists as missing now; empty when the machine has none to ask. An update
     * waiting for a restart is not installed yet, here as in the installed-update list this machine reports.
     */
    @Override
    public synchronized Optional<WindowsUpdateVerdict> searchWindowsUpdate() {
        advance();
        if (windowsUpdate == null) {
            return Optional.empty();
        }
        return Optional.of(windowsUpdate.search(Set.copyOf(installed.keySet()), clock.instant()));
    }

    /**
     * When the machine next boots by itself (a restart it was asked for, or its reimage), or null: an agent notices
     * a boot and scans again, so a simulator wakes it then. (Scheduled installs wait for the next regular scan.)
     */
    public synchronized Instant nextBootAt() {
        advance();
        Instant next = restartAt;
        SimulatedMachine.Reimage reimage = machine.reimage();
        if (reimage != null && !reimaged && (next == null || reimage.at().isBefore(next))) {
            next = reimage.at();
        }
        return next;
    }

    @Override
    public synchronized List<InstalledUpdate> installedUpdates() {
        advance();
        List<InstalledUpdate> updates = new ArrayList<>();
        installed.forEach((kb, on) -> updates.add(new InstalledUpdate(kb, on, UpdateSource.WINDOWS_UPDATE)));
        return updates;
    }

    @Override
    public synchronized Instant lastBootAt() {
        advance();
        return lastBootAt;
    }

    @Override
    public synchronized PendingReboot pendingReboot() {
        advance();
        if (pendingKbs.isEmpty()) {
            return PendingReboot.none();
        }
        return new PendingReboot(true, List.of(RebootSource.CBS_REBOOT_PENDING, RebootSource.WU_REBOOT_REQUIRED));
    }

    @Override
    public synchronized InstallResult install(InstallRequest request) {
        advance();
        String kb = normaliseKb(request.kb());
        SimulatedMachine.InstallBehaviour behaviour = machine.installBehaviour().getOrDefault(kb, machine.defaultInstall());
        int attempt = attempts.merge(kb, 1, Integer::sum);
        Instant endedAt = request.startedAt().plus(Duration.ofSeconds(behaviour.durationSeconds()));
        if (installed.containsKey(kb)) {
            return new InstallResult(ALREADY_INSTALLED, request.startedAt(), endedAt, "simulated: " + kb + " already installed");
        }
        if (pendingKbs.contains(kb)) {
            return new InstallResult(3010L, request.startedAt(), endedAt, "simulated: " + kb + " waits for a restart");
        }
        long code = behaviour.exitCodeOfAttempt(attempt);
        Category category = InstallReturnCodes.describe(code).category();
        if (category == Category.SUCCESS) {
            markInstalled(kb, endedAt);
        } else if (category.needsReboot()) {
            pendingKbs.add(kb);
            if (category == Category.SUCCESS_REBOOT_INITIATED) {
                restartAt = endedAt;
            }
        }
        return new InstallResult(code, request.startedAt(), endedAt, "simulated attempt " + attempt + " of " + kb);
    }

    @Override
    public synchronized RestartOutcome restart(RestartRequest request) {
        Instant at = request.requestedAt().plus(request.delay());
        if (restartAt == null || at.isBefore(restartAt)) {
            restartAt = at;
        }
        advance();
        return RestartOutcome.scheduled("simulated restart at " + at);
    }

    @Override
    public synchronized boolean registryKeyExists(String key) {
        advance();
        return registry.containsKey(registryKey(key));
    }

    @Override
    public synchronized Optional<String> registryValue(String key, String name) {
        advance();
        Map<String, String> values = registry.get(registryKey(key));
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(lower(name)));
    }

    @Override
    public synchronized boolean fileExists(String path) {
        advance();
        return files.containsKey(lower(path));
    }

    @Override
    public synchronized Optional<Version> fileVersion(String path) {
        advance();
        return Optional.ofNullable(files.get(lower(path))).map(Version::parse);
    }

    @Override
    public synchronized boolean isKbInstalled(String kb) {
        advance();
        return installed.containsKey(normaliseKb(kb));
    }

    @Override
    public String osProduct() {
        return machine.os().product();
    }

    @Override
    public Version osBuild() {
        return Version.parse(machine.os().build());
    }

    /** How many restarts the simulation has performed (requested or installer-initiated). */
    public synchronized int restarts() {
        advance();
        return restarts;
    }

    /** The machine as it is now, including the runtime state, so a restarted agent continues where it was. */
    public synchronized SimulatedMachine snapshot() {
        advance();
        List<SimulatedMachine.Kb> kbs = new ArrayList<>();
        installed.forEach((kb, on) -> kbs.add(new SimulatedMachine.Kb(kb, on)));
        List<SimulatedMachine.Kb> stillScheduled = new ArrayList<>();
        scheduled.forEach((day, dayKbs) -> dayKbs.forEach(kb -> stillScheduled.add(new SimulatedMachine.Kb(kb, day))));
        Map<String, String> currentFiles = new HashMap<>(files);
        return new SimulatedMachine(machine.hostname(), machine.domain(), machine.hardwareId(), machine.os(), lastBootAt, kbs,
            registry, currentFiles, machine.installBehaviour(), machine.defaultInstall(), machine.reimage(),
            new SimulatedMachine.Runtime(attempts, List.copyOf(pendingKbs), restartAt, reimaged, restarts),
            machine.computerClassHint(), machine.managedLevel(), stillScheduled, machine.windowsUpdate());
    }

    /** Writes {@link #snapshot()} to a file atomically. */
    public void save(Path file) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            SimulatedMachine.json().writeValue(temporary.toFile(), snapshot());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("saving simulated machine to " + file + ": " + e.getMessage(), e);
        }
    }

    private void advance() {
        Instant now = clock.instant();
        SimulatedMachine.Reimage reimage = machine.reimage();
        boolean reimageDue = reimage != null && !reimaged && !now.isBefore(reimage.at());
        if (restartAt != null && !now.isBefore(restartAt)
            && (!reimageDue || restartAt.isBefore(reimage.at()))) {
            reboot(restartAt);
        }
        if (reimageDue) {
            installScheduledThrough(LocalDate.ofInstant(reimage.at(), ZoneOffset.UTC).minusDays(1));
            installed.clear();
            reimage.installedUpdates().forEach(kb -> installed.put(normaliseKb(kb.kb()), kb.installedOn()));
            pendingKbs.clear();
            restartAt = null;
            lastBootAt = reimage.at();
            reimaged = true;
        }
        if (restartAt != null && !now.isBefore(restartAt)) {
            reboot(restartAt);
        }
        installScheduledThrough(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /** Windows Update installs and restarts overnight: a scheduled update is simply there in the morning. */
    private void installScheduledThrough(LocalDate day) {
        while (!scheduled.isEmpty() && !scheduled.firstKey().isAfter(day)) {
            Map.Entry<LocalDate, List<String>> due = scheduled.pollFirstEntry();
            due.getValue().forEach(kb -> installed.putIfAbsent(kb, due.getKey()));
        }
    }

    private void reboot(Instant at) {
        for (String kb : pendingKbs) {
            markInstalled(kb, at);
        }
        pendingKbs.clear();
        lastBootAt = at;
        restartAt = null;
        restarts++;
    }

    private void markInstalled(String kb, Instant at) {
        installed.put(kb, LocalDate.ofInstant(at, ZoneOffset.UTC));
        SimulatedMachine.InstallBehaviour behaviour = machine.installBehaviour().get(kb);
        if (behaviour != null) {
            behaviour.fileVersions().forEach((path, version) -> files.put(lower(path), version));
            behaviour.registryValues().forEach((key, values) ->
                registry.computeIfAbsent(registryKey(key), k -> new HashMap<>()).putAll(lowerKeys(values)));
        }
    }

    static String normaliseKb(String kb) {
        String upper = kb.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("KB") ? upper : "KB" + upper;
    }

    /** A registry key compared as Windows does: case-insensitive, either hive spelling (HKLM, HKEY_LOCAL_MACHINE). */
    static String registryKey(String key) {
        String lowered = lower(key.trim().replace('/', '\\'));
        while (lowered.endsWith("\\")) {
            lowered = lowered.substring(0, lowered.length() - 1);
        }
        int separator = lowered.indexOf('\\');
        String hive = separator < 0 ? lowered : lowered.substring(0, separator);
        String shortHive = switch (hive) {
            case "hkey_local_machine" -> "hklm";
            case "hkey_current_user" -> "hkcu";
            case "hkey_classes_root" -> "hkcr";
            case "hkey_users" -> "hku";
            case "hkey_current_config" -> "hkcc";
            default -> hive;
        };
        return separator < 0 ? shortHive : shortHive + lowered.substring(separator);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> lowerKeys(Map<String, String> values) {
        Map<String, String> lowered = new HashMap<>();
        values.forEach((name, value) -> lowered.put(lower(name), value));
        return lowered;
    }
}
