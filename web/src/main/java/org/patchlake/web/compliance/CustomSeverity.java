package org.patchlake.web.compliance;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The organisation's severity for a bulletin; it never overwrites the vendor's. */
public record CustomSeverity(String bulletinId, String severity, String reason, String setBy, Instant setAt) {
    public static final List<String> SEVERITIES = List.of("Critical", "Important", "Moderate", "Low");

    public CustomSeverity {
        requireNonNull(bulletinId, "bulletinId is null");
        requireNonNull(severity, "severity is null");
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be one of " + SEVERITIES + ", was '" + severity + "'");
        }
        requireNonNull(reason, "reason is null");
        requireNonNull(setBy, "setBy is null");
        requireNonNull(setAt, "setAt is null");
    }
}
