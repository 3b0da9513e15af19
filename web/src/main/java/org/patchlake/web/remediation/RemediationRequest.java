package org.patchlake.web.remediation;

import org.patchlake.core.protocol.MaintenanceWindow;
import org.patchlake.core.protocol.RebootSettings;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A confirmed "Remediate" (form or {@code POST /api/v1/remediations}), checked by {@link RemediationRequests}.
 *
 * @param idempotencyKey  the same key twice creates one policy
 * @param name            null: named after the row
 * @param startAt         null: now
 * @param expectedTargets the count the confirmation showed; null when the caller did not see one (API)
 */
public record RemediationRequest(String idempotencyKey, RemediationSource source, String name, Instant startAt,
                                 MaintenanceWindow maintenanceWindow, Instant deadline, RebootSettings reboot, int maxRetries,
                                 int pilotPercent, Duration pilotPause, Integer expectedTargets) {
    public RemediationRequest {
        requireNonNull(idempotencyKey, "idempotencyKey is null");
        requireNonNull(source, "source is null");
        requireNonNull(reboot, "reboot is null");
        requireNonNull(pilotPause, "pilotPause is null");
    }
}
