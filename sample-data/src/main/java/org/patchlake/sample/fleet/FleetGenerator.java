package org.patchlake.sample.fleet;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;
import org.patchlake.core.catalog.Catalog;
import org.patchlake.core.catalog.Update;
import org.patchlake.core.inventory.ProductIdentifier;

/**
 * Generates a realistic enterprise fleet on a catalog: regions and sites, computer classes and managed levels,
 * an OS mix of real products described the way Windows describes itself (full build, registry), installed updates
 * consistent with each machine's patch habits ({@link PatchHistory}: the newest cumulative package of each line, some
 * machines months or years behind), notebooks that are often offline, contractors' machines that leave, install
 * failures with real exit codes, machines that regress after a reimage, and each machine's Windows Update Agent
 * ({@link FleetWindowsUpdate}). Deterministic for a seed and a catalog.
 */
public final class FleetGenerator {

    /** A contractor's machine is on the network at least this long after the start, so it reports once. */
    static final Duration FIRST_REPORT = Duration.ofDays(1);
    /** Machines whose last Windows Update installs still wait for a restart when the simulation starts. */
    static final double AWAITING_RESTART_SHARE = 0.06;
    /** Of those, the ones whose user never restarts during the simulation (the rest restart at a random moment). */
    static final double NEVER_RESTARTED_SHARE = 0.4;

    /** Exit-code sequences of installs that go wrong: persistent 1603, access denied then fine, not applicable. */
    private static final List<List<Long>> FAILURES = List.of(
        List.of(1603L, 1603L, 1603L, 1603L),
        List.of(0x80070005L, 0L),
        List.of(0x80240017L),
        List.of(0x800F081FL, 0x800F081FL, 0x800F081FL, 0x800F081FL),
        List.of(1618L, 3010L));

    private final Catalog catalog;
    private final List<OperatingSystem.Weighted> clients;
    private final List<OperatingSystem.Weighted> servers;
    /** The catalog products of each operating system (OS product and in-box components), as the server resolves them. */
    private final Map<OperatingSystem, List<String>> productsByOs = new HashMap<>();
    private final Map<OperatingSystem, List<ProductServicing>> servicingByOs = new HashMap<>();
    private final PatchHistory patchHistory;
    private final FleetWindowsUpdate windowsUpdate;

    public FleetGenerator(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.clients = inCatalog(OperatingSystem.CLIENTS);
        this.servers = inCatalog(OperatingSystem.SERVERS);
        if (clients.isEmpty() || servers.isEmpty()) {
            throw new IllegalArgumentException("the catalog has updates for none of the "
                + (clients.isEmpty() ? "client" : "server") + " operating systems a fleet runs: "
                + (clients.isEmpty() ? OperatingSystem.CLIENTS : OperatingSystem.SERVERS).stream()
                    .map(weighted -> weighted.os().product()).toList());
        }
        ProductIdentifier identifier = new ProductIdentifier(catalog.products());
        Map<String, ProductServicing> servicing = new HashMap<>();
        for (OperatingSystem.Weighted choice : concat(clients, servers)) {
            List<String> machineProducts = identifier.identify(choice.os().identity()).catalogProducts();
            productsByOs.put(choice.os(), machineProducts);
            servicingByOs.put(choice.os(), machineProducts.stream()
                .map(product -> servicing.computeIfAbsent(product, name -> ProductServicing.of(catalog, name))).toList());
        }
        this.patchHistory = new PatchHistory(catalog);
        this.windowsUpdate = new FleetWindowsUpdate(catalog, servicing, productsByOs);
    }

    /** What the fleet's Windows Update Agents offer per product: shared by every member (FleetFiles writes it once). */
    public WindowsUpdateOffers windowsUpdateOffers() {
        return windowsUpdate.offers();
    }

    /** The catalog products a member running {@code product} has (its OS product and in-box components). */
    public List<String> productsOf(String osProduct) {
        return productsByOs.entrySet().stream().filter(entry -> entry.getKey().product().equals(osProduct))
            .map(Map.Entry::getValue).findFirst().orElse(List.of());
    }

    /** Generates the fleet member by member, in host order, handing each to {@code sink}. */
    public void generate(FleetSpec spec, Consumer<FleetMember> sink) {
        requireNonNull(spec, "spec is null");
        requireNonNull(sink, "sink is null");
        Random random = new Random(spec.seed());
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (int i = 0; i < spec.endpoints(); i++) {
            sink.accept(member(spec, random, counters));
        }
    }

    public List<FleetMember> generate(FleetSpec spec) {
        List<FleetMember> members = new ArrayList<>(spec.endpoints());
        generate(spec, members::add);
        return members;
    }

