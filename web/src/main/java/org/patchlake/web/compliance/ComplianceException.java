package org.patchlake.web.compliance;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** An exception: a computer is exempt from a bulletin until it expires or is revoked. */
public record ComplianceException(long id, String computerId, String bulletinId, String owner, String reason,
                                  Instant expiresAt, String grantedBy, Instant grantedAt, String revokedBy,
                                  Instant revokedAt) {
    /** Active exceptions that end within this window are "expiring". */
    public static final Duration EXPIRING_WINDOW = Duration.ofDays(14);

    public ComplianceException {
        requireNonNull(computerId, "computerId is null");
        requireNonNull(bulletinId, "bulletinId is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(grantedBy, "grantedBy is null");
        requireNonNull(grantedAt, "grantedAt is null");
    }

    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (!expiresAt.isAfter(now)) {
            return "expired";
        }
        return expiresAt.isBefore(now.plus(EXPIRING_WINDOW)) ? "expiring" : "active";
    }
}
