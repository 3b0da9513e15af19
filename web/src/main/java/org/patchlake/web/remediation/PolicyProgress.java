package org.patchlake.web.remediation;

import org.patchlake.web.auth.Scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a policy stands, from its frozen targets (ops store) and the latest delivery attempts (warehouse), for
 * the targets the viewer may see. Each computer counts once: succeeded (every update installed, restarts done),
 * pending reboot (installed, waiting for a restart), failed (some update failed for good), in progress
 * (attempted, retrying or waiting for its window), not yet reported (no attempt in the warehouse yet). The five
 * add up to {@code targeted}.
 */
public record PolicyProgress(long targeted, long succeeded, long pendingReboot, long failed, long inProgress, long notReported,
                             List<FailureCount> failuresByCode, List<Row> rows) {
    /** Failed computer x update pairs with one return code. */
    public record FailureCount(Long returnCode, String hex, String meaning, long updates, long computers) {
    }

    /** One computer x update with its latest attempt (null when none yet). */
    public record Row(RemediationTarget target, RemediationTarget.Update update, RemediationWarehouse.Attempt attempt, String status) {
    }

    public PolicyProgress {
        failuresByCode = List.copyOf(failuresByCode);
        rows = List.copyOf(rows);
        if (succeeded + pendingReboot + failed + inProgress + notReported != targeted) {
            throw new IllegalStateException("progress does not add up to " + targeted + " targets");
        }
    }

    static PolicyProgress of(List<RemediationTarget> targets, List<RemediationWarehouse.Attempt> attempts, Scope scope) {
        Map<String, RemediationWarehouse.Attempt> latest = new LinkedHashMap<>();
        for (RemediationWarehouse.Attempt attempt : attempts) {
            latest.put(attempt.computerId() + "|" + attempt.kb(), attempt);
        }
        long targeted = 0;
        long[] counts = new long[5];
        Map<String, long[]> failures = new TreeMap<>();
        Map<String, RemediationWarehouse.Attempt> failureSample = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (RemediationTarget target : targets) {
            if (!scope.permits(target.region(), target.site())) {
                continue;
            }
            targeted++;
            boolean anyFailed = false;
            boolean anyAttempt = false;
            boolean allDone = true;
            boolean anyPending = false;
            java.util.Set<String> codesOfComputer = new java.util.HashSet<>();
            for (RemediationTarget.Update update : target.updates()) {
                RemediationWarehouse.Attempt attempt = latest.get(target.computerId() + "|" + update.kb());
                String status = status(attempt);
                rows.add(new Row(target, update, attempt, status));
                anyAttempt |= attempt != null;
                switch (status) {
                    case "failed" -> {
                        anyFailed = true;
                        allDone = false;
                        String key = attempt.returnCodeHex() == null ? "none" : attempt.returnCodeHex();
                        long[] count = failures.computeIfAbsent(key, k -> new long[2]);
                        count[0]++;
                        if (codesOfComputer.add(key)) {
                            count[1]++;
                        }
                        failureSample.putIfAbsent(key, attempt);
                    }
                    case "pending reboot" -> anyPending = true;
                    case "succeeded" -> { }
                    default -> allDone = false;
                }
            }
            if (anyFailed) {
                counts[2]++;
            } else if (allDone && anyPending) {
                counts[1]++;
            } else if (allDone) {
                counts[0]++;
            } else if (anyAttempt) {
                counts[3]++;
            } else {
                counts[4]++;
            }
        }
        List<FailureCount> byCode = new ArrayList<>();
        failures.forEach((hex, count) -> {
            RemediationWarehouse.Attempt sample = failureSample.get(hex);
            byCode.add(new FailureCount(sample.returnCode(), sample.returnCodeHex(), Objects.requireNonNullElse(sample.meaning(),
                    "unknown return code"), count[0], count[1]));
        });
        byCode.sort((a, b) -> Long.compare(b.computers(), a.computers()));
        return new PolicyProgress(targeted, counts[0], counts[1], counts[2], counts[3], counts[4], byCode, rows);
    }

    /** succeeded | pending reboot | failed | retrying | waiting for window | cancelled | not reported. */
    static String status(RemediationWarehouse.Attempt attempt) {
        if (attempt == null) {
            return "not reported";
        }
        return switch (attempt.outcome()) {
            case "succeeded" -> "succeeded";
            case "succeeded_reboot_required" -> attempt.restartedSince() ? "succeeded" : "pending reboot";
            case "failed" -> "failed";
            case "failed_will_retry" -> "retrying";
            case "outside_window" -> "waiting for window";
            default -> attempt.outcome().replace('_', ' ');
        };
    }
}
