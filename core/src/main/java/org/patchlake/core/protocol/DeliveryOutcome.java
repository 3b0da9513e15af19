package org.patchlake.core.protocol;

/** How one install attempt ended. */
public enum DeliveryOutcome {
    SUCCEEDED,
    SUCCEEDED_REBOOT_REQUIRED,
    /** Failed; the agent will try again (attempt < maxRetries). */
    FAILED_WILL_RETRY,
    /** Failed for good: retries exhausted or a non-retryable error. */
    FAILED,
    /** Not attempted: outside the maintenance window (the agent waits for the next one). */
    OUTSIDE_WINDOW,
    /** The policy was cancelled or paused before the install finished. */
    CANCELLED
}
