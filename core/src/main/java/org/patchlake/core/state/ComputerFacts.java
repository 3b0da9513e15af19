package org.patchlake.core.state;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What is known about one computer, as plain serializable data (usable inside Spark tasks and by the agent).
 *
 * @param computerId       the computer
 * @param products         catalog product names it has (AffectedProduct exactly as in the catalog)
 * @param installedKbs     KBs its last inventory lists as installed ("KB4487017")
 * @param pendingRebootKbs KBs installed but waiting for a restart (counted as installed, state
 *                         INSTALLED_PENDING_REBOOT); need not be repeated in installedKbs
 * @param failedAttempts   KB -> failed install attempts so far
 * @param exemptions       bulletin id -> end of its active exception (exclusive); {@link Instant#MAX} when open-ended
 * @param lastInventoryAt  time of the last inventory; null when never scanned
 */
public record ComputerFacts(
        String computerId,
        Set<String> products,
        Set<String> installedKbs,
        Set<String> pendingRebootKbs,
        Map<String, Integer> failedAttempts,
        Map<String, Instant> exemptions,
        Instant lastInventoryAt) implements Serializable {

    public ComputerFacts {
        requireNonNull(computerId, "computerId is null");
        products = Set.copyOf(products);
        installedKbs = Set.copyOf(installedKbs);
        pendingRebootKbs = Set.copyOf(pendingRebootKbs);
        failedAttempts = Map.copyOf(failedAttempts);
        exemptions = Map.copyOf(exemptions);
    }

    /** A computer with products and installed KBs only, scanned at {@code lastInventoryAt}. */
    public static ComputerFacts scanned(String computerId, Set<String> products, Set<String> installedKbs, Instant lastInventoryAt) {
        return new ComputerFacts(computerId, products, installedKbs, Set.of(), Map.of(), Map.of(), lastInventoryAt);
    }

    boolean isExempt(String bulletinId, Instant now) {
        Instant until = exemptions.get(bulletinId);
        return until != null && now.isBefore(until);
    }

    boolean hasInstalled(String kb) {
        return installedKbs.contains(kb) || pendingRebootKbs.contains(kb);
    }

    boolean isPendingReboot(String kb) {
        return pendingRebootKbs.contains(kb);
    }

    int failedAttemptsOf(String kb) {
        Integer attempts = failedAttempts.get(kb);
        return attempts == null ? 0 : attempts;
    }
}
