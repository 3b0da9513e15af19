package org.patchlake.core.protocol;

/** What the agent does when an install needs a restart. */
public enum RebootBehaviour {
    /** Never restart; the computer stays INSTALLED_PENDING_REBOOT until someone restarts it. */
    NEVER,
    /** Restart once at the end of the maintenance window, after all installs of the cycle. */
    END_OF_CYCLE,
    /** Restart at {@link RebootSettings#scheduledAt()} (local time of the window's zone). */
    SCHEDULED
}
