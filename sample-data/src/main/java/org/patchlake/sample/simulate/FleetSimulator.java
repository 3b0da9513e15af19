package org.patchlake.sample.simulate;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;
import org.patchlake.agent.upload.IngestClient;
import org.patchlake.sample.fleet.FleetMember;

/**
 * Runs a fleet's real agents, each on its simulated machine, against a real server in fast-forward time. The
 * simulation is driven by events: a queue holds every agent's next wake (its regular check-in, a retry, a boot,
 * the moment a notebook comes back online), so only agents with something to do run. Wakes are rounded up to
 * the {@code resolution} grid; the clock jumps from one occupied slot to the next, and the agents of a slot tick
 * in parallel. {@link Milestone}s (an administrator's action) run between slots with the clock at their time.
 * The clock is shared with the server when it runs on the same {@link SimulationClock}, so requests are signed
 * and received in simulated time.
 */
public final class FleetSimulator {
    private final SimulationConfig config;
    private final SimulationClock clock;
    private final List<SimulatedAgent> agents;
    private final WindowsUpdateOffers offers;
    private final HttpClient http = IngestClient.defaultHttpClient();

    /** {@code offers}: what the members' Windows Update Agents answer from (the fleet generator's, shared by all). */
    public FleetSimulator(SimulationConfig config, SimulationClock clock, List<FleetMember> fleet, WindowsUpdateOffers offers) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.offers = requireNonNull(offers, "offers is null");
        if (clock.instant().isAfter(config.start())) {
            throw new IllegalArgumentException("the clock shows " + clock.instant() + ", after the simulation start "
                + config.start());
        }
        List<SimulatedAgent> built = new ArrayList<>(fleet.size());
        for (FleetMember member : fleet) {
            String token = config.tokensBySite().get(member.site());
            if (token == null) {
                throw new IllegalArgumentException("no enrollment token for site '" + member.site() + "' of "
                    + member.hostname() + " (tokens are for " + config.tokensBySite().keySet() + ")");
            }
            built.add(new SimulatedAgent(member, token, config.wakeInterval()));
        }
        this.agents = List.copyOf(built);
    }

    /** Runs from start to end; {@code progress} hears about every simulated day. */
    public SimulationSummary run(List<Milestone> milestones, Consumer<SimulationProgress> progress)
        throws InterruptedException {
        Deque<Milestone> pending = new ArrayDeque<>(milestones.stream()
            .sorted(Comparator.comparing(Milestone::at)).toList());
        PriorityQueue<Wake> queue = new PriorityQueue<>(Comparator.comparing(Wake::at).thenComparingInt(Wake::index));
        for (int i = 0; i < agents.size(); i++) {
            queue.add(new Wake(config.start().plus(agents.get(i).phase()), i));
        }
        SimulatedAgent.Environment environment = new SimulatedAgent.Environment(config.server(),
            config.stateDirectory(), clock, http, config.start(), config.wakeInterval(), offers);
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "fleet-agent");
            thread.setDaemon(true);
            return thread;
        });
        Counters counters = new Counters();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        Instant nextReport = config.start().plus(Duration.ofDays(1));
        try {
            while (!queue.isEmpty() && !queue.peek().at().isAfter(config.end())) {
                Instant slot = slotOf(queue.peek().at());
                runMilestones(pending, slot);
                clock.set(slot);
                List<Wake> due = new ArrayList<>();
                while (!queue.isEmpty() && !queue.peek().at().isAfter(slot)) {
                    due.add(queue.poll());
                }
                for (Wake next : tick(pool, environment, slot, due, counters)) {
                    if (next != null && !next.at().isAfter(config.end())) {
                        queue.add(next);
                    }
                }
                while (!slot.isBefore(nextReport)) {
                    progress.accept(counters.progress(nextReport, agents.size(), System.nanoTime() - started));
                    nextReport = nextReport.plus(Duration.ofDays(1));
                }
            }
            runMilestones(pending, config.end());
            clock.set(config.end());
            if (nextReport.minus(Duration.ofDays(1)).isBefore(config.end())) {
                progress.accept(counters.progress(config.end(), agents.size(), System.nanoTime() - started));
            }
        } finally {
            pool.shutdownNow();
        }
        return counters.summary(agents.size(), System.nanoTime() - started, processCpuNanos() - cpuStarted);
    }

    /**
     * After the scripted days: the same agents go on in the clock's own time (it runs on by itself, faster than real
     * time: {@link SimulationClock#runOnFromHere(long)}), each waking every {@code wakeInterval} of simulated time to
     * check in (picking up new policies), scan when its scan is due, install, restart and upload, until the calling
     * thread is interrupted. {@code progress} hears one line every {@code progressEvery} of real time.
     */
    public SimulationSummary runOn(Duration wakeInterval, Duration progressEvery, Consumer<String> progress)
        throws InterruptedException {
        Instant from = clock.instant();
        PriorityQueue<Wake> queue = new PriorityQueue<>(Comparator.comparing(Wake::at).thenComparingInt(Wake::index));
        for (int i = 0; i < agents.size(); i++) {
            queue.add(new Wake(from.plus(agents.get(i).phaseWithin(wakeInterval)), i));
        }
        SimulatedAgent.Environment environment = new SimulatedAgent.Environment(config.server(),
            config.stateDirectory(), clock, http, from, wakeInterval, offers);
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "fleet-agent-running-on");
            thread.setDaemon(true);
            return thread;
        });
        Counters counters = new Counters();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        long nextProgress = started + progressEvery.toNanos();
        try {
            while (!queue.isEmpty()) {
                Instant slot = slotOf(queue.peek().at());
                Duration wait = clock.realTimeUntil(slot);
                long untilProgress = nextProgress - System.nanoTime();
                if (untilProgress <= 0) {
                    progress.accept(counters.runOnLine(clock.instant(), clock.factor(), agents.size(), System.nanoTime() - started));
                    nextProgress += progressEvery.toNanos();
                    continue;
                }
                if (!wait.isZero()) {
                    Thread.sleep(Math.max(1, Math.min(wait.toMillis(), untilProgress / 1_000_000)));
                    continue;
                }
                List<Wake> due = new ArrayList<>();
                while (!queue.isEmpty() && !queue.peek().at().isAfter(slot)) {
                    due.add(queue.poll());
                }
                for (Wake next : tick(pool, environment, slot, due, counters)) {
                    if (next != null) {
                        queue.add(next);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return counters.summary(agents.size(), System.nanoTime() - started, processCpuNanos() - cpuStarted);
    }

    public SimulationSummary run(Consumer<SimulationProgress> progress) throws InterruptedException {
        return run(List.of(), progress);
    }

    /** The grid point at or after {@code at}. */
    private Instant slotOf(Instant at) {
        long resolution = config.resolution().toMillis();
        long offset = Duration.between(config.start(), at).toMillis();
        long slots = Math.floorDiv(offset + resolution - 1, resolution);
        return config.start().plusMillis(slots * resolution);
    }

    private void runMilestones(Deque<Milestone> pending, Instant upTo) {
        while (!pending.isEmpty() && !pending.peek().at().isAfter(upTo)) {
            Milestone milestone = pending.poll();
            if (milestone.at().isAfter(clock.instant())) {
                clock.set(milestone.at());
            }
            try {
                milestone.action().run();
            } catch (Exception e) {
                throw new IllegalStateException("simulation milestone '" + milestone.name() + "' at " + milestone.at()
                    + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Ticks the due agents in parallel, in as many slices as there are threads; returns their next wakes. */
    private List<Wake> tick(ExecutorService pool, SimulatedAgent.Environment environment, Instant now, List<Wake> due,
                            Counters counters) throws InterruptedException {
        int slices = Math.min(config.threads(), due.size());
        List<Callable<List<Wake>>> work = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            int first = slice;
            work.add(() -> {
                List<Wake> next = new ArrayList<>();
                for (int i = first; i < due.size(); i += slices) {
                    int index = due.get(i).index();
                    Instant at = agents.get(index).tick(now, environment, counters);
                    next.add(at == null ? null : new Wake(at.isAfter(now) ? at : now.plus(config.resolution()), index));
                }
                return next;
            });
        }
        List<Wake> next = new ArrayList<>(due.size());
        for (Future<List<Wake>> result : slices == 1 ? List.of(runHere(work.get(0))) : pool.invokeAll(work)) {
            try {
                next.addAll(result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("simulation slot at " + now + " failed: " + e.getCause(), e.getCause());
            }
        }
        return next;
    }

    private static Future<List<Wake>> runHere(Callable<List<Wake>> work) {
        java.util.concurrent.FutureTask<List<Wake>> task = new java.util.concurrent.FutureTask<>(work);
        task.run();
        return task;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** An agent's next wake. */
    private record Wake(Instant at, int index) {
    }
}
