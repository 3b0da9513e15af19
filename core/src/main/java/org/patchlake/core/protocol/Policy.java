package org.patchlake.core.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A software update policy as the agent receives it.
 *
 * @param policyId          required
 * @param revision          increases with every change of the policy (>= 1); the agent keeps the highest
 * @param updates           what to install (at least one)
 * @param scheduleStart     not before this instant (required)
 * @param maintenanceWindow when installs may run; null = any time after scheduleStart
 * @param deadline          after this instant install even outside the window; null = no deadline
 * @param reboot            restart behaviour (required)
 * @param maxRetries        attempts per update before FAILED (>= 1, default 3)
 * @param state             required
 */
public record Policy(
        String policyId,
        long revision,
        List<PolicyUpdate> updates,
        Instant scheduleStart,
        MaintenanceWindow maintenanceWindow,
        Instant deadline,
        RebootSettings reboot,
        int maxRetries,
        PolicyState state) {

    public static final int DEFAULT_MAX_RETRIES = 3;

    public Policy {
        policyId = Checks.identifier(policyId, "policyId");
        Checks.atLeast(revision, 1, "revision");
        updates = Checks.list(updates, "updates");
        if (updates.isEmpty()) {
            throw new ProtocolViolation("updates", "is empty");
        }
        Checks.required(scheduleStart, "scheduleStart");
        if (deadline != null && deadline.isBefore(scheduleStart)) {
            throw new ProtocolViolation("deadline", "is before scheduleStart");
        }
        Checks.required(reboot, "reboot");
        Checks.atLeast(maxRetries, 1, "maxRetries");
        Checks.required(state, "state");
    }
}
