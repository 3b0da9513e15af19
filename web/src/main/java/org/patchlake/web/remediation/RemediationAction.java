package org.patchlake.web.remediation;

import java.time.Instant;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A one-off action for computers (rescan now, restart now with notice): agents receive it at check-in until it
 * expires and run it once.
 */
public record RemediationAction(long id, String idempotencyKey, Kind kind, int noticeMinutes, String noticeMessage, String source,
                                String createdBy, Instant createdAt, Instant expiresAt, int targetCount) {
    public enum Kind {
        RESCAN, RESTART;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RemediationAction {
        requireNonNull(idempotencyKey, "idempotencyKey is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(source, "source is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    public String wireId() {
        return "act-" + id;
    }
}
