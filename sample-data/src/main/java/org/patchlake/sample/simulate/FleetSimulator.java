package org.patchlake.sample.simulate;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.patchlake.agent.Agent;
import org.patchlake.agent.AgentConfig;
import org.patchlake.agent.AgentFactory;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.policy.HttpPackageSource;
import org.patchlake.agent.upload.Backoff;
import org.patchlake.agent.upload.IngestClient;
import org.patchlake.sample.fleet.FleetMember;

/**
 * Runs a fleet's real agents, each on its simulated machine, against a real server in fast-forward time: the
 * simulated clock moves one {@code step} per round and every machine that is switched on ticks once. Agents
 * enroll with their site's token on their first tick, scan, upload, run the policies they receive, restart, and
 * spool while their machine is off. Request signatures use the wall clock; everything the agents report uses
 * simulated time.
 */
public final class FleetSimulator {
    private final SimulationConfig config;
    private final List<SimulatedAgent> agents;
    private final SimulationClock clock;
    private final HttpClient http = IngestClient.defaultHttpClient();

    public FleetSimulator(SimulationConfig config, List<FleetMember> fleet) {
        this.config = requireNonNull(config, "config is null");
        this.clock = new SimulationClock(config.start());
        List<SimulatedAgent> built = new ArrayList<>(fleet.size());
        for (FleetMember member : fleet) {
            String token = config.tokensBySite().get(member.site());
            if (token == null) {
                throw new IllegalArgumentException("no enrollment token for site '" + member.site() + "' of "
                    + member.hostname() + " (tokens are for " + config.tokensBySite().keySet() + ")");
            }
            built.add(new SimulatedAgent(member, token));
        }
        this.agents = List.copyOf(built);
    }

    /** Runs from start to end; {@code progress} hears about every simulated day. */
    public SimulationSummary run(Consumer<SimulationProgress> progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "fleet-agent");
            thread.setDaemon(true);
            return thread;
        });
        Counters counters = new Counters();
        long started = System.nanoTime();
        try {
            Instant nextReport = config.start().plus(Duration.ofDays(1));
            for (Instant now = config.start(); !now.isAfter(config.end()); now = now.plus(config.step())) {
                clock.set(now);
                round(pool, now, counters);
                if (!now.isBefore(nextReport) || !now.plus(config.step()).isBefore(config.end())) {
                    progress.accept(counters.progress(now, agents.size(), System.nanoTime() - started));
                    nextReport = nextReport.plus(Duration.ofDays(1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return counters.summary(agents.size(), System.nanoTime() - started);
    }

    private void round(ExecutorService pool, Instant now, Counters counters) throws InterruptedException {
        List<Future<?>> running = new ArrayList<>(config.threads());
        int slice = (agents.size() + config.threads() - 1) / config.threads();
        for (int from = 0; from < agents.size(); from += slice) {
            List<SimulatedAgent> part = agents.subList(from, Math.min(agents.size(), from + slice));
            running.add(pool.submit(() -> part.forEach(agent -> agent.tick(now, counters))));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("simulation round at " + now + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** One fleet member's agent, created lazily on its first tick (when it is switched on for the first time). */
    private final class SimulatedAgent {
        private final FleetMember member;
        private final String token;
        private SimulatedEndpoint endpoint;
        private Agent agent;
        private boolean enrolled;

        SimulatedAgent(FleetMember member, String token) {
            this.member = member;
            this.token = token;
        }

        void tick(Instant now, Counters counters) {
            if (!Presence.online(member, now)) {
                return;
            }
            if (agent == null) {
                Path state = config.stateDirectory().resolve(member.hostname());
                AgentConfig agentConfig = AgentConfig.defaults(config.server(), token, state).withoutFsync();
                endpoint = new SimulatedEndpoint(member.machine(), clock);
                agent = AgentFactory.create(agentConfig, endpoint, clock, java.time.Clock.systemUTC(),
                    new Backoff(2, Duration.ofMillis(20), Duration.ofMillis(100), Backoff.REAL_SLEEP), http,
                    new HttpPackageSource(http, state.resolve("packages"), Duration.ofMinutes(5)));
            }
            try {
                Agent.TickReport report = agent.tick(now);
                counters.add(report, report.enrolled() && !enrolled);
                enrolled = report.enrolled();
            } catch (RuntimeException e) {
                counters.failed(member.hostname() + " at " + now + ": " + e.getMessage());
            }
        }
    }

    /** Thread-safe totals of what the agents did. */
    static final class Counters {
        final AtomicLong ticks = new AtomicLong();
        final AtomicLong enrolled = new AtomicLong();
        final AtomicLong scans = new AtomicLong();
        final AtomicLong inventories = new AtomicLong();
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong restarts = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastFailure = "";

        void add(Agent.TickReport report, boolean enrolledNow) {
            ticks.incrementAndGet();
            enrolled.addAndGet(enrolledNow ? 1 : 0);
            scans.addAndGet(report.scanned() ? 1 : 0);
            inventories.addAndGet(report.inventoryQueued() ? 1 : 0);
            attempts.addAndGet(report.attempts().size());
            restarts.addAndGet(report.restarts().size());
            sent.addAndGet(report.sent());
            rejected.addAndGet(report.rejected());
        }

        void failed(String what) {
            failures.incrementAndGet();
            lastFailure = what;
        }

        SimulationProgress progress(Instant now, int agents, long elapsedNanos) {
            return new SimulationProgress(now, agents, enrolled.get(), scans.get(), inventories.get(), attempts.get(),
                restarts.get(), sent.get(), rejected.get(), failures.get(), lastFailure, Duration.ofNanos(elapsedNanos));
        }

        SimulationSummary summary(int agents, long elapsedNanos) {
            return new SimulationSummary(agents, ticks.get(), enrolled.get(), scans.get(), inventories.get(),
                attempts.get(), restarts.get(), sent.get(), rejected.get(), failures.get(), lastFailure,
                Duration.ofNanos(elapsedNanos));
        }
    }
}
