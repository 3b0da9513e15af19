package org.patchlake.web.schedule;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A stored schedule: its definition, its owner (whose scope the report is rendered in, checked again at every
 * send), and the scheduler's state.
 *
 * @param nextRunAt           next cron time; null when disabled
 * @param retryAt             when a failed run is tried again; null when none is pending
 * @param retryAttempt        failed attempts of the current run
 * @param sendRequestedAt     "send now" asked for and not yet handled
 * @param consecutiveFailures failed attempts since the last successful delivery
 * @param failingSince        first failure of the current failure streak; null when the last attempt succeeded
 */
public record Schedule(long id, long ownerUserId, String ownerName, ScheduleDefinition definition, Instant createdAt,
                       String updatedBy, Instant updatedAt, Instant nextRunAt, Instant retryAt, int retryAttempt,
                       Instant sendRequestedAt, Instant lastRunAt, String lastStatus, int consecutiveFailures,
                       Instant failingSince) {
    public Schedule {
        requireNonNull(ownerName, "ownerName is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Flagged on the page and in the API: the last {@code threshold} attempts all failed. */
    public boolean failing(int threshold) {
        return consecutiveFailures >= threshold;
    }

    /** The earliest time the scheduler has something to do for this schedule; null when nothing is pending. */
    public Instant dueAt() {
        Instant due = definition.enabled() ? earliest(nextRunAt, retryAt) : null;
        return earliest(due, sendRequestedAt);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** The scheduler's state after a run, written in one update. */
    public record State(Instant nextRunAt, Instant retryAt, int retryAttempt, boolean clearSendRequest, Instant lastRunAt,
                        String lastStatus, int consecutiveFailures, Instant failingSince) {
    }
}
