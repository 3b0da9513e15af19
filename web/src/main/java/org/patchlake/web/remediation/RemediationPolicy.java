package org.patchlake.web.remediation;

import java.time.Instant;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** A stored remediation policy. Agents know it as {@link #wireId()} ({@code rem-12}). */
public record RemediationPolicy(long id, String idempotencyKey, RemediationDefinition definition, Status status, long revision,
                                Long parentId, int targetCount, String createdBy, Instant createdAt, Instant updatedAt) {
    public enum Status {
        ACTIVE, PAUSED, CANCELLED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String WIRE_PREFIX = "rem-";

    public RemediationPolicy {
        requireNonNull(idempotencyKey, "idempotencyKey is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    public String wireId() {
        return WIRE_PREFIX + id;
    }

    public String name() {
        return definition.name();
    }

    /** The store id of a wire id ({@code rem-12} -> 12), or -1 when it is not one of ours. */
    public static long idOf(String wireId) {
        if (wireId == null || !wireId.startsWith(WIRE_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(wireId.substring(WIRE_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
