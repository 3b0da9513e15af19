package org.patchlake.agent.policy;

import static java.util.Objects.requireNonNull;

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
import org.patchlake.agent.endpoint.RestartOutcome;
import org.patchlake.agent.endpoint.RestartRequest;
import org.patchlake.agent.endpoint.windows.WindowsCommandLine;
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
 * their deadline). The endpoint's installed updates are read once per run; an update already installed is reported
 * without running anything. The others are fetched, verified on the handle the installer runs from and held open
 * ({@link HeldPackage}) while the endpoint installs the policy's due updates ({@link Endpoint#installAll}); each exit
 * code is classified and a failure retried on a later tick up to the policy's {@code maxRetries}. Restarts follow
 * the policy: never, at the end of the cycle (all of its updates done, or the window about to close), or at the
 * scheduled local time; a restart the OS refused is asked for again after the retry delay.
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
    private final boolean holdPackagesExclusively;

    /**
     * @param holdPackagesExclusively deny write and delete sharing on the package while it is verified and installed
     *                                (Windows; elsewhere the state directory's permissions protect it)
     */
    public PolicyRunner(Endpoint endpoint, PackageSource packages, Duration retryDelay, Duration installTimeout,
                        boolean holdPackagesExclusively) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.packages = requireNonNull(packages, "packages is null");
        this.retryDelay = requireNonNull(retryDelay, "retryDelay is null");
        this.installTimeout = requireNonNull(installTimeout, "installTimeout is null");
        this.holdPackagesExclusively = holdPackagesExclusively;
    }

    /** What one run did: attempts to report and restarts requested. {@code progress} is updated in place. */
    public record Run(List<DeliveryAttempt> attempts, List<RestartRecord> restarts) {
        public Run {
            attempts = List.copyOf(attempts);
            restarts = List.copyOf(restarts);
        }
    }

    /** One update about to be installed, with its attempt number. */
    private record Due(PolicyUpdate update, int number, InstallRequest request) {
    }

    public Run run(List<Policy> policies, Map<String, UpdateProgress> progress, Instant now) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        List<RestartRecord> restarts = new ArrayList<>();
        InstalledKbs installed = new InstalledKbs(endpoint);
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
                List<PolicyUpdate> due = new ArrayList<>();
                for (PolicyUpdate update : policy.updates()) {
                    UpdateProgress current = progress.getOrDefault(key(policy.policyId(), update.kb()), UpdateProgress.NONE);
                    if (!current.finished() && (current.lastAttemptAt() == null
                        || !now.isBefore(current.lastAttemptAt().plus(retryDelay)))) {
                        due.add(update);
                    }
                }
                cursor = install(policy, due, progress, installed, cursor, attempts);
            }
            restart(policy, progress, cursor, windowEnd.orElse(null)).ifPresent(restarts::add);
        }
        return new Run(attempts, restarts);
    }

    public static String key(String policyId, String kb) {
        return policyId + "|" + kb;
    }

    private Instant install(Policy policy, List<PolicyUpdate> updates, Map<String, UpdateProgress> progress,
                            InstalledKbs installed, Instant now, List<DeliveryAttempt> attempts) {
        Instant cursor = now;
        List<Due> due = new ArrayList<>();
        List<HeldPackage> held = new ArrayList<>();
        try {
            for (PolicyUpdate update : updates) {
                int number = progress.getOrDefault(key(policy.policyId(), update.kb()), UpdateProgress.NONE).attempts() + 1;
                if (installed.contains(update.kb()).orElse(false)) {
                    record(policy, update, number, new InstallResult(ALREADY_INSTALLED, cursor, cursor,
                        "already installed; no installer run"), progress, attempts);
                    continue;
                }
                try {
                    HeldPackage heldPackage = HeldPackage.open(update.kb(), packages.fetch(update), update.sha256(),
                        holdPackagesExclusively);
                    held.add(heldPackage);
                    due.add(new Due(update, number, new InstallRequest(update.kb(), heldPackage.path(),
                        WindowsCommandLine.split(update.installSwitches()), cursor, installTimeout)));
                } catch (PackageException e) {
                    LOG.warn("policy {} {}: {}", policy.policyId(), update.kb(), e.getMessage());
                    record(policy, update, number, new InstallResult(e.returnCode(), cursor, cursor, e.getMessage()), progress,
                        attempts);
                }
            }
            if (due.isEmpty()) {
                return cursor;
            }
            List<InstallResult> results = endpoint.installAll(due.stream().map(Due::request).toList());
            if (results.size() != due.size()) {
                throw new IllegalStateException("the endpoint answered " + results.size() + " install results for "
                    + due.size() + " requests");
            }
            String unknown = installed.failure();
            for (int index = 0; index < due.size(); index++) {
                InstallResult result = results.get(index);
                if (unknown != null) {
                    result = new InstallResult(result.returnCode(), result.startedAt(), result.endedAt(), result.detail()
                        + " (the installed updates could not be read, so the installer was run to find out: " + unknown + ")");
                }
                DeliveryAttempt attempt = record(policy, due.get(index).update(), due.get(index).number(), result, progress, attempts);
                if (InstallReturnCodes.describe(attempt.returnCode()).category() == Category.SUCCESS) {
                    installed.add(attempt.kb());
                }
                cursor = result.endedAt().isAfter(cursor) ? result.endedAt() : cursor;
            }
            return cursor;
        } finally {
            held.forEach(HeldPackage::close);
        }
    }

    private DeliveryAttempt record(Policy policy, PolicyUpdate update, int number, InstallResult result,
                                   Map<String, UpdateProgress> progress, List<DeliveryAttempt> attempts) {
        InstallReturnCodes.ReturnCode code = InstallReturnCodes.describe(result.returnCode());
        DeliveryOutcome outcome = outcome(code.category(), number, policy.maxRetries());
        String message = result.returnCode() == ALREADY_INSTALLED && result.detail().startsWith("already installed")
            ? result.detail() : code.meaning() + " [" + code.symbol() + " " + code.hex() + "]: " + result.detail();
        LOG.info("policy {} {} attempt {}/{}: {} {}", policy.policyId(), update.kb(), number, policy.maxRetries(),
            outcome, message);
        DeliveryAttempt attempt = new DeliveryAttempt(policy.policyId(), update.kb(), number, result.startedAt(),
            result.endedAt(), code.code(), outcome, message.length() > 4000 ? message.substring(0, 4000) : message);
        attempts.add(attempt);
        String key = key(policy.policyId(), update.kb());
        progress.put(key, progress.getOrDefault(key, UpdateProgress.NONE).afterAttempt(attempt.endedAt(), outcome,
            outcome != DeliveryOutcome.FAILED_WILL_RETRY,
            outcome == DeliveryOutcome.SUCCEEDED_REBOOT_REQUIRED && code.category() != Category.SUCCESS_REBOOT_INITIATED));
        return attempt;
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
        Instant lastRestartFailure = null;
        for (PolicyUpdate update : policy.updates()) {
            UpdateProgress current = progress.getOrDefault(key(policy.policyId(), update.kb()), UpdateProgress.NONE);
            awaiting |= current.awaitingRestart();
            allFinished &= current.finished();
            if (current.restartFailedAt() != null
                && (lastRestartFailure == null || current.restartFailedAt().isAfter(lastRestartFailure))) {
                lastRestartFailure = current.restartFailedAt();
            }
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
        if (!due || (lastRestartFailure != null && now.isBefore(lastRestartFailure.plus(retryDelay)))) {
            return Optional.empty();
        }
        String message = reboot.noticeMessage() == null ? DEFAULT_NOTICE : reboot.noticeMessage();
        RestartOutcome outcome = requestRestart(new RestartRequest(now, notice, message + " (policy " + policy.policyId() + ")"));
        for (PolicyUpdate update : policy.updates()) {
            progress.computeIfPresent(key(policy.policyId(), update.kb()), (k, current) -> !current.awaitingRestart() ? current
                : outcome.restartComing() ? current.restartHandled() : current.restartFailed(now));
        }
        if (outcome.restartComing()) {
            LOG.info("policy {}: restart requested ({}), notice {} min: {}", policy.policyId(), reboot.behaviour(),
                reboot.noticeMinutes(), outcome.detail());
        } else {
            LOG.warn("policy {}: restart requested ({}) but not scheduled, asked again after {}: {}", policy.policyId(),
                reboot.behaviour(), retryDelay, outcome.detail());
        }
        return Optional.of(new RestartRecord(policy.policyId(), reboot.behaviour(), now, reboot.noticeMinutes(), message,
            outcome.status().name(), outcome.detail()));
    }

    private RestartOutcome requestRestart(RestartRequest request) {
        try {
            return endpoint.restart(request);
        } catch (RuntimeException e) {
            return new RestartOutcome(RestartOutcome.Status.FAILED, -1, "the restart could not be requested: " + e);
        }
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
