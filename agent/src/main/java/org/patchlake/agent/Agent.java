package org.patchlake.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.agent.policy.PolicyRunner;
import org.patchlake.agent.policy.RestartRecord;
import org.patchlake.agent.scan.Scanner;
import org.patchlake.agent.spool.Spool;
import org.patchlake.agent.spool.SpooledMessage;
import org.patchlake.agent.spool.SpooledMessage.MessageKind;
import org.patchlake.agent.upload.Credentials;
import org.patchlake.agent.upload.IngestClient;
import org.patchlake.agent.upload.IngestRejectedException;
import org.patchlake.agent.upload.IngestUnavailableException;
import org.patchlake.agent.upload.SendOutcome;
import org.patchlake.core.protocol.ComputerAction;
import org.patchlake.core.protocol.ComputerClassHint;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryReport;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.EnrollResponse;
import org.patchlake.core.protocol.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's loop, one step at a time: {@link #tick(Instant)} enrolls if needed, checks in for settings and
 * policies when due, runs due policies, scans when due (or after installs and restarts), spools what must be
 * uploaded, and sends the spool in order. Nothing in here sleeps or reads the wall clock, so tests and the fleet
 * simulator drive it with their own time; {@link AgentCommand} calls it once a minute.
 */
public final class Agent {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final Duration ENROLL_RETRY = Duration.ofMinutes(5);
    private static final Duration CHECK_IN_RETRY = Duration.ofMinutes(5);
    private static final int MAX_ACTIONS_REMEMBERED = 500;
    private static final int MAX_RESTARTS_REMEMBERED = 200;
    private static final Duration SCAN_RETRY = Duration.ofMinutes(15);
    private static final String RESTART_NOTICE = "Your administrator restarts this computer to finish installing security updates.";

    /** What one tick did, for logs, tests and the simulator. */
    public record TickReport(boolean enrolled, boolean checkedIn, boolean scanned, boolean inventoryQueued,
                             List<DeliveryAttempt> attempts, List<RestartRecord> restarts, int sent, int rejected,
                             String notDeliveredReason, int spooled) {
        public TickReport {
            attempts = List.copyOf(attempts);
            restarts = List.copyOf(restarts);
        }
    }

    private final AgentConfig config;
    private final Endpoint endpoint;
    private final IngestClient client;
    private final PolicyRunner policies;
    private final Scanner scanner;
    private final Spool spool;
    private final Random random;
    private final ObjectMapper json;
    private final Path stateFile;
    private final AgentState state;
    private Instant nextEnrollAt;

