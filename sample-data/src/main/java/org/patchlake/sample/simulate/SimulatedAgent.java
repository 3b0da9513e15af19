package org.patchlake.sample.simulate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.patchlake.agent.Agent;
import org.patchlake.agent.AgentConfig;
import org.patchlake.agent.AgentFactory;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.WindowsUpdateOffers;
import org.patchlake.agent.policy.HttpPackageSource;
import org.patchlake.agent.upload.Backoff;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryOutcome;
import org.patchlake.sample.fleet.FleetMember;

/**
 * One fleet member's real agent on its simulated machine, created on its first wake. After each tick it says when
 * it next has something to do: its next regular wake, a retry of a failed install, the machine's next boot (a
 * restart or reimage, after which the agent scans again), or a retry when the server was unreachable.
 */
final class SimulatedAgent {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration RETRY_DELAY = Duration.ofMinutes(30);
    private static final Duration SOON = Duration.ofMinutes(10);

    private final FleetMember member;
    private final String token;
    private final Duration phase;
    private SimulatedEndpoint endpoint;
    private Agent agent;
    private boolean enrolled;

    SimulatedAgent(FleetMember member, String token, Duration wakeInterval) {
        this.member = member;
        this.token = token;
        // a stable offset inside the wake interval, so the fleet's check-ins spread over it
        long spread = Math.floorMod(member.hostname().hashCode() * 0x9E3779B1L, wakeInterval.toSeconds());
        this.phase = Duration.ofSeconds(spread);
    }

    FleetMember member() {
        return member;
    }

    Duration phase() {
        return phase;
    }

    /** The agent's offset inside a (possibly shorter) wake interval: its phase modulo {@code interval}. */
    Duration phaseWithin(Duration interval) {
        return Duration.ofMillis(phase.toMillis() % interval.toMillis());
    }

    /** Ticks the agent at {@code now}; returns when it next wants to run (null: never again). */
    Instant tick(Instant now, Environment environment, Counters counters) {
        if (!Presence.online(member, now)) {
            return Presence.nextOnline(member, now);
        }
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        if (agent == null) {
            agent = create(environment);
        }
        Instant next = nextRegularWake(now, environment);
        try {
            Agent.TickReport report = agent.tick(now);
            counters.add(report, report.enrolled() && !enrolled);
            enrolled = report.enrolled();
            if (!report.enrolled() || report.notDeliveredReason() != null) {
                next = now.plus(SOON);
            }
            for (DeliveryAttempt attempt : report.attempts()) {
                if (attempt.outcome() == DeliveryOutcome.FAILED_WILL_RETRY) {
                    next = earlier(next, now.plus(RETRY_DELAY).plusSeconds(60));
                }
            }
            Instant boot = endpoint.nextBootAt();
            if (boot != null) {
                next = earlier(next, boot.plusSeconds(60));
            }
        } catch (RuntimeException e) {
            counters.failed(member.hostname() + " at " + now + ": " + e.getMessage());
        } finally {
            counters.agentCpu(THREADS.getCurrentThreadCpuTime() - cpuBefore);
        }
        return next;
    }

    private Agent create(Environment environment) {
        Path state = environment.stateDirectory().resolve(member.hostname());
        // no fsync (the simulator restarts no agent mid-write), no scan jitter (wakes are spread already),
        // a full inventory every day as a real agent sends it
        AgentConfig defaults = AgentConfig.defaults(environment.server(), token, state);
        AgentConfig config = new AgentConfig(defaults.server(), token, state, null, null, defaults.spoolLimitBytes(),
            RETRY_DELAY, Duration.ofDays(1), defaults.installTimeout(), 0.0, false);
        endpoint = new SimulatedEndpoint(member.machine(), environment.clock(), environment.offers());
        return AgentFactory.create(config, endpoint, environment.clock(), environment.clock(),
            new Backoff(2, Duration.ofMillis(20), Duration.ofMillis(100), Backoff.REAL_SLEEP), environment.http(),
            new HttpPackageSource(environment.http(), state.resolve("packages"), Duration.ofMinutes(5)));
    }

    /** The agent's regular wakes are start + phase + k * wakeInterval: the first of them after {@code now}. */
    private Instant nextRegularWake(Instant now, Environment environment) {
        long interval = environment.wakeInterval().toMillis();
        Instant first = environment.start().plus(phaseWithin(environment.wakeInterval()));
        long sinceFirst = Duration.between(first, now).toMillis();
        long wakes = sinceFirst < 0 ? 0 : sinceFirst / interval + 1;
        return first.plusMillis(wakes * interval);
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    /** What every agent of a run shares. */
    record Environment(URI server, Path stateDirectory, Clock clock, HttpClient http, Instant start,
                       Duration wakeInterval, WindowsUpdateOffers offers) {
    }
}
