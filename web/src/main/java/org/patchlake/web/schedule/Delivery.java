package org.patchlake.web.schedule;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One delivery attempt of a schedule, as logged: when, why (trigger), to whom, how big, from which snapshot,
 * and what the SMTP server answered (or what failed before it was asked).
 */
public record Delivery(long id, long scheduleId, Trigger trigger, Instant dueAt, int attempt, Instant startedAt, Instant finishedAt,
                       List<String> recipients, String format, Long sizeBytes, String snapshotId, Instant dataAsOf,
                       Outcome outcome, String smtpResponse, String error) {
    /** Why a run happened. */
    public enum Trigger {
        /** The cron time came. */
        SCHEDULED,
        /** The cron time passed while the server was not running: one mail for all missed times. */
        CATCH_UP,
        /** A failed run tried again. */
        RETRY,
        /** "Send now". */
        MANUAL
    }

    public enum Outcome { SENT, FAILED }

    public Delivery {
        requireNonNull(trigger, "trigger is null");
        requireNonNull(dueAt, "dueAt is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        recipients = List.copyOf(requireNonNull(recipients, "recipients is null"));
        requireNonNull(format, "format is null");
        requireNonNull(outcome, "outcome is null");
    }
}
