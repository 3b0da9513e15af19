package org.patchlake.sample.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.patchlake.agent.Agent;

/** Thread-safe totals of what the agents did and what their ticks cost. */
final class Counters {
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong enrolled = new AtomicLong();
    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong inventories = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong installed = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong checkIns = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong agentCpuNanos = new AtomicLong();
    private volatile String lastFailure = "";

    void add(Agent.TickReport report, boolean enrolledNow) {
        ticks.incrementAndGet();
        enrolled.addAndGet(enrolledNow ? 1 : 0);
        scans.addAndGet(report.scanned() ? 1 : 0);
        inventories.addAndGet(report.inventoryQueued() ? 1 : 0);
        attempts.addAndGet(report.attempts().size());
        restarts.addAndGet(report.restarts().size());
        checkIns.addAndGet(report.checkedIn() ? 1 : 0);
        for (org.patchlake.core.protocol.DeliveryAttempt attempt : report.attempts()) {
            switch (attempt.outcome()) {
                case SUCCEEDED, SUCCEEDED_REBOOT_REQUIRED -> installed.incrementAndGet();
                case FAILED, FAILED_WILL_RETRY -> failedAttempts.incrementAndGet();
                default -> { }
            }
        }
        // enrollment, check-in and every upload tried are one request each
        requests.addAndGet((enrolledNow ? 1 : 0) + (report.checkedIn() ? 1 : 0) + report.sent() + report.rejected()
            + (report.notDeliveredReason() != null && report.enrolled() ? 1 : 0));
        sent.addAndGet(report.sent());
        rejected.addAndGet(report.rejected());
    }

    void failed(String what) {
        failures.incrementAndGet();
        lastFailure = what;
    }

    void agentCpu(long nanos) {
        agentCpuNanos.addAndGet(Math.max(0, nanos));
    }

    SimulationProgress progress(Instant now, int agents, long elapsedNanos) {
        return new SimulationProgress(now, agents, enrolled.get(), ticks.get(), scans.get(), inventories.get(),
            attempts.get(), restarts.get(), requests.get(), rejected.get(), failures.get(), lastFailure,
            Duration.ofNanos(elapsedNanos));
    }

    /** One line while agents run on after the scripted days: what they did so far. */
    String runOnLine(Instant now, long factor, int agents, long elapsedNanos) {
        return String.format("agents: %s (x%d: %,d agents) %,d check-ins, %,d scans, %,d install attempts: %,d installed, "
                + "%,d failed; %,d restarts, %,d uploads, %,d agent errors%s  (%.0f s running on)", now.truncatedTo(
                java.time.temporal.ChronoUnit.MINUTES), factor, agents, checkIns.get(), scans.get(), attempts.get(), installed.get(),
            failedAttempts.get(), restarts.get(), sent.get(), failures.get(), lastFailure.isEmpty() ? "" : " (last: " + lastFailure + ")",
            elapsedNanos / 1e9);
    }

    long installed() {
        return installed.get();
    }

    SimulationSummary summary(int agents, long elapsedNanos, long processCpuNanos) {
        return new SimulationSummary(agents, ticks.get(), enrolled.get(), scans.get(), inventories.get(),
            attempts.get(), restarts.get(), requests.get(), sent.get(), rejected.get(), failures.get(), lastFailure,
            Duration.ofNanos(elapsedNanos), Duration.ofNanos(agentCpuNanos.get()), Duration.ofNanos(processCpuNanos));
    }
}