    private FleetMember member(FleetSpec spec, Random random, Map<String, Integer> counters) {
        Organisation.Region region = Weighted.pick(spec.organisation().regions(), Organisation.Region::weight, random);
        Organisation.Site site = Weighted.pick(region.sites(), Organisation.Site::weight, random);
        ComputerClass computerClass = Weighted.pick(List.of(ComputerClass.values()), ComputerClass::share, random);
        int number = counters.merge(site.code() + computerClass.hostTag(), 1, Integer::sum);
        String hostname = String.format(Locale.ROOT, "%s-%s-%05d", site.code(), computerClass.hostTag(), number);
        int managedLevel = managedLevel(computerClass, random);
        PatchProfile patchProfile = patchProfile(computerClass, random);
        ReportingProfile reporting = reportingProfile(computerClass, random);
        // A contractor's machine reports (enrolls, scans) on its first day, then leaves and never reports again;
        // most leave early in the simulated weeks, so the end shows them as not reporting.
        double leaves = random.nextDouble();
        Instant goneAt = reporting == ReportingProfile.GONE ? goneAt(spec, leaves) : null;
        OperatingSystem os = Weighted.pick(computerClass.isServer() ? servers : clients,
            OperatingSystem.Weighted::weight, random).os();
        List<String> machineProducts = productsByOs.get(os);
        LocalDate today = LocalDate.ofInstant(spec.asOf(), ZoneOffset.UTC);

        LocalDate end = LocalDate.ofInstant(spec.asOf().plus(spec.simulationSpan()), ZoneOffset.UTC);
        Map<String, LocalDate> patched = patchHistory.of(servicingByOs.get(os), patchProfile, today, end, random);
        Map<String, SimulatedMachine.InstallBehaviour> failures = failures(machineProducts, patched, today, end, random);
        // what is installed by the start; the rest Windows Update installs on its own during the simulation
        Map<String, LocalDate> installed = new TreeMap<>();
        List<SimulatedMachine.Kb> scheduled = new ArrayList<>();
        patched.forEach((kb, on) -> {
            if (!on.isAfter(today)) {
                installed.put(kb, on);
            } else if (!failures.containsKey(kb)) {
                scheduled.add(new SimulatedMachine.Kb(kb, on));
            }
        });
        SimulatedMachine.Reimage reimage = random.nextDouble() < 0.015
            ? reimage(spec, installed, random) : null;
        SimulatedMachine.Runtime awaitingRestart = random.nextDouble() < AWAITING_RESTART_SHARE
            ? awaitingRestart(spec, installed, random) : null;
        long bootAgeSeconds = (long) (random.nextDouble() * Duration.ofDays(computerClass.isServer() ? 45 : 10).toSeconds());
        String hardwareId = new UUID(random.nextLong(), random.nextLong()).toString();
        int revision = os.baseRevision() - random.nextInt(Math.min(os.baseRevision(), 400));
        SimulatedMachine.WindowsUpdate windowsUpdateSetup = windowsUpdate.setup(machineProducts, installed, today, random);

        SimulatedMachine machine = new SimulatedMachine(
            hostname,
            spec.organisation().domain(),
            hardwareId,
            os.machineOs(revision),
            spec.asOf().minusSeconds(bootAgeSeconds),
            installed.entrySet().stream().map(entry -> new SimulatedMachine.Kb(entry.getKey(), entry.getValue())).toList(),
            Map.of("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", os.currentVersionKey(revision),
                "HKLM\\SOFTWARE\\Microsoft\\Cryptography", Map.of("MachineGuid", hardwareId),
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment", Map.of("PROCESSOR_ARCHITECTURE", "AMD64")),
            Map.of("C:\\Windows\\System32\\ntoskrnl.exe", os.kernel() + "." + os.build() + "." + revision),
            failures,
            new SimulatedMachine.InstallBehaviour(null, (long) Weighted.between(random, 60, 900),
                random.nextDouble() < 0.7, null, null),
            reimage,
            awaitingRestart,
            computerClass.hint(),
            managedLevel,
            scheduled,
            windowsUpdateSetup);
        String unit = "OU=" + switch (computerClass) {
            case WORKSTATION -> "Workstations";
            case NOTEBOOK -> "Notebooks";
            case SERVER -> "Servers";
            case BUSINESS_CRITICAL_SERVER -> "Critical Servers";
        } + ",OU=" + site.name() + ",OU=" + region.code() + ",DC=" + spec.organisation().domain().replace(".", ",DC=");
        return new FleetMember(hostname, region.name(), site.name(), unit, computerClass, managedLevel, patchProfile,
            reporting, goneAt, machine);
    }

    /**
     * A few machines have updates that will not install cleanly: the ones a remediation wave runs into. One of
     * them is among the newest (released after {@code today}, up to {@code end}) when the catalog has such.
     */
    private Map<String, SimulatedMachine.InstallBehaviour> failures(List<String> machineProducts,
                                                                    Map<String, LocalDate> patched,
                                                                    LocalDate today, LocalDate end, Random random) {
        if (random.nextDouble() >= 0.12) {
            return Map.of();
        }
        List<String> missing = new ArrayList<>();
        List<String> newest = new ArrayList<>();
        for (String product : machineProducts) {
            for (Update update : catalog.updatesForProduct(product)) {
                if (update.released().isAfter(today) && !update.released().isAfter(end)) {
                    newest.add(update.kb());
                } else if (!patched.containsKey(update.kb()) && !update.released().isBefore(today.minusDays(400))
                    && !update.released().isAfter(today)) {
                    missing.add(update.kb());
                }
            }
        }
        Map<String, SimulatedMachine.InstallBehaviour> failures = new TreeMap<>();
        if (!newest.isEmpty()) {
            failures.put(newest.get(random.nextInt(newest.size())), failing(random));
        }
        if (!missing.isEmpty() && (failures.isEmpty() || random.nextBoolean())) {
            failures.put(missing.get(random.nextInt(missing.size())), failing(random));
        }
        return failures;
    }

    private static SimulatedMachine.InstallBehaviour failing(Random random) {
        return new SimulatedMachine.InstallBehaviour(FAILURES.get(random.nextInt(FAILURES.size())),
            (long) Weighted.between(random, 120, 1800), false, null, null);
    }

    /**
     * When a contractor's machine leaves: after {@link #FIRST_REPORT} (its agent wakes within its check-in interval,
     * so it enrolls and reports at least once), then spread over the simulation, early departures more likely.
     */
    static Instant goneAt(FleetSpec spec, double leaves) {
        Duration span = spec.simulationSpan();
        Duration first = FIRST_REPORT.compareTo(span) < 0 ? FIRST_REPORT : span;
        return spec.asOf().plus(first).plusSeconds((long) (leaves * leaves * span.minus(first).toSeconds()));
    }

    /**
     * A machine whose last Windows Update installs (the latest install day within three weeks) wait for a restart
     * its user keeps postponing: they leave the installed list and are pending until the restart, which comes at a
     * random moment up to twice the simulation's length away (often after its end) or never. Null when the machine
     * installed nothing recently.
     */
    private static SimulatedMachine.Runtime awaitingRestart(FleetSpec spec, Map<String, LocalDate> installed,
                                                            Random random) {
        LocalDate today = LocalDate.ofInstant(spec.asOf(), ZoneOffset.UTC);
        LocalDate latest = installed.values().stream().max(LocalDate::compareTo).orElse(null);
        boolean never = random.nextDouble() < NEVER_RESTARTED_SHARE;
        long later = (long) (random.nextDouble() * 2 * spec.simulationSpan().toSeconds());
        if (latest == null || latest.isBefore(today.minusDays(21))) {
            return null;
        }
        List<String> pending = new ArrayList<>();
        installed.entrySet().removeIf(entry -> entry.getValue().equals(latest) && pending.add(entry.getKey()));
        return new SimulatedMachine.Runtime(Map.of(), pending, never ? null : spec.asOf().plusSeconds(later), false, 0);
    }

    /** A reimage during the simulation puts the machine back to an image about a year old: a regression. */
    private static SimulatedMachine.Reimage reimage(FleetSpec spec, Map<String, LocalDate> installed, Random random) {
        Instant at = spec.asOf().plusSeconds((long) (random.nextDouble() * spec.simulationSpan().toSeconds()));
        LocalDate image = LocalDate.ofInstant(spec.asOf(), ZoneOffset.UTC).minusDays(Weighted.between(random, 200, 500));
        List<SimulatedMachine.Kb> kept = installed.entrySet().stream()
            .filter(entry -> !entry.getValue().isAfter(image))
            .map(entry -> new SimulatedMachine.Kb(entry.getKey(), entry.getValue()))
            .toList();
        return new SimulatedMachine.Reimage(at, kept);
    }

    private static int managedLevel(ComputerClass computerClass, Random random) {
        return switch (computerClass) {
            case BUSINESS_CRITICAL_SERVER -> 1;
            case SERVER -> random.nextDouble() < 0.8 ? 2 : 3;
            case WORKSTATION -> random.nextDouble() < 0.1 ? 2 : 3;
            case NOTEBOOK -> random.nextDouble() < 0.3 ? 4 : 3;
        };
    }

    private static PatchProfile patchProfile(ComputerClass computerClass, Random random) {
        if (computerClass == ComputerClass.BUSINESS_CRITICAL_SERVER) {
            // Critical servers are patched carefully: slower than desktops, but never abandoned.
            return random.nextDouble() < 0.6 ? PatchProfile.NORMAL : PatchProfile.LAGGARD;
        }
        return Weighted.pick(List.of(PatchProfile.values()), PatchProfile::share, random);
    }

    private static ReportingProfile reportingProfile(ComputerClass computerClass, Random random) {
        if (!computerClass.isServer() && random.nextDouble() < 0.03) {
            return ReportingProfile.GONE;
        }
        return computerClass == ComputerClass.NOTEBOOK ? ReportingProfile.OFTEN_OFFLINE : ReportingProfile.ALWAYS;
    }

    private static List<OperatingSystem.Weighted> concat(List<OperatingSystem.Weighted> a, List<OperatingSystem.Weighted> b) {
        List<OperatingSystem.Weighted> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private List<OperatingSystem.Weighted> inCatalog(List<OperatingSystem.Weighted> choices) {
        return choices.stream().filter(choice -> !catalog.updatesForProduct(choice.os().product()).isEmpty()).toList();
    }
}
