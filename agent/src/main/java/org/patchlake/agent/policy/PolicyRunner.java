package org.patchlake.agent.policy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.InstallRequest;
import org.patchlake.agent.endpoint.InstallResult;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryOutcome;
import org.patchlake.core.protocol.Policy;
import org.patchlake.core.protocol.PolicyState;
import org.patchlake.core.protocol.PolicyUpdate;
import org.patchlake.core.protocol.RebootBehaviour;
import org.patchlake.core.protocol.RebootSettings;
import org.patchlake.core.rules.InstallReturnCodes;
import org.patchlake.core.rules.InstallReturnCodes.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the policies that are due: active, past their schedule start, inside their maintenance window (or past
 * their deadline). Each update is installed from a verified package, its exit code classified, and a failure
 * retried on a later tick up to the policy's {@code maxRetries}. Restarts follow the policy: never, at the end of
 * the cycle (all of its updates done, or the window about to close), or at the scheduled local time.
 * Every attempt becomes a {@link DeliveryAttempt}; the caller spools them.
 */
public final class PolicyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRunner.class);
    private static final long ALREADY_INSTALLED = 2359302L;
    static final String DEFAULT_NOTICE = "Patchlake restarts this computer to finish installing security updates.";

    private final Endpoint endpoint;
    private final PackageSource packages;
    private final Duration retryDelay;
    private final Duration installTimeout;

    public PolicyRunner(Endpoint endpoint, PackageSource packages, Duration retryDelay, Duration installTimeout) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.packages = requireNonNull(packages, "packages is null");
        this.retryDelay = requireNonNull(retryDelay, "retryDelay is null");
        this.installTimeout = requireNonNull(installTimeout, "installTimeout is null");
    }

    /** What one run did: attempts to report and restarts requested. {@code progress} is updated in place. */
    public record Run(List<DeliveryAttempt> attempts, List<RestartRecord> restarts) {
        public Run {
            attempts = List.copyOf(attempts);
            restarts = List.copyOf(restarts);
        }
    }

    public Run run(List<Policy> policies, Map<String, UpdateProgress> progress, Instant now) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        List<RestartRecord> restarts = new ArrayList<>();
        Instant cursor = now;
        for (Policy policy : policies) {
            if (policy.state() != PolicyState.ACTIVE || now.isBefore(policy.scheduleStart())) {
                continue;
            }
            boolean deadlinePassed = policy.deadline() != null && !now.isBefore(policy.deadline());
            Optional<Instant> windowEnd = policy.maintenanceWindow() == null ? Optional.empty()
                : MaintenanceWindows.openUntil(policy.maintenanceWindow(), now);
            boolean open = policy.maintenanceWindow() == null || windowEnd.isPresent() || deadlinePassed;
            if (open) {
                for (PolicyUpdate update : policy.updates()) {
                    String key = key(policy.policyId(), update.kb());
                    UpdateProgress current = progress.getOrDefault(key, UpdateProgress.NONE);
                    if (current.finished() || (current.lastAttemptAt() != null
                        && now.isBefore(current.lastAttemptAt().plus(retryDelay)))) {
                        continue;
                    }
                    DeliveryAttempt attempt = attempt(policy, update, current.attempts() + 1, cursor);
                    attempts.add(attempt);
                    cursor = attempt.endedAt();
                    progress.put(key, current.afterAttempt(attempt.endedAt(), attempt.outcome(),
                        attempt.outcome() != DeliveryOutcome.FAILED_WILL_RETRY,
                        attempt.outcome() == DeliveryOutcome.SUCCEEDED_REBOOT_REQUIRED
                            && InstallReturnCodes.describe(attempt.returnCode()).category() != Category.SUCCESS_REBOOT_INITIATED));
                }
            }
            restart(policy, progress, cursor, windowEnd.orElse(null)).ifPresent(restarts::add);
        }
        return new Run(attempts, restarts);
    }

    public static String key(String policyId, String kb) {
        return policyId + "|" + kb;
    }

    private DeliveryAttempt attempt(Policy policy, PolicyUpdate update, int number, Instant now) {
        if (endpoint.isKbInstalled(update.kb())) {
            return new DeliveryAttempt(policy.policyId(), update.kb(), number, now, now, ALREADY_INSTALLED,
                DeliveryOutcome.SUCCEEDED, "already installed; no installer run");
        }
        InstallResult result;
        try {
            Path file = packages.fetch(update);
            List<String> switches = update.installSwitches() == null || update.installSwitches().isBlank()
                ? List.of() : List.of(update.installSwitches().trim().split("\\s+"));
            result = endpoint.install(new InstallRequest(update.kb(), file, switches, now, installTimeout));
        } catch (PackageException e) {
            LOG.warn("policy {} {}: {}", policy.policyId(), update.kb(), e.getMessage());
            result = new InstallResult(e.returnCode(), now, now, e.getMessage());
        }
        InstallReturnCodes.ReturnCode code = InstallReturnCodes.describe(result.returnCode());
        DeliveryOutcome outcome = outcome(code.category(), number, policy.maxRetries());
        String message = code.meaning() + " [" + code.symbol() + " " + code.hex() + "]: " + result.detail();
        LOG.info("policy {} {} attempt {}/{}: {} {}", policy.policyId(), update.kb(), number, policy.maxRetries(),
            outcome, message);
        return new DeliveryAttempt(policy.policyId(), update.kb(), number, result.startedAt(), result.endedAt(),
            code.code(), outcome, message.length() > 4000 ? message.substring(0, 4000) : message);
    }

    static DeliveryOutcome outcome(Category category, int attempt, int maxRetries) {
        return switch (category) {
            case SUCCESS, ALREADY_INSTALLED -> DeliveryOutcome.SUCCEEDED;
            case SUCCESS_REBOOT_REQUIRED, SUCCESS_REBOOT_INITIATED -> DeliveryOutcome.SUCCEEDED_REBOOT_REQUIRED;
            case NOT_APPLICABLE, REFUSED -> DeliveryOutcome.FAILED;
            case RETRYABLE, FAILED -> attempt < maxRetries ? DeliveryOutcome.FAILED_WILL_RETRY : DeliveryOutcome.FAILED;
        };
    }

    private Optional<RestartRecord> restart(Policy policy, Map<String, UpdateProgress> progress, Instant now,
                                            Instant windowEnd) {
        RebootSettings reboot = policy.reboot();
        boolean awaiting = false;
        boolean allFinished = true;
        for (PolicyUpdate update : policy.updates()) {
            UpdateProgress current = progress.getOrDefault(key(policy.policyId(), update.kb()), UpdateProgress.NONE);
            awaiting |= current.awaitingRestart();
            allFinished &= current.finished();
        }
        if (!awaiting || reboot.behaviour() == RebootBehaviour.NEVER) {
            return Optional.empty();
        }
        Duration notice = Duration.ofMinutes(reboot.noticeMinutes());
        boolean due = switch (reboot.behaviour()) {
            case END_OF_CYCLE -> allFinished || (windowEnd != null && !now.isBefore(windowEnd.minus(notice)));
            case SCHEDULED -> !now.isBefore(scheduledRestart(policy, progress).minus(notice));
            case NEVER -> false;
        };
        if (!due) {
            return Optional.empty();
        }
        String message = reboot.noticeMessage() == null ? DEFAULT_NOTICE : reboot.noticeMessage();
        endpoint.restart(new RestartRequest(now, notice, message + " (policy " + policy.policyId() + ")"));
        for (PolicyUpdate update : policy.updates()) {
            progress.computeIfPresent(key(policy.policyId(), update.kb()), (k, current) -> current.restartHandled());
        }
        LOG.info("policy {}: restart requested ({}), notice {} min", policy.policyId(), reboot.behaviour(),
            reboot.noticeMinutes());
        return Optional.of(new RestartRecord(policy.policyId(), reboot.behaviour(), now, reboot.noticeMinutes(), message));
    }

    /** The first scheduled restart time (local, in the window's zone or UTC) after the earliest install awaiting it. */
    private static Instant scheduledRestart(Policy policy, Map<String, UpdateProgress> progress) {
        ZoneId zone = policy.maintenanceWindow() == null ? ZoneOffset.UTC : policy.maintenanceWindow().zone();
        Instant installedAt = null;
        for (PolicyUpdate update : policy.updates()) {
            UpdateProgress current = progress.get(key(policy.policyId(), update.kb()));
            if (current != null && current.awaitingRestart()
                && (installedAt == null || current.lastAttemptAt().isBefore(installedAt))) {
                installedAt = current.lastAttemptAt();
            }
        }
        LocalDate day = installedAt.atZone(zone).toLocalDate();
        Instant candidate = day.atTime(policy.reboot().scheduledAt()).atZone(zone).toInstant();
        return candidate.isBefore(installedAt) ? day.plusDays(1).atTime(policy.reboot().scheduledAt()).atZone(zone).toInstant()
            : candidate;
    }
}