    public Agent(AgentConfig config, Endpoint endpoint, IngestClient client, PolicyRunner policies, Scanner scanner,
                 Spool spool, Random random, ObjectMapper json) {
        this.config = requireNonNull(config, "config is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.client = requireNonNull(client, "client is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.scanner = requireNonNull(scanner, "scanner is null");
        this.spool = requireNonNull(spool, "spool is null");
        this.random = requireNonNull(random, "random is null");
        this.json = requireNonNull(json, "json is null");
        this.stateFile = config.stateDirectory().resolve("agent-state.json");
        this.state = AgentState.load(stateFile, json);
    }

    public synchronized TickReport tick(Instant now) {
        if (!state.enrolled() && !enroll(now)) {
            return new TickReport(false, false, false, false, List.of(), List.of(), 0, 0, "not enrolled",
                spool.pending().size());
        }
        Credentials credentials = new Credentials(state.computerId, state.agentSecret);
        boolean checkedIn = checkInIfDue(credentials, now);
        endpoint.settingsReceived(state.settings);
        PolicyRunner.Run run = runPolicies(now);
        state.restarts.addAll(run.restarts());
        while (state.restarts.size() > MAX_RESTARTS_REMEMBERED) {
            state.restarts.remove(0);
        }
        if (!run.attempts().isEmpty()) {
            spoolDeliveries(run.attempts());
            state.rescanRequested = true;
        }
        boolean scanned = false;
        boolean queued = false;
        Instant lastBoot = safeLastBoot();
        // Windows derives the boot time from the tick count, so it wobbles by milliseconds between reads
        boolean rebooted = lastBoot != null && state.lastBootSeen != null
            && Duration.between(state.lastBootSeen, lastBoot).abs().compareTo(Duration.ofMinutes(1)) > 0;
        if (lastBoot != null) {
            state.lastBootSeen = lastBoot;
        }
        if (state.nextScanAt == null || !now.isBefore(state.nextScanAt) || state.rescanRequested || rebooted) {
            try {
                queued = scan(now);
                scanned = true;
            } catch (RuntimeException e) {
                // an endpoint that cannot say even who it is (registry access broken) must not stop the uploads
                state.nextScanAt = now.plus(SCAN_RETRY);
                LOG.error("scan failed, next try at {}; spooled messages are still sent", state.nextScanAt, e);
            }
        }
        Flush flush = flush(credentials);
        state.save(stateFile, json, config.fsync());
        return new TickReport(true, checkedIn, scanned, queued, run.attempts(), run.restarts(), flush.sent, flush.rejected,
            flush.notDelivered, spool.pending().size());
    }

    /** When the agent next has timed work (check-in or scan); policy windows are checked every tick anyway. */
    public synchronized Instant nextWakeAt(Instant now) {
        Instant next = now.plus(Duration.ofMinutes(1));
        for (Instant candidate : new Instant[] {state.nextCheckInAt, state.nextScanAt, nextEnrollAt}) {
            if (candidate != null && candidate.isBefore(next)) {
                next = candidate;
            }
        }
        return next.isBefore(now) ? now : next;
    }

    public synchronized String computerId() {
        return state.computerId;
    }

    public Spool spool() {
        return spool;
    }

    private boolean enroll(Instant now) {
        if (nextEnrollAt != null && now.isBefore(nextEnrollAt)) {
            return false;
        }
        if (config.enrollmentToken() == null || config.enrollmentToken().isBlank()) {
            throw new IllegalStateException("not enrolled and no enrollment token given (--enroll TOKEN)");
        }
        ComputerIdentity computer = endpoint.osIdentity();
        EnrollRequest request = new EnrollRequest(config.enrollmentToken(), computer.hostname(), computer.domain(),
            Scanner.osIdentityOf(computer), computer.hardwareId(), AgentConfig.VERSION,
            endpoint.computerClassHint().orElse(
                computer.product().contains("Server") ? ComputerClassHint.SERVER : ComputerClassHint.WORKSTATION),
            endpoint.managedLevel().orElse(null));
        try {
            EnrollResponse response = client.enroll(request);
            state.computerId = response.computerId();
            state.agentSecret = response.agentSecret();
            state.settings = response.settings();
            state.save(stateFile, json, config.fsync());
            LOG.info("enrolled as {} at {}", response.computerId(), config.server());
            return true;
        } catch (IngestUnavailableException | IngestRejectedException e) {
            nextEnrollAt = now.plus(ENROLL_RETRY);
            LOG.warn("enrollment failed, next try at {}: {}", nextEnrollAt, e.getMessage());
            return false;
        }
    }

    private boolean checkInIfDue(Credentials credentials, Instant now) {
        if (state.nextCheckInAt != null && now.isBefore(state.nextCheckInAt)) {
            return false;
        }
        try {
            PolicySet set = client.policies(credentials);
            state.policies = new ArrayList<>(set.policies());
            state.settings = set.settings();
            runActions(set.actions(), now);
            state.nextCheckInAt = now.plus(Duration.ofMinutes(set.settings().checkInIntervalMinutes()));
            return true;
        } catch (IngestUnavailableException | IngestRejectedException e) {
            state.nextCheckInAt = now.plus(CHECK_IN_RETRY);
            LOG.warn("check-in failed (keeping {} known policies), next try at {}: {}", state.policies.size(),
                state.nextCheckInAt, e.getMessage());
            return false;
        }
    }

    /**
     * The policy run; a failure of the endpoint in it (WMI, COM) is logged and the tick goes on to scan and upload.
     * Failures of single updates are attempts the runner reports itself.
     */
    private PolicyRunner.Run runPolicies(Instant now) {
        try {
            return policies.run(state.policies, state.progress, now);
        } catch (RuntimeException e) {
            LOG.error("running policies failed; scanning and uploading go on", e);
            return new PolicyRunner.Run(List.of(), List.of());
        }
    }

    /** Runs each one-off action once: a rescan on this tick, a restart after its notice. */
    private void runActions(List<ComputerAction> actions, Instant now) {
        for (ComputerAction action : actions) {
            if (state.actionsDone.contains(action.actionId())) {
                continue;
            }
            switch (action.kind()) {
                case RESCAN -> state.rescanRequested = true;
                case RESTART -> {
                    String message = action.noticeMessage() == null ? RESTART_NOTICE : action.noticeMessage();
                    RestartOutcome outcome;
                    try {
                        outcome = endpoint.restart(new RestartRequest(now, Duration.ofMinutes(action.noticeMinutes()),
                            message + " (action " + action.actionId() + ")"));
                    } catch (RuntimeException e) {
                        outcome = new RestartOutcome(RestartOutcome.Status.FAILED, -1, e.toString());
                    }
                    if (!outcome.restartComing()) {
                        LOG.warn("action {} (RESTART): the restart was not scheduled: {}", action.actionId(), outcome.detail());
                    }
                }
            }
            LOG.info("action {} ({}) issued {}: run", action.actionId(), action.kind(), action.issuedAt());
            state.actionsDone.add(action.actionId());
            while (state.actionsDone.size() > MAX_ACTIONS_REMEMBERED) {
                state.actionsDone.remove(0);
            }
        }
    }

    private boolean scan(Instant now) {
        state.rescanRequested = false;
        Duration interval = Duration.ofMinutes(state.settings.scanIntervalMinutes());
        double jitter = (random.nextDouble() * 2 - 1) * config.scanJitter();
        state.nextScanAt = now.plus(Duration.ofMillis((long) (interval.toMillis() * (1 + jitter))));
        String messageId = UUID.randomUUID().toString();
        Scanner.Scan scan = scanner.scan(messageId, state.computerId, now, state.pendingRebootSince);
        state.pendingRebootSince = scan.pendingReboot() ? scan.report().pendingReboot().since() : null;
        boolean changed = !scan.contentDigest().equals(state.lastInventoryDigest);
        boolean fullDue = state.lastFullUploadAt == null || !now.isBefore(state.lastFullUploadAt.plus(config.fullUploadEvery()));
        if (!changed && !fullDue) {
            return false;
        }
        spool.append(MessageKind.INVENTORY, messageId, write(scan.report()));
        state.lastInventoryDigest = scan.contentDigest();
        if (scan.report().full()) {
            state.lastFullUploadAt = now;
        }
        return true;
    }

    private void spoolDeliveries(List<DeliveryAttempt> attempts) {
        for (int from = 0; from < attempts.size(); from += DeliveryReport.MAX_ATTEMPTS) {
            String messageId = UUID.randomUUID().toString();
            List<DeliveryAttempt> part = attempts.subList(from, Math.min(attempts.size(), from + DeliveryReport.MAX_ATTEMPTS));
            spool.append(MessageKind.DELIVERY, messageId, write(new DeliveryReport(messageId, state.computerId, part)));
        }
    }

    private record Flush(int sent, int rejected, String notDelivered) {
    }

    private Flush flush(Credentials credentials) {
        int sent = 0;
        int rejected = 0;
        for (SpooledMessage message : spool.pending()) {
            SendOutcome outcome = client.send(message, credentials);
            if (outcome instanceof SendOutcome.Acknowledged) {
                spool.remove(message);
                sent++;
            } else if (outcome instanceof SendOutcome.Rejected refused) {
                spool.reject(message, refused.reason());
                rejected++;
            } else if (outcome instanceof SendOutcome.NotDelivered later) {
                LOG.warn("upload paused, {} message(s) stay spooled: {}", spool.pending().size(), later.reason());
                return new Flush(sent, rejected, later.reason());
            }
        }
        return new Flush(sent, rejected, null);
    }

    private Instant safeLastBoot() {
        try {
            return endpoint.lastBootAt();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] write(Object report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + report.getClass().getSimpleName(), e);
        }
    }
}
